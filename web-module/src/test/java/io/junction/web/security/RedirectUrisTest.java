package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

  private static final List<String> DOMAINS = List.of("shop.example.com", "example.org");

  @Test
  void acceptsHttpsOnTheSiteDomainsAndTheirSubdomains() {
    for (String ok :
        List.of(
            "https://shop.example.com/cb",
            "https://SHOP.example.com./cb?x=1",
            "https://a.b.example.org:8443/",
            "http://localhost:8080/cb",
            "http://127.0.0.1/cb")) {
      assertEquals(
          ok,
          RedirectUris.validate(
              ok,
              ok.contains("localhost") || ok.contains("127.0.0.1")
                  ? List.of("localhost", "127.0.0.1")
                  : DOMAINS));
    }
  }

  @Test
  void refusesEverythingElseWith400011() {
    for (String bad :
        List.of(
            "http://shop.example.com/cb",
            "https://evil.com/cb",
            "https://shop.example.com.evil.com/",
            "https://evilshop.example.com/",
            "https://user:pw@shop.example.com/",
            "https://shop.example.com/#f",
            "https://shop.example.com\\.evil.com/",
            "https://shop.example.com/a b",
            "https://shop.example.com/\r\nx",
            "ftp://shop.example.com/",
            "javascript:alert(1)",
            "/relative",
            "//shop.example.com/",
            "https:///path",
            "https://shop.example.com/" + "a".repeat(2100))) {
      GigyaException e =
          assertThrows(GigyaException.class, () -> RedirectUris.validate(bad, DOMAINS), bad);
      assertEquals(ErrorCode.INVALID_REDIRECT_URI, e.code(), bad);
    }
    assertEquals(
        ErrorCode.MISSING_REQUIRED_PARAMETER,
        assertThrows(GigyaException.class, () -> RedirectUris.validate(null, DOMAINS)).code());
  }

  @Test
  void aPortIsANumberFrom1To65535() {
    for (String ok :
        List.of(
            "https://shop.example.com:1/cb",
            "https://shop.example.com:443/cb",
            "https://shop.example.com:8443/cb",
            "https://shop.example.com:65535/cb")) {
      assertEquals(ok, RedirectUris.validate(ok, DOMAINS));
    }
    for (String bad :
        List.of(
            "https://shop.example.com:0/cb",
            "https://shop.example.com:65536/cb",
            "https://shop.example.com:99999/cb",
            "https://shop.example.com:99999999999/cb",
            "https://shop.example.com:abc/cb",
            "https://shop.example.com:/cb",
            "https://shop.example.com:+443/cb",
            "https://shop.example.com:-1/cb",
            "https://shop.example.com:443:443/cb",
            "http://[::1]:70000/cb")) {
      GigyaException e =
          assertThrows(
              GigyaException.class,
              () -> RedirectUris.validate(bad, List.of("shop.example.com", "[::1]")),
              bad);
      assertEquals(ErrorCode.INVALID_REDIRECT_URI, e.code(), bad);
      assertTrue(e.details().contains("port"), bad + ": " + e.details());
    }
  }

  @Test
  void anIpv6LiteralIsNoneOfTheSiteDomainsEvenOneNamedInvalid() {
    for (String bad : List.of("https://[2001:db8::1]/cb", "https://[::1]/cb", "http://[::1]/cb")) {
      GigyaException e =
          assertThrows(
              GigyaException.class,
              () -> RedirectUris.validate(bad, List.of("invalid", "example.org")),
              bad);
      assertEquals(ErrorCode.INVALID_REDIRECT_URI, e.code(), bad);
    }
  }

  @Test
  void registeredRedirectUrisMatchExactlyAndTurnDomainMatchingOff() {
    List<String> registered =
        List.of("https://shop.example.com/after-login", "https://m.shop.example.com/cb?app=1");
    for (String ok : registered) {
      assertEquals(ok, RedirectUris.validate(ok, DOMAINS, registered));
    }
    for (String bad :
        List.of(
            "https://shop.example.com/other",
            "https://shop.example.com/after-login/",
            "https://shop.example.com/after-login?x=1",
            "https://shop.example.com/After-Login",
            "https://SHOP.example.com/after-login",
            "https://shop.example.com./after-login",
            "https://shop.example.com:443/after-login",
            "https://shop.example.com/after%2Dlogin",
            "https://m.shop.example.com/cb",
            "https://m.shop.example.com/cb?app=1&x=2",
            "https://example.org/")) {
      GigyaException e =
          assertThrows(
              GigyaException.class, () -> RedirectUris.validate(bad, DOMAINS, registered), bad);
      assertEquals(ErrorCode.INVALID_REDIRECT_URI, e.code(), bad);
    }
    // The structural rules still come first: a registered URI never lets a bad one through.
    List<String> badRegistered = List.of("https://shop.example.com:99999/cb");
    assertThrows(
        GigyaException.class,
        () -> RedirectUris.validate(badRegistered.get(0), DOMAINS, badRegistered));
    // Without registered URIs, the site's domains decide.
    assertEquals(
        "https://shop.example.com/other",
        RedirectUris.validate("https://shop.example.com/other", DOMAINS, List.of()));
  }

  @Test
  void appendsToTheQueryOrTheFragment() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("code", "a b&c");
    p.put("state", "s=1");
    p.put("skipped", null);
    assertEquals(
        "https://x.example/cb?code=a%20b%26c&state=s%3D1",
        RedirectUris.append("https://x.example/cb", p, false));
    assertEquals(
        "https://x.example/cb?k=v&code=a%20b%26c&state=s%3D1",
        RedirectUris.append("https://x.example/cb?k=v", p, false));
    assertEquals(
        "https://x.example/cb#code=a%20b%26c&state=s%3D1",
        RedirectUris.append("https://x.example/cb", p, true));
  }

  @Test
  void forwardedProtoCountsOnlyFromTrustedProxies() {
    RequestSecurity s = new RequestSecurity("10.0.0.5, 10.0.0.6");
    assertEquals(true, s.secure(true, "1.2.3.4", null));
    assertEquals(true, s.secure(false, "10.0.0.5", "https"));
    assertEquals(false, s.secure(false, "1.2.3.4", "https"));
    assertEquals(false, s.secure(false, "10.0.0.5", "http"));
    assertEquals(false, new RequestSecurity(" ").secure(false, "127.0.0.1", "https"));
  }
}
