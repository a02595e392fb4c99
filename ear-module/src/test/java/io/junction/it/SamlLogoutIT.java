package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Single logout with a SAML identity provider (played by the test) on the real server: the IdP's
 * LogoutRequest ends the user's Junction tokens and is answered by a signed LogoutResponse;
 * socialize.logout gives the browser a signed LogoutRequest for the IdP and the IdP's answer is
 * accepted; unsigned, replayed or foreign messages are refused.
 */
class SamlLogoutIT {

  static final SamlIdpStandIn CORP = new SamlIdpStandIn("https://idp.corp.test/realms/slo");
  static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

  record Login(Sites.Site site, String token, PublicKey spKey) {}

  static Login login(String nameId) {
    Sites.Site site = SamlIT.site();
    String body =
        Json.createObjectBuilder()
            .add("entityID", CORP.entityId)
            .add("singleSignOnServiceUrl", CORP.entityId + "/sso")
            .add("singleLogoutServiceUrl", CORP.entityId + "/slo")
            .add("certificate", CORP.certificatePem)
            .add("attributeMap", Json.createObjectBuilder().add("email", "Email"))
            .build()
            .toString();
    HttpResponse<String> put =
        Junction.admin("PUT", "/admin/sites/" + site.apiKey() + "/providers/saml-corp", body);
    assertEquals(201, put.statusCode(), put.body());
    String cert =
        json(put).getJsonObject("saml").getJsonObject("serviceProvider").getString("certificate");
    PublicKey spKey;
    try {
      spKey =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(cert)))
              .getPublicKey();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new Login(site, loginAgain(site, nameId), spKey);
  }

  static String loginAgain(Sites.Site site, String nameId) {
    Browser browser = new Browser();
    SamlIdpStandIn.Request request =
        SamlIdpStandIn.read(
            Browser.location(browser.get(SamlIT.loginUrl(site.apiKey(), "saml-corp"))));
    String response =
        CORP.response(request, nameId, SamlIdpStandIn.attribute("email", nameId + "@corp.test"));
    String code =
        answer(
                SamlIT.siteLocation(
                    SamlIT.postToAcs(browser, request.acs(), response, request.relayState())))
            .get("code");
    return Sites.tokenForCode(site, code);
  }

  static String slo(Sites.Site site) {
    return Junction.HTTPS + "/saml/v2.0/" + site.apiKey() + "/sp/slo";
  }

  @Test
  void theIdentityProvidersLogoutRequestEndsTheUsersTokens() {
    Login alice = login("alice-slo");
    String other = loginAgain(alice.site(), "bob-slo");
    assertEquals(0, Sites.call("socialize.getUserInfo", alice.token(), "").getInt("errorCode"));

    String request =
        SamlLogoutMessages.logoutRequest(CORP, slo(alice.site()), "alice-slo", "relay-7");
    HttpResponse<String> answered = Junction.get(request);
    assertEquals(302, answered.statusCode(), answered.body());
    String location = answered.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(CORP.entityId + "/slo?SAMLResponse="), location);
    assertTrue(location.contains("&RelayState=relay-7&"), location);
    Document response = SamlLogoutMessages.read(location, "SAMLResponse", alice.spKey());
    Element root = response.getDocumentElement();
    assertEquals("LogoutResponse", root.getLocalName());
    assertEquals(CORP.entityId + "/slo", root.getAttribute("Destination"));
    assertTrue(root.getAttribute("InResponseTo").startsWith("_lr"));
    assertEquals(
        "urn:oasis:names:tc:SAML:2.0:status:Success",
        ((Element) root.getElementsByTagNameNS(PROTOCOL, "StatusCode").item(0))
            .getAttribute("Value"));

    // Alice's token is over; Bob's session stays.
    assertNotEquals(0, Sites.call("socialize.getUserInfo", alice.token(), "").getInt("errorCode"));
    assertEquals(0, Sites.call("socialize.getUserInfo", other, "").getInt("errorCode"));

    // The same request again is a replay; an unsigned one, or one for another site, is refused.
    assertEquals(403004, json(Junction.get(request)).getInt("errorCode"));
    String unsigned =
        SamlLogoutMessages.redirect(
            CORP,
            slo(alice.site()),
            "SAMLRequest",
            "<samlp:LogoutRequest xmlns:samlp='"
                + PROTOCOL
                + "' xmlns:saml='"
                + ASSERTION
                + "'"
                + " ID='_u1' Version='2.0' IssueInstant='"
                + java.time.Instant.now()
                + "'"
                + " Destination='"
                + slo(alice.site())
                + "'><saml:Issuer>"
                + CORP.entityId
                + "</saml:Issuer><saml:NameID>bob-slo</saml:NameID></samlp:LogoutRequest>",
            null,
            false);
    assertEquals(403003, json(Junction.get(unsigned)).getInt("errorCode"));
    Sites.Site elsewhere = SamlIT.site();
    HttpResponse<String> foreign =
        Junction.get(SamlLogoutMessages.logoutRequest(CORP, slo(elsewhere), "bob-slo", null));
    assertEquals(403017, json(foreign).getInt("errorCode"), foreign.body());
    assertEquals(
        409015, json(Junction.get(slo(alice.site()) + "?RelayState=x")).getInt("errorCode"));
    assertEquals(0, Sites.call("socialize.getUserInfo", other, "").getInt("errorCode"));
  }

  @Test
  void socializeLogoutSendsTheBrowserToTheIdentityProvidersLogout() {
    Login carol = login("carol-slo");
    JsonObject out = Sites.call("socialize.logout", carol.token(), "");
    assertEquals(0, out.getInt("errorCode"), out.toString());
    String url = out.getJsonArray("samlLogoutUrls").getString(0);
    assertTrue(url.startsWith(CORP.entityId + "/slo?SAMLRequest="), url);
    Document request = SamlLogoutMessages.read(url, "SAMLRequest", carol.spKey());
    Element root = request.getDocumentElement();
    assertEquals("LogoutRequest", root.getLocalName());
    assertEquals(CORP.entityId + "/slo", root.getAttribute("Destination"));
    assertEquals(
        "carol-slo", root.getElementsByTagNameNS(ASSERTION, "NameID").item(0).getTextContent());
    assertEquals(
        Junction.HTTPS + "/saml/v2.0/" + carol.site().apiKey() + "/sp/metadata",
        root.getElementsByTagNameNS(ASSERTION, "Issuer").item(0).getTextContent());
    assertTrue(
        root.getElementsByTagNameNS(PROTOCOL, "SessionIndex")
            .item(0)
            .getTextContent()
            .startsWith("s-"));
    assertNotEquals(0, Sites.call("socialize.getUserInfo", carol.token(), "").getInt("errorCode"));

    // The IdP's answer comes back to the single logout service: a page for the browser.
    HttpResponse<String> done =
        Junction.get(
            SamlLogoutMessages.logoutResponse(CORP, slo(carol.site()), root.getAttribute("ID")));
    assertEquals(200, done.statusCode(), done.body());
    assertTrue(done.body().contains("signed out"), done.body());
  }
}
