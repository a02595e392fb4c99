package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The page that posts a SAML response again from Junction's origin, with the browser cookie. */
class SamlResubmitPageTest {

  @Test
  void thePagePostsTheFieldsEscapedAndAllowsOnlyItsOwnScript() throws Exception {
    BrowserPage page =
        SamlLegs.resubmit(
            "https://j.example/saml/v2.0/3_k/sp/acs", "PHNhbWw+\"><script>x</script>", "st\"&<");
    String html = page.html();
    assertTrue(html.contains("action=\"https://j.example/saml/v2.0/3_k/sp/acs\""), html);
    assertTrue(html.contains("value=\"PHNhbWw+&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""), html);
    assertTrue(html.contains("value=\"st&quot;&amp;&lt;\""), html);
    assertTrue(html.contains("name=\"" + SamlLegs.RESUBMITTED + "\""), html);
    assertFalse(html.contains("<script>x"), html);
    String script = "document.forms[0].submit();";
    assertTrue(html.contains("<script>" + script + "</script>"), html);
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
    String csp = page.contentSecurityPolicy();
    assertTrue(csp.contains("script-src 'sha256-" + hash + "'"), csp);
    assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("form-action 'self'"), csp);
    assertTrue(page.cookies().isEmpty());
  }
}
