package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.location;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * Google's connector (OpenID Connect) against a real OIDC server on loopback,
 * no.nav.security:mock-oauth2-server: PKCE, nonce, the id_token's signature, issuer, audience and
 * expiry checked; an expired id_token refused.
 */
class OidcIT {

  private static MockOAuth2Server oidc;

  static synchronized MockOAuth2Server oidc() {
    if (oidc == null) {
      oidc = new MockOAuth2Server();
      oidc.start(Integer.getInteger("junction.oidc.port", 19093));
      warmUp(oidc);
    }
    return oidc;
  }

  /**
   * The server's first answers (key generation, class loading) are slow on a busy machine; made
   * here, they cannot time out a login and leave its queued token answer to the next test.
   */
  private static void warmUp(MockOAuth2Server server) {
    for (String issuer : List.of("google", "microsoft", "line", "warm-up")) {
      Junction.get(server.wellKnownUrl(issuer).toString());
      Junction.get(server.jwksUrl(issuer).toString());
      server.issueToken(issuer, "warm-up");
    }
  }

  private static Sites.Site googleSite() {
    return Sites.withProvider("googleplus", "junction-web-client", "client-secret");
  }

  private static Map<String, String> flow(Sites.Site site, String subject, long expiry) {
    return flow(site, "googleplus", "google", subject, expiry, Map.of());
  }

