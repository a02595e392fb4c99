package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.connectUrl;
import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.location;
import static io.junction.it.Browser.loginUrl;
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
import org.junit.jupiter.api.Test;

/**
 * A site's redirect_uri policy through real HTTP: ports, exact registered redirect URIs (which turn
 * domain matching off), and the implicit flow turned off.
 */
class RedirectPolicyIT {

  private static final String OTHER_PAGE = "https://shop.example.com/other";

  @Test
  void aPortOutsideOneTo65535IsRefusedDirectly() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser b = new Browser();
    for (String bad :
        List.of(
            "https://shop.example.com:99999/cb",
            "https://shop.example.com:65536/cb",
            "https://shop.example.com:0/cb",
            "https://shop.example.com:abc/cb",
            "https://shop.example.com:/cb")) {
      assertDirect400011(b.get(withRedirect(loginUrl(site.apiKey(), ""), bad)), bad);
    }
    String good = "https://shop.example.com:8443/cb";
    String providerPage = location(b.get(withRedirect(loginUrl(site.apiKey(), ""), good)));
    assertTrue(providerPage.startsWith("http://localhost:"), providerPage);

    // Nor can an administrator register such a redirect URI.
    HttpResponse<String> registered =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"Ports "
                + UUID.randomUUID()
                + "\",\"domains\":[\"shop.example.com\"],"
                + "\"redirectUris\":[\"https://shop.example.com:99999/cb\"]}");
    assertEquals(400, registered.statusCode(), registered.body());
    assertEquals(400006, json(registered).getInt("errorCode"));
    assertTrue(json(registered).getString("errorDetails").contains("redirectUris"));
  }

  @Test
  void registeredRedirectUrisAreMatchedExactlyAndNothingElseIsAccepted() {
    Sites.Site site =
        Sites.withOdnoklassniki(",\"redirectUris\":[\"" + Browser.SITE_PAGE + "\"]", "");
    Browser b = new Browser();

    // The registered URI works end to end.
    Map<String, String> back =
        answer(b.roundTrip(loginUrl(site.apiKey(), ""), OkStandIn.newUser("Exact")));
    assertEquals("st-1", back.get("state"));
    String token = Sites.tokenForCode(site, back.get("code"));
    assertEquals(0, Sites.call("socialize.getUserInfo", token, "").getInt("errorCode"));

    // Anything else on the site's domain is answered by Junction itself, never redirected to.
    for (String other :
        List.of(
            OTHER_PAGE,
            Browser.SITE_PAGE + "/",
            Browser.SITE_PAGE + "?x=1",
            "https://SHOP.example.com/after-login",
            "https://shop.example.com:443/after-login",
            "https://m.shop.example.com/after-login")) {
      assertDirect400011(b.get(withRedirect(loginUrl(site.apiKey(), ""), other)), other);
      assertDirect400011(b.get(withRedirect(connectUrl(token, ""), other)), other);
    }
    // The registered URI for addConnection too.
    Map<String, String> connected =
        answer(b.roundTrip(connectUrl(token, ""), OkStandIn.newUser("Exacta")));
    assertEquals("0", connected.get("errorCode"), connected.toString());

    // A site without registered URIs still takes any page on its domains.
    Sites.Site open = Sites.withOdnoklassniki();
    assertEquals(302, b.get(withRedirect(loginUrl(open.apiKey(), ""), OTHER_PAGE)).statusCode());
  }

  @Test
  void aSiteMayTurnTheImplicitFlowOff() {
    Sites.Site site = Sites.withOdnoklassniki(",\"allowImplicit\":false", "");
    Browser b = new Browser();
    String implicit =
        loginUrl(site.apiKey(), "").replace("response_type=code", "response_type=token");
    String page = location(b.get(implicit));
    URI u = URI.create(page);
    assertNull(u.getRawQuery(), page);
    Map<String, String> refused = answer(page);
    assertEquals("400012", refused.get("errorCode"), refused.toString());
    assertTrue(refused.get("errorDetails").contains("response_type"), refused.toString());
    assertEquals("st-1", refused.get("state"));
    assertNull(refused.get("access_token"));

    // The code flow still works, and addConnection refuses the implicit response type too.
    String token = SocialFlowIT.login(b, site, OkStandIn.newUser("NoImplicit"));
    Map<String, String> connect =
        answer(
            location(
                b.get(connectUrl(token, "").replace("response_type=code", "response_type=token"))));
    assertEquals("400012", connect.get("errorCode"), connect.toString());
    assertEquals("cn-1", connect.get("state"));

    // By default the implicit flow is allowed (as Gigya's).
    Sites.Site dflt = Sites.withOdnoklassniki();
    Map<String, String> ok =
        answer(
            new Browser()
                .roundTrip(
                    loginUrl(dflt.apiKey(), "")
                        .replace("response_type=code", "response_type=token"),
                    OkStandIn.newUser("Implicit")));
    assertNotNull(ok.get("access_token"), ok.toString());
  }

  static String withRedirect(String url, String redirectUri) {
    return url.replace(
        "redirect_uri=" + enc(Browser.SITE_PAGE), "redirect_uri=" + enc(redirectUri));
  }

  static void assertDirect400011(HttpResponse<String> r, String redirectUri) {
    assertEquals(400, r.statusCode(), redirectUri + ": " + r.body());
    JsonObject body = json(r);
    assertEquals(400011, body.getInt("errorCode"), redirectUri + ": " + r.body());
    assertTrue(body.getString("errorDetails").contains("redirect_uri"), r.body());
    assertTrue(r.headers().firstValue("Location").isEmpty(), redirectUri);
  }
}
