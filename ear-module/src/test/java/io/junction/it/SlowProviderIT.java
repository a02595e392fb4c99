package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.location;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider whose token endpoint hangs: an OpenID Connect issuer on loopback whose discovery
 * document answers at once and whose token endpoint holds every request until the test lets it go.
 * Thirty logins wait at its callback at once; the provider's bulkhead lets only some of them reach
 * it, its circuit breaker opens, and the others fail at once. Meanwhile a login through
 * Odnoklassniki goes through as fast as ever, and a login of another user through the hanging
 * provider ends at once at the site's redirect_uri.
 *
 * <p>The test server's read timeout of providers is 4 s and its breakers stay open 10 s ({@code
 * CircuitBreaker_delay} in its server.env).
 */
class SlowProviderIT {

  private static final int FLOWS = 30;

  /** The provider lanes' bulkhead (ProviderLanes.CONCURRENT). */
  private static final int BULKHEAD = 10;

  private static HttpServer issuerHost;
  private static String issuer;
  private static final CountDownLatch release = new CountDownLatch(1);
  private static final AtomicInteger tokenCalls = new AtomicInteger();
  private static final AtomicInteger inFlight = new AtomicInteger();
  private static final AtomicInteger mostInFlight = new AtomicInteger();

  @BeforeAll
  static void serveTheHangingProvider() throws IOException {
    String id = "hanging-" + UUID.randomUUID().toString().substring(0, 8);
    issuerHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    issuerHost.setExecutor(Executors.newCachedThreadPool());
    issuer = "http://127.0.0.1:" + issuerHost.getAddress().getPort() + "/" + id;
    String document =
        "{\"issuer\":\""
            + issuer
            + "\",\"authorization_endpoint\":\""
            + issuer
            + "/authorize\",\"token_endpoint\":\""
            + issuer
            + "/token\",\"jwks_uri\":\""
            + issuer
            + "/jwks\",\"response_types_supported\":[\"code\"],"
            + "\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    issuerHost.createContext(
        "/" + id + "/.well-known/openid-configuration",
        x -> OkStandIn.send(x, 200, "application/json", document));
    issuerHost.createContext("/" + id + "/token", SlowProviderIT::hang);
    issuerHost.start();
  }

  private static void hang(HttpExchange x) throws IOException {
    tokenCalls.incrementAndGet();
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
    try {
      OkStandIn.send(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
    } catch (IOException gone) {
      // Junction gave up on this call already
    }
  }

  /** A site of the hanging provider, to see its breaker close again. */
  private static String recoverySite;

  /**
   * Lets the provider answer again and waits (up to 40 s) until a flow reaches it, that is until
   * the breaker of the oidc-&lt;name&gt; lane is closed again, for the tests that follow.
   */
  private static boolean closeTheBreaker() throws InterruptedException {
    release.countDown();
    long until = System.currentTimeMillis() + 40_000;
    while (System.currentTimeMillis() < until) {
      Browser b = new Browser();
      try {
        String code = finish(b, callbackOfANewFlow(b, recoverySite)).answer().get("errorCode");
        if (!code.equals("500026") && !code.equals("504001")) {
          return true;
        }
      } catch (AssertionError stillOpen) {
        // the first leg itself ended at the site: the breaker is still open
      }
      Thread.sleep(1_000);
    }
    return false;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    try {
      if (recoverySite != null) {
        closeTheBreaker();
      }
    } finally {
      issuerHost.stop(0);
    }
  }

  /** A flow through the hanging provider, up to its callback's URL (the provider's "answer"). */
  private static String callbackOfANewFlow(Browser browser, String apiKey) {
    String providerPage =
        browser.start(
            Browser.loginUrl(apiKey, "")
                .replace("x_provider=odnoklassniki", "x_provider=oidc-hang"));
    assertTrue(providerPage.startsWith(issuer + "/authorize?"), providerPage);
    String state = OkStandIn.query(URI.create(providerPage).getRawQuery()).get("state");
    return Junction.HTTPS + "/GS/GSLogin.aspx?code=c-" + UUID.randomUUID() + "&state=" + state;
  }

  private record Outcome(Map<String, String> answer, long millis) {}

  private static Outcome finish(Browser browser, String callback) {
    long start = System.nanoTime();
    HttpResponse<String> r = browser.get(callback);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Outcome(answer(location(r)), millis);
  }

  /** A site whose oidc-hang provider is the hanging issuer. */
  private static String siteWithTheHangingProvider() {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"hanging " + UUID.randomUUID() + "\",\"domains\":[\"shop.example.com\"]}");
    assertEquals(201, created.statusCode(), created.body());
    String apiKey = json(created).getString("apiKey");
    HttpResponse<String> put =
        admin(
            "PUT",
            "/admin/sites/" + apiKey + "/providers/oidc-hang",
            "{\"appId\":\"client\",\"secretKey\":\"client-secret\",\"issuer\":\"" + issuer + "\"}");
    assertEquals(201, put.statusCode(), put.body());
    return apiKey;
  }

  private static long okLoginMillis(Sites.Site ok) {
    long start = System.nanoTime();
    Map<String, String> login =
        answer(
            new Browser().roundTrip(Browser.loginUrl(ok.apiKey(), ""), OkStandIn.newUser("Swift")));
    assertTrue(login.containsKey("code"), login.toString());
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aHangingProviderSlowsNeitherTheOthersNorItsOwnOtherUsers() throws Exception {
    // Two sites of the same provider (a site may hold only so many pending flows at once).
    String[] sites = {siteWithTheHangingProvider(), siteWithTheHangingProvider()};
    String apiKey = sites[0];
    recoverySite = apiKey;
    // One flow first, so that the issuer's discovery document is known before the thirty start.
    Browser first = new Browser();
    callbackOfANewFlow(first, apiKey);
    Sites.Site ok = Sites.withOdnoklassniki();
    // How long a login through Odnoklassniki takes here, on this machine, with nothing hanging.
    long baseline = Math.max(okLoginMillis(ok), okLoginMillis(ok));

    // Thirty browsers go to the provider and come back to the callback, all at once (each flow's
    // callback follows its first leg at once: the test server's flows expire after 8 s).
    ExecutorService pool = Executors.newFixedThreadPool(FLOWS);
    try {
      List<Future<Outcome>> stuck = new ArrayList<>();
      for (int i = 0; i < FLOWS; i++) {
        String site = sites[i % 2];
        stuck.add(
            pool.submit(
                () -> {
                  Browser b = new Browser();
                  return finish(b, callbackOfANewFlow(b, site));
                }));
      }
      long deadline = System.currentTimeMillis() + 10_000;
      while (inFlight.get() < 1 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(inFlight.get() >= 1, "the token endpoint holds calls");

      // A login through another provider meanwhile: hardly slower than with nothing hanging.
      long loginMillis = okLoginMillis(ok);
      assertTrue(
          loginMillis < baseline + 3_000,
          "a login through Odnoklassniki took " + loginMillis + " ms, " + baseline + " before");

      // The thirty end at the site with a Gigya error, none after much more than the timeout.
      int timedOut = 0;
      for (Future<Outcome> f : stuck) {
        Outcome o = f.get(30, TimeUnit.SECONDS);
        String code = o.answer().get("errorCode");
        assertTrue(Set.of("504001", "500026").contains(code), o.answer().toString());
        assertEquals("st-1", o.answer().get("state"));
        assertTrue(o.millis() < 10_000, "a stuck login ended after " + o.millis() + " ms");
        if (code.equals("504001")) {
          timedOut++;
        }
      }
      String seen =
          timedOut
              + " of "
              + FLOWS
              + " timed out, "
              + tokenCalls.get()
              + " reached the provider, at most "
              + mostInFlight.get()
              + " at once";
      assertTrue(timedOut >= 1, "some calls reached the provider and timed out: " + seen);
      assertTrue(mostInFlight.get() <= BULKHEAD, "beyond the bulkhead: " + seen);
      assertTrue(tokenCalls.get() < FLOWS, "the bulkhead and breaker spared the provider: " + seen);

      // Another user of the hanging provider, now that its breaker is open (the
      // failures above opened it): an answer at once, and no call to the provider.
      int callsBefore = tokenCalls.get();
      Browser other = new Browser();
      Outcome fast = finish(other, callbackOfANewFlow(other, apiKey));
      assertEquals("500026", fast.answer().get("errorCode"), fast.answer().toString());
      assertEquals("st-1", fast.answer().get("state"));
      assertTrue(fast.millis() < 3_000, "an open breaker answered in " + fast.millis() + " ms");
      assertEquals(callsBefore, tokenCalls.get(), "an open breaker calls nobody");

    } finally {
      release.countDown();
      pool.shutdownNow();
    }

    // Once the provider answers again and the breaker's delay is over, calls reach it again.
    assertTrue(closeTheBreaker(), "the breaker closed again");
  }
}
