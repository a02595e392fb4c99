package io.junction.it;

import static io.junction.it.Browser.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What anonymous traffic can make Junction keep: a first leg writes nothing when its flow travels
 * sealed in the state sent to the provider, so any number of them leaves nothing to bound; the
 * flows that are stored instead (SAML, and a flow whose sealed state would be too long, such as one
 * with a site state of a thousand characters) count against junction.flow.max-pending-per-site (the
 * test server's: 20, with flows that expire after 8 s). A request body beyond the container's limit
 * is refused before it is read, on every path.
 */
class BoundedWorkIT {

  private static final int CAP = Integer.getInteger("junction.flow.max-pending", 20);
  private static final int LIFETIME_SECONDS = Integer.getInteger("junction.flow.lifetime", 8);

  /** A site state long enough that the flow cannot travel sealed and is stored. */
  private static final String LONG_STATE = "L".repeat(1000);

  /** Where a first leg sent the browser: to the provider, or back to the site with an error. */
  private static String firstLeg(Sites.Site site) {
    return new Browser().start(Browser.loginUrl(site.apiKey(), ""));
  }

  /** The same with the site's long state: a stored flow. */
  private static String storedFirstLeg(Sites.Site site) {
    return new Browser()
        .start(Browser.loginUrl(site.apiKey(), "").replace("state=st-1", "state=" + LONG_STATE));
  }

  @Test
  void sealedFlowsKeepNothingSoNoCapRefusesThem() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<String>> legs = new ArrayList<>();
    for (int i = 0; i < CAP + 10; i++) {
      legs.add(pool.submit(() -> firstLeg(site)));
    }
    for (Future<String> leg : legs) {
      String location = leg.get(60, TimeUnit.SECONDS);
      assertTrue(location.startsWith("http://localhost:"), location);
      assertTrue(
          OkStandIn.query(URI.create(location).getRawQuery()).get("state").startsWith("J1."),
          "a sealed state: " + location);
    }
    pool.shutdown();
    // Nothing of a sealed flow is written (its site state is nowhere in the database), while a
    // stored one is; and the stored flows of the site still have all their room.
    String mark = "sealed-" + System.nanoTime();
    String sealedLeg =
        new Browser()
            .start(Browser.loginUrl(site.apiKey(), "").replace("state=st-1", "state=" + mark));
    assertTrue(sealedLeg.startsWith("http://localhost:"), sealedLeg);
    assertFalse(DatabaseContent.contains(mark), "a sealed flow's site state in the database");
    String storedMark = mark + "-" + "s".repeat(990);
    String storedLeg =
        new Browser()
            .start(
                Browser.loginUrl(site.apiKey(), "").replace("state=st-1", "state=" + storedMark));
    assertTrue(storedLeg.startsWith("http://localhost:"), "a stored flow: " + storedLeg);
    assertTrue(DatabaseContent.contains(storedMark), "a stored flow's site state in the database");
  }

  @Test
  void aSiteHoldsOnlySoManyStoredFlowsUntilTheyExpire() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    Sites.Site other = Sites.withOdnoklassniki();
    int attempts = CAP + 10;
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<String>> legs = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      legs.add(pool.submit(() -> storedFirstLeg(site)));
    }
    int toProvider = 0;
    int refused = 0;
    for (Future<String> leg : legs) {
      String location = leg.get(60, TimeUnit.SECONDS);
      if (location.startsWith(Browser.SITE_PAGE)) {
        Map<String, String> error = answer(location);
        assertEquals("400124", error.get("errorCode"), error.toString());
        assertEquals(LONG_STATE, error.get("state"));
        refused++;
      } else {
        assertTrue(location.startsWith("http://localhost:"), location);
        assertTrue(
            !OkStandIn.query(URI.create(location).getRawQuery()).get("state").startsWith("J1."),
            "stored: " + location);
        toProvider++;
      }
    }
    pool.shutdown();
    // Five at a time may pass the count together; the cap holds within that.
    assertTrue(refused >= 1, "the cap refused some of " + attempts + " flows");
    assertTrue(toProvider <= CAP + 5, toProvider + " flows were kept, the cap is " + CAP);

    // Sealed flows of the site, and another site, are not concerned; once the flows expire, the
    // site stores flows again.
    assertTrue(firstLeg(site).startsWith("http://localhost:"), "a sealed flow");
    assertTrue(storedFirstLeg(other).startsWith("http://localhost:"), "another site's flow");
    Thread.sleep((LIFETIME_SECONDS + 1) * 1000L);
    assertTrue(storedFirstLeg(site).startsWith("http://localhost:"), "a flow after expiry");
  }

  @Test
  void aBodyBeyondTheContainersLimitIsRefusedOnEveryPath() throws Exception {
    byte[] huge = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    for (String path : List.of("/socialize.getToken", "/health/ready", "/openapi")) {
      int status;
      try {
        HttpResponse<String> r =
            Junction.CLIENT.send(
                HttpRequest.newBuilder(URI.create(Junction.HTTPS + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
      } catch (java.io.IOException closed) {
        // The server may close the connection before the whole body is sent.
        status = -1;
      }
      assertTrue(status == 413 || status == -1, path + " answered " + status);
    }
    // And the server is fine.
    assertEquals(200, Junction.get(Junction.HTTPS + "/health/ready").statusCode());
  }
}
