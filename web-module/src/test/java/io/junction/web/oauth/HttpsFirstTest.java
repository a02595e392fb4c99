package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.ApiCalls;
import io.junction.web.site.SiteService;
import io.junction.web.site.SiteSettings;
import io.junction.web.testing.Beans;
import io.junction.web.testing.TestServices;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpsFirstTest {

  private static TestServices services;

  @BeforeAll
  static void start() {
    services = TestServices.start();
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  private static HttpsFirst httpsFirst(String publicUrl) {
    HttpsFirst h = new HttpsFirst();
    h.config = new Beans().config("junction.public-url", publicUrl).get(JunctionConfig.class);
    h.sites = services.get(SiteService.class);
    return h;
  }

  @Test
  void aLoginOverPlainHttpGoesToTheSameRequestOnThePublicHttpsUrl() {
    String apiKey = services.newSite().site().apiKey();
    var call =
        ApiCalls.of(
            "socialize.login",
            false,
            "GET",
            "localhost:9080",
            Map.of("client_id", apiKey, "x_provider", "google"));
    assertEquals(
        "https://localhost:9443/socialize.login?client_id=k&x_provider=google",
        httpsFirst("https://localhost:9443")
            .httpsLocation(call, "socialize.login", "client_id=k&x_provider=google")
            .orElseThrow());
  }

  @Test
  void overHttpsOrWithAPlainPublicUrlNothingChanges() {
    var secure = ApiCalls.of("socialize.login", true, "GET", "localhost:9443", Map.of());
    assertTrue(httpsFirst("https://localhost:9443").httpsLocation(secure, "x", null).isEmpty());
    var plain = ApiCalls.of("socialize.login", false, "GET", "localhost:9080", Map.of());
    assertTrue(httpsFirst("http://localhost:9080").httpsLocation(plain, "x", null).isEmpty());
  }

  @Test
  void throughTheSitesCnameTheBrowserStaysOnTheCname() {
    SiteSettings s = TestServices.siteSettings(false);
    SiteSettings withCname =
        new SiteSettings(
            s.name(),
            s.domains(),
            "login.shop.example.com",
            s.dataCenter(),
            s.retrieveContacts(),
            s.revokeTokensOnSecretRotation(),
            s.redirectUris(),
            s.allowImplicit(),
            s.requirePkce(),
            s.connectConfirmation(),
            s.guestMerge());
    String apiKey = services.newSite(withCname).site().apiKey();
    HttpsFirst h = httpsFirst("https://junction.example.net");
    var viaCname =
        ApiCalls.of(
            "socialize.login",
            false,
            "GET",
            "LOGIN.shop.example.com.",
            Map.of("client_id", apiKey));
    assertEquals(
        "https://login.shop.example.com/socialize.login?client_id=" + apiKey,
        h.httpsLocation(viaCname, "/socialize.login", "client_id=" + apiKey).orElseThrow());
    // Another host in the Host header is not believed: the public URL it is.
    var elsewhere =
        ApiCalls.of(
            "socialize.login", false, "GET", "evil.example.org", Map.of("client_id", apiKey));
    assertEquals(
        "https://junction.example.net/socialize.login",
        h.httpsLocation(elsewhere, "socialize.login", null).orElseThrow());
    // A CNAME of another site neither.
    var unknownSite =
        ApiCalls.of(
            "socialize.login",
            false,
            "GET",
            "login.shop.example.com",
            Map.of("client_id", "3_nosuchsite"));
    assertEquals(
        "https://junction.example.net/socialize.login",
        h.httpsLocation(unknownSite, "socialize.login", null).orElseThrow());
  }

  @Test
  void hostNamesOfHostHeaders() {
    assertEquals("a.example.com", HttpsFirst.hostName("A.Example.com.:8080"));
    assertNull(HttpsFirst.hostName(null));
    assertNull(HttpsFirst.hostName("[::1]:9080"));
  }
}
