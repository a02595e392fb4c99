package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void anUnsolicitedResponseIsPostedAgainWithoutRelayState() {
    String html = SamlLegs.resubmit("https://j.example/acs", "PHI+", null).html();
    assertFalse(html.contains("RelayState"), html);
    assertTrue(html.contains("name=\"SAMLResponse\" value=\"PHI+\""), html);
  }

  @Test
  void theAuthnRequestPageMayPostOnlyToTheIdentityProvider() {
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("SAMLRequest", "PHJlcT4=");
    fields.put("RelayState", "rs-1");
    BrowserPage page =
        SamlLegs.autoPost(
            "https://idp.example:8443/realms/r/protocol/saml", fields, "https://idp.example:8443");
    assertTrue(
        page.html().contains("action=\"https://idp.example:8443/realms/r/protocol/saml\""),
        page.html());
    assertTrue(page.html().contains("name=\"RelayState\" value=\"rs-1\""), page.html());
    assertTrue(
        page.contentSecurityPolicy().contains("form-action https://idp.example:8443;"),
        page.contentSecurityPolicy());
  }

  @Test
  void theIssuerOfAResponseIsReadWithoutBelievingIt() {
    String withResponseIssuer =
        b64(
            "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'"
                + " xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='_r' Version='2.0'>"
                + "<saml:Issuer>https://idp.example/a</saml:Issuer></samlp:Response>");
    assertEquals("https://idp.example/a", SamlLegs.issuerOf(withResponseIssuer));
    String assertionOnly =
        b64(
            "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'"
                + " xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='_r' Version='2.0'>"
                + "<saml:Assertion ID='_a'><saml:Issuer>https://idp.example/b</saml:Issuer>"
                + "</saml:Assertion></samlp:Response>");
    assertEquals("https://idp.example/b", SamlLegs.issuerOf(assertionOnly));
    io.junction.web.envelope.GigyaException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.junction.web.envelope.GigyaException.class,
            () ->
                SamlLegs.issuerOf(
                    b64("<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>")));
    assertEquals(400006, e.code().code());
  }

  private static String b64(String xml) {
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }
}
