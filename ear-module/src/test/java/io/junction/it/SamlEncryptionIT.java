package io.junction.it;

import static io.junction.it.Browser.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Encrypted assertions on the real server: the service provider's metadata offers its key for
 * encryption; an assertion the IdP (played by the test) encrypted to it logs the user in; one whose
 * key travels by RSA 1.5 is refused at redirect_uri.
 */
class SamlEncryptionIT {

  static PublicKey spKey(JsonObject view) {
    String cert =
        view.getJsonObject("saml").getJsonObject("serviceProvider").getString("certificate");
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(cert)))
          .getPublicKey();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAssertionEncryptedToTheSiteLogsTheUserInAndRsa15IsRefused() {
    Sites.Site site = SamlIT.site();
    JsonObject view = SamlIT.putIdp(site.apiKey(), "saml-corp", SamlIT.CORP);
    PublicKey sp = spKey(view);
    HttpResponse<String> metadata =
        Junction.get(
            view.getJsonObject("saml").getJsonObject("serviceProvider").getString("metadataUrl"));
    assertTrue(metadata.body().contains("use=\"encryption\""), metadata.body());
    assertTrue(metadata.body().contains("xmlenc11#aes256-gcm"), metadata.body());

    Browser browser = new Browser();
    SamlIdpStandIn.Request request =
        SamlIdpStandIn.read(
            Browser.location(browser.get(SamlIT.loginUrl(site.apiKey(), "saml-corp"))));
    String encrypted =
        SamlEncryption.encryptAssertion(
            SamlIT.CORP.response(request, "enc-alice", SamlIT.ATTRIBUTES),
            sp,
            SamlEncryption.RSA_OAEP);
    assertTrue(
        new String(Base64.getDecoder().decode(encrypted), java.nio.charset.StandardCharsets.UTF_8)
            .contains("EncryptedAssertion"));
    Map<String, String> back =
        answer(
            SamlIT.siteLocation(
                SamlIT.postToAcs(browser, request.acs(), encrypted, request.relayState())));
    String token = Sites.tokenForCode(site, back.get("code"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals("enc-alice", info.getString("loginProviderUID"), info.toString());
    assertEquals("alice@corp.test", info.getString("email"));

    SamlIdpStandIn.Request again =
        SamlIdpStandIn.read(
            Browser.location(browser.get(SamlIT.loginUrl(site.apiKey(), "saml-corp"))));
    String weak =
        SamlEncryption.encryptAssertion(
            SamlIT.CORP.response(again, "enc-alice", SamlIT.ATTRIBUTES),
            sp,
            SamlEncryption.RSA_1_5);
    Map<String, String> refused =
        answer(
            SamlIT.siteLocation(SamlIT.postToAcs(browser, again.acs(), weak, again.relayState())));
    assertEquals("400006", refused.get("errorCode"), refused.toString());
    assertTrue(refused.get("errorDetails").contains("RSA 1.5"), refused.toString());
  }
}
