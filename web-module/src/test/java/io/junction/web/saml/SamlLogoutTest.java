package io.junction.web.saml;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Single logout messages: read by both bindings, checked as assertions are, written signed. */
class SamlLogoutTest {

  static final String SLO = "https://junction.example/saml/v2.0/3_k/sp/slo";
  static final String SP = "https://junction.example/saml/v2.0/3_k/sp/metadata";
  static final TestIdp IDP = new TestIdp("https://idp.example/realms/r");
  static final TestIdp OTHER = new TestIdp("https://idp.other.example");
  static final List<SamlLogout.Idp> IDPS =
      List.of(
          new SamlLogout.Idp("saml-other", OTHER.entityId, List.of(OTHER.certificate)),
          new SamlLogout.Idp("saml-corp", IDP.entityId, List.of(IDP.certificate)));

  static String request(String issuer, String destination, Instant issued) {
    return SamlLogout.logoutRequest(
        "_lr1", issued, destination, issuer, "alice@corp", "urn:f", "sess-1");
  }

  /** The query of an identity provider's redirect to the SLO service. */
  static String redirectQuery(String xml, String relay, KeyPair keys) {
    return URI.create(SamlLogout.redirect(SLO, "SAMLRequest", xml, relay, keys.getPrivate()))
        .getRawQuery();
  }

  static SamlLogout.Request byRedirect(String query) {
    return SamlLogout.validateRequest(SamlLogout.fromRedirect(query), SLO, IDPS, Instant.now());
  }

  @Test
  void aSignedRedirectRequestNamesTheSubjectAndItsIdentityProvider() {
    SamlLogout.Request r =
        byRedirect(redirectQuery(request(IDP.entityId, SLO, Instant.now()), "rs 1/2", IDP.keys));
    assertEquals("saml-corp", r.provider());
    assertEquals("_lr1", r.id());
    assertEquals("alice@corp", r.nameId());
    assertEquals(List.of("sess-1"), r.sessionIndexes());
    assertEquals("rs 1/2", r.relayState());
    assertTrue(r.keepUntil().isAfter(Instant.now().plus(SamlLogout.MAX_AGE)));
  }

  @Test
  void everyCheckOfTheRedirectBindingRefusesWithItsCode() {
    String good = redirectQuery(request(IDP.entityId, SLO, Instant.now()), "rs", IDP.keys);
    // The RelayState changed after signing.
    assertRefused(
        ErrorCode.INVALID_REQUEST_SIGNATURE,
        () -> byRedirect(good.replace("RelayState=rs", "RelayState=rt")));
    // Signed by another key, under this IdP's name.
    assertRefused(
        ErrorCode.INVALID_REQUEST_SIGNATURE,
        () ->
            byRedirect(redirectQuery(request(IDP.entityId, SLO, Instant.now()), null, OTHER.keys)));
    // No signature at all.
    assertRefused(
        ErrorCode.INVALID_REQUEST_SIGNATURE,
        () -> byRedirect(good.substring(0, good.indexOf("&SigAlg="))));
    // SHA-1.
    assertRefused(
        ErrorCode.INVALID_REQUEST_SIGNATURE,
        () ->
            byRedirect(
                good.replace(
                    "SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256",
                    "SigAlg=http%3A%2F%2Fwww.w3.org%2F2000%2F09%2Fxmldsig%23rsa-sha1")));
    assertRefused(
        ErrorCode.UNEXPECTED_PROVIDER_USER,
        () ->
            byRedirect(
                redirectQuery(
                    request("https://stranger.example", SLO, Instant.now()), null, IDP.keys)));
    assertRefused(
        ErrorCode.FORBIDDEN,
        () ->
            byRedirect(
                redirectQuery(
                    request(IDP.entityId, "https://elsewhere.example/slo", Instant.now()),
                    null,
                    IDP.keys)));
    assertRefused(
        ErrorCode.REQUEST_HAS_EXPIRED,
        () ->
            byRedirect(
                redirectQuery(
                    request(IDP.entityId, SLO, Instant.now().minusSeconds(900)), null, IDP.keys)));
    assertRefused(ErrorCode.SAML_MESSAGE_NOT_FOUND, () -> SamlLogout.fromRedirect("RelayState=x"));
    assertRefused(ErrorCode.SAML_MESSAGE_NOT_FOUND, () -> SamlLogout.fromRedirect(null));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE, () -> SamlLogout.fromRedirect("SAMLRequest=%%%"));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> byRedirect("SAMLRequest=AAAA"));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE, () -> SamlLogout.fromRedirect(good + "&SAMLRequest=x"));
  }

  @Test
  void aPostedRequestCarriesItsEnvelopedSignature() {
    Document doc =
        SamlXml.parse(request(IDP.entityId, SLO, Instant.now()).getBytes(StandardCharsets.UTF_8));
    TestIdp.sign(doc.getDocumentElement(), "_lr1", new TestIdp.Spec(), IDP.keys);
    String posted = TestIdp.encode(doc);
    SamlLogout.Request r =
        SamlLogout.validateRequest(
            SamlLogout.fromPost(posted, null, "relay"), SLO, IDPS, Instant.now());
    assertEquals("alice@corp", r.nameId());
    assertEquals("saml-corp", r.provider());

    String unsigned =
        Base64.getEncoder()
            .encodeToString(
                request(IDP.entityId, SLO, Instant.now()).getBytes(StandardCharsets.UTF_8));
    assertRefused(
        ErrorCode.INVALID_REQUEST_SIGNATURE,
        () ->
            SamlLogout.validateRequest(
                SamlLogout.fromPost(unsigned, null, null), SLO, IDPS, Instant.now()));
    // The NameID changed after signing.
    String changed =
        Base64.getEncoder()
            .encodeToString(
                new String(Base64.getDecoder().decode(posted), StandardCharsets.UTF_8)
                    .replace("alice@corp", "bob@corp")
                    .getBytes(StandardCharsets.UTF_8));
    assertRefused(
        ErrorCode.INVALID_REQUEST_SIGNATURE,
        () ->
            SamlLogout.validateRequest(
                SamlLogout.fromPost(changed, null, null), SLO, IDPS, Instant.now()));
    String doctype =
        Base64.getEncoder()
            .encodeToString(
                ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + request(IDP.entityId, SLO, Instant.now()))
                    .getBytes(StandardCharsets.UTF_8));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () ->
            SamlLogout.validateRequest(
                SamlLogout.fromPost(doctype, null, null), SLO, IDPS, Instant.now()));
    assertRefused(ErrorCode.SAML_MESSAGE_NOT_FOUND, () -> SamlLogout.fromPost(null, " ", null));
  }

  @Test
  void theServiceProvidersResponseIsSignedByTheRedirectBinding() {
    SamlCertificates.SpKeyPair pair = SamlCertificates.generate("SP");
    String xml =
        SamlLogout.logoutResponse("_resp1", Instant.now(), SLO, SP, "_lr1", SamlLogout.SUCCESS);
    String url = SamlLogout.redirect(SLO, "SAMLResponse", xml, null, pair.privateKey());
    SamlLogout.Response r =
        SamlLogout.validateResponse(
            SamlLogout.fromRedirect(URI.create(url).getRawQuery()),
            SLO,
            List.of(new SamlLogout.Idp("saml-sp", SP, List.of(pair.certificate()))),
            Instant.now());
    assertTrue(r.success());
    assertEquals("_lr1", r.inResponseTo());
    assertEquals("_resp1", r.id());
  }
}
