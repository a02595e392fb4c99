package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.location;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where an oidc-&lt;name&gt; provider's discovery document may send the browser and Junction: an
 * issuer on 127.0.0.1 whose document places every endpoint on localhost (the real OIDC server on
 * loopback). The hosts differ, so the first leg ends at the site until the provider lists localhost
 * in its allowedHosts; then the login works. (The test server allows private addresses, so that the
 * loopback stand-ins can be used at all, and with them plain http on loopback.)
 */
class OidcDiscoveryIT {

  private static final int OIDC_PORT = Integer.getInteger("junction.oidc.port", 19093);

  private static HttpServer issuerHost;
  private static String issuer;
  private static String issuerId;

  @BeforeAll
  static void serveTheDiscoveryDocument() throws IOException {
    issuerId = "split-" + UUID.randomUUID().toString().substring(0, 8);
    issuerHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    issuer = "http://127.0.0.1:" + issuerHost.getAddress().getPort() + "/" + issuerId;
    String endpoints = "http://localhost:" + OIDC_PORT + "/" + issuerId;
    String document =
        "{\"issuer\":\""
            + issuer
            + "\",\"authorization_endpoint\":\""
            + endpoints
            + "/authorize\",\"token_endpoint\":\""
            + endpoints
            + "/token\",\"jwks_uri\":\""
            + endpoints
            + "/jwks\",\"userinfo_endpoint\":\""
            + endpoints
            + "/userinfo\",\"response_types_supported\":[\"code\"],"
            + "\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    issuerHost.createContext(
        "/" + issuerId + "/.well-known/openid-configuration",
        x -> OkStandIn.send(x, 200, "application/json", document));
    issuerHost.start();
    OidcIT.oidc();
  }

  @AfterAll
  static void stop() {
    issuerHost.stop(0);
  }

  private static HttpResponse<String> putProvider(String apiKey, String provider, String extra) {
    return admin(
        "PUT",
        "/admin/sites/" + apiKey + "/providers/" + provider,
        "{\"appId\":\"junction-web-client\",\"secretKey\":\"client-secret\"" + extra + "}");
  }

  private static String loginUrl(Sites.Site site) {
    return Browser.loginUrl(site.apiKey(), "")
        .replace("x_provider=odnoklassniki", "x_provider=oidc-split");
  }

  @Test
  void endpointsOnAnotherHostThanTheIssuersNeedThatHostListed() {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"split " + UUID.randomUUID() + "\",\"domains\":[\"shop.example.com\"]}");
    JsonObject siteJson = json(created);
    Sites.Site site = new Sites.Site(siteJson.getString("apiKey"), siteJson.getString("secret"));
    HttpResponse<String> put =
        putProvider(site.apiKey(), "oidc-split", ",\"issuer\":\"" + issuer + "\"");
    assertEquals(201, put.statusCode(), put.body());
    assertEquals(List.of(), json(put).getJsonArray("allowedHosts"));

    Browser browser = new Browser();
    Map<String, String> refused = answer(location(browser.get(loginUrl(site))));
    assertEquals("400122", refused.get("errorCode"), refused.toString());
    assertEquals("st-1", refused.get("state"));
    assertTrue(
        refused.get("errorDetails").contains("authorization_endpoint is on localhost"),
        refused.toString());
    assertNull(browser.cookie("junction_flow"), "no flow was started");

    HttpResponse<String> otherHost =
        putProvider(
            site.apiKey(),
            "oidc-split",
            ",\"issuer\":\"" + issuer + "\",\"allowedHosts\":[\"127.0.0.2\"]");
    assertEquals(200, otherHost.statusCode(), otherHost.body());
    assertEquals("400122", answer(location(new Browser().get(loginUrl(site)))).get("errorCode"));

    HttpResponse<String> listed =
        putProvider(
            site.apiKey(),
            "oidc-split",
            ",\"issuer\":\"" + issuer + "\",\"allowedHosts\":[\"LOCALHOST\"]");
    assertEquals(200, listed.statusCode(), listed.body());
    assertEquals("localhost", json(listed).getJsonArray("allowedHosts").getString(0));
    JsonObject read =
        json(admin("GET", "/admin/sites/" + site.apiKey() + "/providers/oidc-split", null));
    assertEquals("localhost", read.getJsonArray("allowedHosts").getString(0), read.toString());

    String subject = "split-" + UUID.randomUUID();
    OidcIT.oidc()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                issuerId,
                subject,
                "JWT",
                List.of("junction-web-client"),
                Map.of("iss", issuer, "name", "Ada Lovelace", "email", subject + "@example.com"),
                3600));
    Browser user = new Browser();
    String providerPage = user.start(loginUrl(site));
    assertTrue(
        providerPage.startsWith("http://localhost:" + OIDC_PORT + "/" + issuerId + "/authorize?"),
        providerPage);
    Map<String, String> back = answer(location(user.get(location(user.get(providerPage)))));
    assertNotNull(back.get("code"), back.toString());
    JsonObject info =
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
    assertEquals("oidc-split", info.getString("loginProvider"));
    assertEquals(subject, info.getString("loginProviderUID"));
  }

  @Test
  void allowedHostsAreHostNamesOfOidcProvidersOnly() {
    JsonObject siteJson =
        json(
            admin(
                "POST",
                "/admin/sites",
                "{\"name\":\"hosts "
                    + UUID.randomUUID()
                    + "\",\"domains\":[\"shop.example.com\"]}"));
    String apiKey = siteJson.getString("apiKey");
    for (String bad :
        List.of(
            "\"allowedHosts\":[\"https://login.example.com/\"]",
            "\"allowedHosts\":[\"login.example.com:443\"]",
            "\"allowedHosts\":\"login.example.com\"",
            "\"allowedHosts\":[\"\"]")) {
      AdminApiIT.assertError(
          putProvider(apiKey, "oidc-hosts", ",\"issuer\":\"" + issuer + "\"," + bad),
          400,
          400006,
          "allowedHosts");
    }
    AdminApiIT.assertError(
        putProvider(apiKey, "facebook", ",\"allowedHosts\":[\"login.example.com\"]"),
        400,
        400006,
        "allowedHosts");
    // Allowing private addresses allows plain http on loopback only.
    AdminApiIT.assertError(
        putProvider(apiKey, "oidc-hosts", ",\"issuer\":\"http://10.0.0.1/realms/x\""),
        400,
        400006,
        "issuer");
    assertEquals(
        404,
        admin("GET", "/admin/sites/" + apiKey + "/providers/oidc-hosts", null).statusCode(),
        "a refused request writes nothing");
    JsonObject facebook = json(putProvider(apiKey, "facebook", ""));
    assertTrue(
        !facebook.containsKey("allowedHosts") || facebook.isNull("allowedHosts"),
        "only oidc-<name> providers have allowedHosts: " + facebook);
  }
}