  /** A login through the OIDC server's issuer {@code issuerId}; returns what reached the site. */
  private static Map<String, String> flow(
      Sites.Site site,
      String provider,
      String issuerId,
      String subject,
      long expiry,
      Map<String, String> expectedAuthorize) {
    MockOAuth2Server server = oidc();
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            issuerId,
            subject,
            "JWT",
            List.of("junction-web-client"),
            Map.of(
                "name",
                "Grace Hopper",
                "email",
                subject + "@example.com",
                "given_name",
                "Grace",
                "family_name",
                "Hopper"),
            expiry));
    Browser browser = new Browser();
    String providerPage =
        browser.start(
            Browser.loginUrl(site.apiKey(), "")
                .replace("x_provider=odnoklassniki", "x_provider=" + provider));
    Map<String, String> authorize = OkStandIn.query(URI.create(providerPage).getRawQuery());
    assertEquals("junction-web-client", authorize.get("client_id"));
    assertNotNull(authorize.get("nonce"));
    assertTrue(authorize.get("scope").startsWith("openid profile email"), authorize.toString());
    expectedAuthorize.forEach((k, v) -> assertEquals(v, authorize.get(k), provider + " " + k));
    String callback = location(browser.get(providerPage));
    return answer(location(browser.get(callback)));
  }

  @Test
  void aSiteHandsOverAnOpenIdConnectSessionWithoutAnIdToken() {
    ProviderStandIns.get(); // Google's tokeninfo
    Sites.Site site = googleSite();
    String subject = "handed-" + UUID.randomUUID();
    String accessToken =
        oidc()
            .issueToken(
                "google",
                "junction-web-client",
                new DefaultOAuth2TokenCallback(
                    "google",
                    subject,
                    "JWT",
                    List.of("junction-web-client"),
                    Map.of("name", "Ada Lovelace", "email", subject + "@example.com"),
                    3600))
            .serialize();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    HttpResponse<String> handed =
        signer.send(
            Junction.HTTPS,
            "socialize.notifyLogin",
            Map.of("providerSessions", "{\"googleplus\":{\"authToken\":\"" + accessToken + "\"}}"));
    JsonObject login = json(handed);
    assertEquals(0, login.getInt("errorCode"), handed.body());
    JsonObject user =
        json(
            signer.send(
                Junction.HTTPS, "socialize.getUserInfo", Map.of("UID", login.getString("UID"))));
    assertEquals(subject, user.getString("loginProviderUID"), user.toString());
    assertEquals("Ada Lovelace", user.getString("nickname"), user.toString());

    // A token the user gave another application (its client, its audience) logs nobody in here.
    String othersToken =
        oidc()
            .issueToken(
                "google",
                "another-client",
                new DefaultOAuth2TokenCallback(
                    "google",
                    subject,
                    "JWT",
                    List.of("another-client"),
                    Map.of("name", "Ada Lovelace", "email", subject + "@example.com"),
                    3600))
            .serialize();
    HttpResponse<String> substituted =
        signer.send(
            Junction.HTTPS,
            "socialize.notifyLogin",
            Map.of("providerSessions", "{\"googleplus\":{\"authToken\":\"" + othersToken + "\"}}"));
    assertEquals(403025, json(substituted).getInt("errorCode"), substituted.body());
    assertEquals(othersToken, SocialApiStandIns.LAST.get("google-tokeninfo").get("access_token"));

    HttpResponse<String> bogus =
        signer.send(
            Junction.HTTPS,
            "socialize.notifyLogin",
            Map.of("providerSessions", "{\"googleplus\":{\"authToken\":\"not-a-token\"}}"));
    assertTrue(json(bogus).getInt("errorCode") >= 400000, bogus.body());
    assertTrue(json(bogus).getInt("errorCode") != 500001, bogus.body());
  }

  @Test
  void aLineSessionIsTakenOnlyFromTheSitesOwnChannel() {
    ProviderStandIns.get(); // LINE's verify
    Sites.Site site = Sites.withProvider("line", "junction-web-client", "client-secret");
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String subject = "line-" + UUID.randomUUID();
    for (String channel : List.of("junction-web-client", "another-channel")) {
      String token =
          oidc()
              .issueToken(
                  "line",
                  channel,
                  new DefaultOAuth2TokenCallback(
                      "line", subject, "JWT", List.of(channel), Map.of("name", "Lin"), 3600))
              .serialize();
      HttpResponse<String> r =
          signer.send(
              Junction.HTTPS,
              "socialize.notifyLogin",
              Map.of("providerSessions", "{\"line\":{\"authToken\":\"" + token + "\"}}"));
      assertEquals(
          channel.equals("junction-web-client") ? 0 : 403025,
          json(r).getInt("errorCode"),
          r.body());
      assertEquals(token, SocialApiStandIns.LAST.get("line-verify").get("access_token"));
    }
  }

  @Test
  void everyOpenIdConnectProviderThroughARealOidcServer() {
    Map<String, Map<String, String>> providers = new java.util.LinkedHashMap<>();
    providers.put("microsoft", Map.of("code_challenge_method", "S256"));
    providers.put("linkedin", Map.of());
    providers.put("yahoo", Map.of("code_challenge_method", "S256"));
    providers.put("yahoojapan", Map.of("display", "page"));
    providers.put("line", Map.of("code_challenge_method", "S256"));
    for (var e : providers.entrySet()) {
      String provider = e.getKey();
      Sites.Site site = Sites.withProvider(provider, "junction-web-client", "client-secret");
      String subject = provider + "-" + UUID.randomUUID();
      Map<String, String> back = flow(site, provider, provider, subject, 3600, e.getValue());
      assertNotNull(back.get("code"), provider + " " + back);
      String token = Sites.tokenForCode(site, back.get("code"));
      JsonObject info = Sites.call("socialize.getUserInfo", token, "");
      assertEquals(provider, info.getString("loginProvider"));
      assertEquals(subject, info.getString("loginProviderUID"));
      assertEquals(subject + "@example.com", info.getString("email"));
    }
    String linkedin =
        new Browser()
            .start(
                Browser.loginUrl(
                        Sites.withProvider("linkedin", "junction-web-client", "client-secret")
                            .apiKey(),
                        "")
                    .replace("x_provider=odnoklassniki", "x_provider=linkedin"));
    assertNull(
        OkStandIn.query(URI.create(linkedin).getRawQuery()).get("code_challenge"),
        "LinkedIn is asked without PKCE");
  }

  @Test
  void aGoogleLoginThroughARealOidcServer() {
    Sites.Site site = googleSite();
    String subject = "google-" + UUID.randomUUID();
    Map<String, String> back = flow(site, subject, 3600);
    assertNotNull(back.get("code"), back.toString());
    String token = Sites.tokenForCode(site, back.get("code"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals("googleplus", info.getString("loginProvider"));
    assertEquals(subject, info.getString("loginProviderUID"));
    assertEquals("Grace Hopper", info.getString("nickname"));
    assertEquals(subject + "@example.com", info.getString("email"));
  }

  @Test
  void anExpiredIdTokenIsRefused() {
    Sites.Site site = googleSite();
    Map<String, String> back = flow(site, "late-" + UUID.randomUUID(), -3600);
    assertEquals("500023", back.get("errorCode"), back.toString());
    assertTrue(back.get("errorDetails").contains("expired"), back.toString());
    assertNull(back.get("code"));
  }

  @Test
  void anyOpenIdConnectProviderByItsIssuer() {
    int port = Integer.getInteger("junction.oidc.port", 19093);
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"acme " + UUID.randomUUID() + "\",\"domains\":[\"shop.example.com\"]}");
    JsonObject siteJson = json(created);
    String apiKey = siteJson.getString("apiKey");
    String path = "/admin/sites/" + apiKey + "/providers/oidc-acme";
    AdminApiIT.assertError(
        admin("PUT", path, "{\"appId\":\"junction-web-client\",\"secretKey\":\"s\"}"),
        400,
        400002,
        "issuer");
    AdminApiIT.assertError(
        admin(
            "PUT",
            path,
            "{\"appId\":\"a\",\"secretKey\":\"s\",\"issuer\":\"http://evil.example/\"}"),
        400,
        400006,
        "issuer");
    AdminApiIT.assertError(
        admin(
            "PUT",
            "/admin/sites/" + apiKey + "/providers/facebook",
            "{\"appId\":\"a\",\"secretKey\":\"s\",\"issuer\":\"https://idp.example\"}"),
        400,
        400006,
        "issuer");
    HttpResponse<String> put =
        admin(
            "PUT",
            path,
            "{\"appId\":\"junction-web-client\",\"secretKey\":\"client-secret\",\"issuer\":\"http://localhost:"
                + port
                + "/acme\"}");
    assertEquals(201, put.statusCode(), put.body());
    assertEquals("http://localhost:" + port + "/acme", json(put).getString("issuer"));
    Sites.Site site = new Sites.Site(apiKey, siteJson.getString("secret"));

    String subject = "acme-" + UUID.randomUUID();
    Map<String, String> back =
        flow(site, "oidc-acme", "acme", subject, 3600, Map.of("code_challenge_method", "S256"));
    assertNotNull(back.get("code"), back.toString());
    String token = Sites.tokenForCode(site, back.get("code"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals("oidc-acme", info.getString("loginProvider"));
    assertEquals(subject, info.getString("loginProviderUID"));

    Map<String, String> late =
        flow(site, "oidc-acme", "acme", "late-" + UUID.randomUUID(), -3600, Map.of());
    assertEquals("500023", late.get("errorCode"), late.toString());
  }

  /** A site on shop.example.com with an oidc-&lt;name&gt; provider at {@code issuer}. */
  static Sites.Site siteWithIssuer(String name, String issuer) {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\""
                + name
                + " "
                + UUID.randomUUID()
                + "\",\"domains\":[\"shop.example.com\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject siteJson = json(created);
    String apiKey = siteJson.getString("apiKey");
    HttpResponse<String> put =
        admin(
            "PUT",
            "/admin/sites/" + apiKey + "/providers/oidc-" + name,
            "{\"appId\":\"junction-web-client\",\"secretKey\":\"client-secret\",\"issuer\":\""
                + issuer
                + "\"}");
    assertEquals(201, put.statusCode(), put.body());
    return new Sites.Site(apiKey, siteJson.getString("secret"));
  }

  /** The first leg to oidc-{@code name} ends back at the site with {@code errorCode}. */
  private static void assertFirstLegFails(String startUrl, String errorCode, String state) {
    Browser browser = new Browser();
    Map<String, String> back = answer(location(browser.get(startUrl)));
    assertEquals(errorCode, back.get("errorCode"), back.toString());
    assertEquals(state, back.get("state"));
    assertTrue(back.get("callId").matches("[0-9a-f]{32}"), back.toString());
    assertNull(browser.cookie("__Host-junction_browser"), "no flow was started");
  }

  @Test
  void anIssuerThatFailsOrCannotBeReachedEndsTheFirstLegAtTheSite() throws Exception {
    Sites.Site failing = siteWithIssuer("down", ProviderStandIns.get().failingIssuer());
    String login =
        Browser.loginUrl(failing.apiKey(), "")
            .replace("x_provider=odnoklassniki", "x_provider=oidc-down");
    assertFirstLegFails(login, "500023", "st-1");
    Map<String, String> back = answer(location(new Browser().get(login)));
    assertTrue(back.get("errorDetails").contains("HTTP 500"), back.toString());

    String anonymous = Sites.token(failing, "grant_type=none");
    assertFirstLegFails(
        Browser.connectUrl(anonymous, "").replace("x_provider=odnoklassniki", "provider=oidc-down"),
        "500023",
        "cn-1");

    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Sites.Site unreachable = siteWithIssuer("gone", "http://localhost:" + closedPort + "/gone");
    assertFirstLegFails(
        Browser.loginUrl(unreachable.apiKey(), "")
            .replace("x_provider=odnoklassniki", "x_provider=oidc-gone"),
        "500026",
        "st-1");
  }
}
