package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.location;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty nodes on one PostgreSQL database with no sticky sessions (the -Ppostgres pass): a
 * login started on one node finishes on the other, a configuration change made on one is seen at
 * the next request on the other, and a signed call's nonce and an application key's JWT are refused
 * on the other node once used.
 */
class MultiNodeIT {

  static final String NODE2 =
      "https://localhost:" + System.getProperty("junction.node2.https.port", "19543");

  @BeforeEach
  void onPostgresOnly() {
    assumeTrue(
        "postgres".equals(System.getProperty("junction.db.kind")),
        "two nodes need the shared PostgreSQL database");
  }

  @Test
  void aLoginStartedOnOneNodeFinishesOnTheOther() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("Roam");
    Browser browser = new Browser();
    String providerPage = browser.start(Browser.loginUrl(site.apiKey(), ""));
    OkStandIn.get().consentAs(user);
    String callback = location(browser.get(providerPage));
    // The load balancer sends the callback to the other node.
    Map<String, String> back =
        answer(location(browser.get(callback.replace(Junction.HTTPS, NODE2))));
    assertNotNull(back.get("code"), back.toString());
    String token = Sites.tokenForCode(site, back.get("code"));
    JsonObject there =
        json(Junction.get(NODE2 + "/socialize.getUserInfo?oauth_token=" + enc(token)));
    assertEquals(user.uid(), there.getString("loginProviderUID"), there.toString());
  }

  @Test
  void aChangeOnOneNodeIsSeenAtTheNextRequestOnTheOther() {
    Sites.Site site = Sites.withOdnoklassniki();
    Junction.admin(
        "PUT",
        "/admin/sites/" + site.apiKey() + "/providers/odnoklassniki",
        "{\"appId\":\""
            + OkStandIn.APP_ID
            + "\",\"publicKey\":\""
            + OkStandIn.PUBLIC_KEY
            + "\",\"enabled\":false}");
    Map<String, String> back =
        answer(
            location(
                new Browser()
                    .get(Browser.loginUrl(site.apiKey(), "").replace(Junction.HTTPS, NODE2))));
    assertEquals("500031", back.get("errorCode"), back.toString());
  }

  @Test
  void aNonceIsUsedOnceAcrossNodes() {
    Sites.Site site = Sites.withOdnoklassniki();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String uid = "nodes-" + System.nanoTime();
    assertEquals(
        0,
        json(signer.send(Junction.HTTPS, "socialize.notifyLogin", Map.of("siteUID", uid)))
            .getInt("errorCode"));
    signer.nonce = "shared-nonce-" + System.nanoTime();
    signer.signedBase = Junction.HTTPS;
    assertEquals(
        0,
        json(signer.send(Junction.HTTPS, "socialize.getUserInfo", Map.of("UID", uid)))
            .getInt("errorCode"));
    assertEquals(
        403004,
        json(signer.send(NODE2, "socialize.getUserInfo", Map.of("UID", uid))).getInt("errorCode"));
  }

  @Test
  void anApplicationKeysJwtIsUsedOnceAcrossNodes() {
    Sites.Site site = Sites.withOdnoklassniki();
    ApplicationKeyJwtIT.RsaKey key =
        ApplicationKeyJwtIT.rsaKey(site, "[\"socialize.notifyLogin\"]");
    Map<String, String> params = Map.of("siteUID", "jwt-nodes-" + System.nanoTime());
    String jwt = key.jwt();
    assertEquals(0, key.code(Junction.HTTPS, "socialize.notifyLogin", jwt, params));
    assertEquals(403004, key.code(NODE2, "socialize.notifyLogin", jwt, params));
  }
}
