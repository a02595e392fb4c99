package io.junction.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicSuffixTest {

  private static String n(String raw) {
    return HostNames.normalize(raw).orElseThrow();
  }

  @Test
  void publicSuffixesAreNotRegistrable() {
    for (String suffix :
        List.of(
            "com",
            "org",
            "net",
            "uk",
            "ru",
            "io",
            "co.uk",
            "com.au",
            "co.jp",
            "com.br",
            "github.io",
            "blogspot.com",
            "herokuapp.com",
            "appspot.com",
            "anything.kawasaki.jp",
            "xn--p1ai",
            "рф",
            "москва",
            "example",
            "test",
            "newgtldnotyetlisted")) {
      assertFalse(HostNames.registrable(n(suffix)), suffix);
    }
  }

  @Test
  void namesWithALabelLeftOfTheSuffixAre() {
    for (String host :
        List.of(
            "example.com",
            "shop.example.com",
            "example.co.uk",
            "a.b.example.com.au",
            "site.co.jp",
            "loja.com.br",
            "someone.github.io",
            "a.example",
            "shop.example",
            "city.kawasaki.jp",
            "www.ck",
            "пример.рф",
            "localhost",
            "app.localhost")) {
      assertTrue(HostNames.registrable(n(host)), host);
    }
  }

  @Test
  void theListsAlgorithmPicksTheLongestRuleAndHonoursExceptions() {
    assertEquals("co.uk", HostNames.publicSuffix("shop.example.co.uk"));
    assertEquals("com", HostNames.publicSuffix("example.com"));
    assertEquals("github.io", HostNames.publicSuffix("a.b.github.io"));
    // *.ck with the exception !www.ck
    assertEquals("foo.ck", HostNames.publicSuffix("bar.foo.ck"));
    assertEquals("ck", HostNames.publicSuffix("www.ck"));
    // a top-level domain no rule names is a suffix by the default rule
    assertEquals("zz", HostNames.publicSuffix("example.zz"));
  }

  @Test
  void theRulesFileIsParsedAsTheListDescribes() {
    HostNames.PublicSuffixes rules =
        HostNames.PublicSuffixes.parse(
            List.of("// comment", "", "uk", "co.uk", "*.sch.uk", "!special.sch.uk", "рф"));
    assertEquals("co.uk", rules.suffixOf("a.co.uk"));
    assertEquals("x.sch.uk", rules.suffixOf("a.x.sch.uk"));
    assertEquals("sch.uk", rules.suffixOf("special.sch.uk"));
    assertEquals("xn--p1ai", rules.suffixOf("xn--e1afmkfd.xn--p1ai"));
  }

  @Test
  void aSiteRefusesPublicSuffixesAsDomainsOrCname() {
    SiteService.checkRegistrable(
        settings(List.of("example.com", "localhost"), "login.example.com"));
    GigyaException domains =
        assertThrows(
            GigyaException.class,
            () -> SiteService.checkRegistrable(settings(List.of("example.com", "com"), null)));
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, domains.code());
    assertTrue(domains.details().contains("domains"), domains.details());
    GigyaException cname =
        assertThrows(
            GigyaException.class,
            () -> SiteService.checkRegistrable(settings(List.of("example.com"), "co.uk")));
    assertTrue(cname.details().contains("cname"), cname.details());
  }

  private static SiteSettings settings(List<String> domains, String cname) {
    return new SiteSettings(
        "s", domains, cname, "us1", false, false, List.of(), true, false, true, GuestMerge.CONFIRM);
  }
}
