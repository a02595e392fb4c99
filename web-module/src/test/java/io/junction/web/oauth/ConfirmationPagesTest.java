package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfirmationPagesTest {

  private static BrowserPage guestPage(String lang, String account, String person) {
    return ConfirmationPages.guestMerge(
        lang,
        "value-123",
        "Odnoklassniki",
        account,
        List.of(new ConfirmationPages.Network("Facebook", person)),
        "https://shop.example.com/after-login?x=1",
        List.of());
  }

  @Test
  void everyValueIsEscaped() {
    BrowserPage page = guestPage("en", "<b>\"me\"</b>", "Eve' onmouseover='x & <script>");
    assertFalse(page.html().contains("<b>"), page.html());
    assertFalse(page.html().contains("<script"), page.html());
    assertTrue(page.html().contains("&lt;b&gt;&quot;me&quot;&lt;/b&gt;"), page.html());
    assertTrue(
        page.html().contains("Facebook: Eve&#39; onmouseover=&#39;x &amp; &lt;script&gt;"),
        page.html());
    assertEquals("&lt;&gt;&amp;&quot;&#39;x", ConfirmationPages.escape("<>&\"'x"));
  }

  @Test
  void aPlaceholderInAValueStaysAsItIs() {
    BrowserPage page =
        ConfirmationPages.connect(
            "en",
            "v",
            "{account}",
            "Odnoklassniki",
            "{site}",
            "https://shop.example.com/cb",
            "https://connect.ok.ru/oauth/authorize?state=s",
            List.of());
    assertTrue(
        page.html()
            .contains(
                "{account} asks to connect your Odnoklassniki account to this"
                    + " account: {site}."),
        page.html());
  }

  @Test
  void thePolicyAllowsItsOwnStyleAndPostsOnlyToJunctionAndTheRedirectTargets() throws Exception {
    BrowserPage page =
        ConfirmationPages.connect(
            "de",
            "v",
            "Shop",
            "Odnoklassniki",
            "Anna",
            "https://Shop.Example.com:8443/cb?x=1",
            "https://connect.ok.ru/oauth/authorize?state=s",
            List.of());
    String csp = page.contentSecurityPolicy();
    assertTrue(
        csp.contains("; form-action 'self' https://shop.example.com:8443 https://connect.ok.ru;"),
        csp);
    assertTrue(csp.startsWith("default-src 'none'; style-src 'sha256-"), csp);
    assertTrue(csp.endsWith("; frame-ancestors 'none'; base-uri 'none'"), csp);
    Matcher style = Pattern.compile("<style>(.*)</style>").matcher(page.html());
    assertTrue(style.find());
    String digest =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
    assertTrue(csp.contains("'sha256-" + digest + "'"), "the inline style is the allowed one");
    assertTrue(page.html().contains("<html lang=\"de\">"));
    assertFalse(page.html().contains("<script"));
  }

  @Test
  void onlyPlainOriginsEnterThePolicy() {
    assertEquals("https://shop.example.com", ConfirmationPages.origin("https://shop.example.com/"));
    assertEquals("http://localhost:3000", ConfirmationPages.origin("http://localhost:3000/cb"));
    assertNull(ConfirmationPages.origin("javascript:alert(1)"));
    assertNull(ConfirmationPages.origin("https://a b/"));
    assertNull(ConfirmationPages.origin("ftp://example.com/"));
    assertNull(ConfirmationPages.origin(null));
    assertEquals(
        "default-src 'none'; style-src",
        ConfirmationPages.policy("https://x;y/", "not a url").substring(0, 29));
    assertTrue(ConfirmationPages.policy("https://x;y/").contains("form-action 'self';"));
  }

  @Test
  void aPersonIsNamedByNicknameNameOrMaskedEmail() {
    assertEquals("Anna K", ConfirmationPages.person("Anna K", "Anna", "Karenina", "a@b.c"));
    assertEquals("Anna Karenina", ConfirmationPages.person(" ", "Anna", "Karenina", "a@b.c"));
    assertEquals("an***@example.ru", ConfirmationPages.person(null, null, null, "anna@example.ru"));
    assertNull(ConfirmationPages.person(null, null, null, null));
    assertEquals("a***@x.org", ConfirmationPages.maskEmail("ab@x.org"));
    assertEquals("***", ConfirmationPages.maskEmail("ab"));
  }
}
