package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The mix-up defence against the real OIDC server on loopback: when a provider's answer at the
 * callback names its issuer ({@code iss}), it must be the issuer of the provider the flow went to;
 * otherwise the flow ends at the site with 403017 and the code reaches no token endpoint. The
 * callback is the one the OIDC server sent the browser to, with an {@code iss} added.
 */
class OidcMixUpIT {

  private static final int PORT = Integer.getInteger("junction.oidc.port", 19093);

  /** The paths of the requests the OIDC server received since the last call. */
  private static List<String> requestsSoFar() {
    List<String> paths = new ArrayList<>();
    while (true) {
      RecordedRequest r;
      try {
        r = OidcIT.oidc().takeRequest(200, TimeUnit.MILLISECONDS);
      } catch (RuntimeException none) { // what the server answers when no request is left
        assertTrue(
            String.valueOf(none.getMessage()).startsWith("no request found"), none::toString);
        return paths;
      }
      paths.add(r.getMethod() + " " + r.getPath());
    }
  }

  /**
   * Starts a login at {@code provider}, lets the OIDC server answer with a code, and brings that
   * answer to the callback with {@code iss} (none when null); returns what reached the site.
   */
  private static Map<String, String> loginWithIss(Sites.Site site, String provider, String iss) {
    Browser browser = new Browser();
    String providerPage =
        browser.start(
            Browser.loginUrl(site.apiKey(), "")
                .replace("x_provider=odnoklassniki", "x_provider=" + provider));
    String callback = location(browser.get(providerPage));
    assertTrue(callback.startsWith(Junction.HTTPS + "/GS/GSLogin.aspx?"), callback);
    assertTrue(callback.contains("code=") && callback.contains("state="), callback);
    return answer(location(browser.get(iss == null ? callback : callback + "&iss=" + enc(iss))));
  }

  private static void enqueueUser(String issuerId, String issuer, String subject) {
    Map<String, Object> claims = new java.util.HashMap<>();
    claims.put("name", "Ada Lovelace");
    claims.put("email", subject + "@example.com");
    if (issuer != null) {
      claims.put("iss", issuer);
    }
    MockOAuth2Server server = OidcIT.oidc();
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            issuerId, subject, "JWT", List.of("junction-web-client"), claims, 3600));
  }

  @Test
  void anOidcProvidersCodeFromAnotherIssuerReachesNoTokenEndpoint() {
    String issuerId = "mixup-" + UUID.randomUUID().toString().substring(0, 8);
    String issuer = "http://localhost:" + PORT + "/" + issuerId;
    Sites.Site site = OidcIT.siteWithIssuer("mixup", issuer);
    requestsSoFar();

    // The browser comes back from another provider: its code must not go to this one.
    Map<String, String> mixedUp =
        loginWithIss(site, "oidc-mixup", "http://localhost:" + PORT + "/google");
    assertEquals("403017", mixedUp.get("errorCode"), mixedUp.toString());
    assertEquals("st-1", mixedUp.get("state"));
    assertNull(mixedUp.get("code"), mixedUp.toString());
    assertTrue(mixedUp.get("errorDetails").contains(issuer), mixedUp.toString());
    List<String> seen = requestsSoFar();
    assertTrue(
        seen.stream().anyMatch(r -> r.startsWith("GET /" + issuerId + "/authorize")),
        "the OIDC server's requests are visible: " + seen);
    assertTrue(
        seen.stream().noneMatch(r -> r.contains("/token")), "no token request was made: " + seen);

    // The same provider naming itself, and a provider naming no issuer, log in.
    for (String iss : new String[] {issuer, null}) {
      String subject = "mixup-" + UUID.randomUUID();
      enqueueUser(issuerId, null, subject);
      Map<String, String> back = loginWithIss(site, "oidc-mixup", iss);
      assertNotNull(back.get("code"), back.toString());
      JsonObject info =
          Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
      assertEquals("oidc-mixup", info.getString("loginProvider"));
      assertEquals(subject, info.getString("loginProviderUID"));
    }
    assertTrue(requestsSoFar().contains("POST /" + issuerId + "/token"));
  }

  @Test
  void aBuiltInProvidersCodeFromAnotherIssuerReachesNoTokenEndpoint() {
    Sites.Site site = Sites.withProvider("googleplus", "junction-web-client", "client-secret");
    requestsSoFar();
    Map<String, String> mixedUp = loginWithIss(site, "googleplus", "https://idp.attacker.example/");
    assertEquals("403017", mixedUp.get("errorCode"), mixedUp.toString());
    assertNull(mixedUp.get("code"), mixedUp.toString());
    List<String> seen = requestsSoFar();
    assertTrue(seen.stream().anyMatch(r -> r.startsWith("GET /google/authorize")), seen.toString());
    assertTrue(seen.stream().noneMatch(r -> r.contains("/token")), seen.toString());

    String subject = "google-" + UUID.randomUUID();
    enqueueUser("google", null, subject);
    Map<String, String> back =
        loginWithIss(site, "googleplus", "http://localhost:" + PORT + "/google");
    assertNotNull(back.get("code"), back.toString());
    assertEquals(
        subject,
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "")
            .getString("loginProviderUID"));
  }
}
