package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every check of a SAML response, with responses signed in the test by a key Junction trusts and by
 * one it does not.
 */
class SamlResponseValidatorTest {

  static final String ACS = "https://junction.example/saml/v2.0/3_k/sp/acs";
  static final String SP = "https://junction.example/saml/v2.0/3_k/sp/metadata";
  static final String REQUEST = "_req-123";
  static final TestIdp IDP = new TestIdp("https://idp.example/realms/corp");
  static final TestIdp STRANGER = new TestIdp("https://idp.example/realms/corp");

  static SamlResponseValidator.Expected expected() {
    return expected(REQUEST, false);
  }

  static SamlResponseValidator.Expected expected(String inResponseTo, boolean allowUnsolicited) {
    return new SamlResponseValidator.Expected(
        ACS,
        SP,
        IDP.entityId,
        List.of(IDP.certificate),
        inResponseTo,
        allowUnsolicited,
        Instant.now());
  }

  static TestIdp.Spec spec() {
    return IDP.spec(ACS, SP, REQUEST);
  }

  static GigyaException refused(String samlResponse, ErrorCode code) {
    return refused(samlResponse, expected(), code);
  }

  static GigyaException refused(
      String samlResponse, SamlResponseValidator.Expected expected, ErrorCode code) {
    GigyaException e =
        assertThrows(
            GigyaException.class, () -> SamlResponseValidator.validate(samlResponse, expected));
    assertEquals(code, e.code(), e.details());
    return e;
  }

  @Test
  void aResponseWithASignedAssertionIsReadFromTheAssertion() {
    TestIdp.Spec s = spec();
    SamlAssertion a = SamlResponseValidator.validate(IDP.response(s), expected());
    assertEquals(s.assertionId, a.id());
    assertEquals("alice-uid-1", a.nameId());
    assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", a.nameIdFormat());
    assertEquals("sess-1", a.sessionIndex());
    assertEquals(List.of("alice@example.test"), a.attributes().get("email"));
    assertEquals(List.of("staff", "admin"), a.attributes().get("Role"), "instances merged");
    assertTrue(a.keepUntil().isAfter(s.subjectNotOnOrAfter), "kept past its last validity");
  }

  @Test
  void aSignedResponseOrBothSignedIsAccepted() {
    TestIdp.Spec responseOnly = spec();
    responseOnly.signAssertion = false;
    responseOnly.signResponse = true;
    assertNotNull(SamlResponseValidator.validate(IDP.response(responseOnly), expected()));
    TestIdp.Spec both = spec();
    both.signResponse = true;
    assertNotNull(SamlResponseValidator.validate(IDP.response(both), expected()));
  }

  @Test
  void noSamlResponseIs409015() {
    refused(null, ErrorCode.SAML_MESSAGE_NOT_FOUND);
    refused("  ", ErrorCode.SAML_MESSAGE_NOT_FOUND);
  }

  @Test
  void notBase64OrNotXmlIs400006() {
    refused("%%%not base64", ErrorCode.INVALID_PARAMETER_VALUE);
    refused(b64("<unclosed"), ErrorCode.INVALID_PARAMETER_VALUE);
    refused(
        b64("<samlp:LogoutRequest xmlns:samlp='" + SamlXml.PROTOCOL + "'/>"),
        ErrorCode.INVALID_PARAMETER_VALUE);
  }

  @Test
  void aDoctypeWithAnExternalEntityIsRefusedUnread(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "alice-uid-1");
    String signed = SamlXml.write(IDP.document(spec()));
    String xxe = "<!DOCTYPE samlp:Response [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>" + signed;
    GigyaException e = refused(b64(xxe), ErrorCode.INVALID_PARAMETER_VALUE);
    assertTrue(e.details().contains("DOCTYPE"), e.details());
  }

  @Test
  void anUnsignedResponseIsRefused() {
    TestIdp.Spec s = spec();
    s.signAssertion = false;
    refused(IDP.response(s), ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void aRemovedSignatureIsRefused() {
    Document d = IDP.document(spec());
    Element assertion = assertion(d);
    assertion.removeChild(SamlXml.child(assertion, SamlXml.DSIG, "Signature"));
    refused(TestIdp.encode(d), ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void aKeyJunctionDoesNotTrustIsRefused() {
    refused(STRANGER.response(spec()), ErrorCode.INVALID_REQUEST_SIGNATURE);
    TestIdp.Spec response = spec();
    response.signAssertion = false;
    response.signResponse = true;
    refused(STRANGER.response(response), ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void aNameIdChangedAfterSigningIsRefused() {
    Document d = IDP.document(spec());
    Element nameId = (Element) d.getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0);
    nameId.setTextContent("admin-uid-0");
    refused(TestIdp.encode(d), ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void anAttributeChangedAfterSigningIsRefused() {
    Document d = IDP.document(spec());
    Element value = (Element) d.getElementsByTagNameNS(SamlXml.ASSERTION, "AttributeValue").item(0);
    value.setTextContent("mallory@example.test");
    refused(TestIdp.encode(d), ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void aSecondAssertionBeforeTheSignedOneIsRefused() {
    // XSW: a forged assertion as the Response's first child, the signed one after it.
    Document d = IDP.document(spec());
    Element signed = assertion(d);
    Element forged = (Element) signed.cloneNode(true);
    forged.removeChild(SamlXml.child(forged, SamlXml.DSIG, "Signature"));
    forged.getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0).setTextContent("admin");
    forged.setAttributeNS(null, "ID", "_forged");
    d.getDocumentElement().insertBefore(forged, signed);
    refused(TestIdp.encode(d), ErrorCode.INVALID_PARAMETER_VALUE);
  }

  @Test
  void theSignedAssertionHiddenInsideTheForgedOneIsRefused() {
    // XSW: the forged assertion in the Response, the signed original wrapped inside it
    // (in its Subject), the signature's Reference still resolving to the original's ID.
    Document d = IDP.document(spec());
    Element signed = assertion(d);
    Element forged = (Element) signed.cloneNode(true);
    forged.removeChild(SamlXml.child(forged, SamlXml.DSIG, "Signature"));
    forged.getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0).setTextContent("admin");
    d.getDocumentElement().replaceChild(forged, signed);
    Element subject = SamlXml.child(forged, SamlXml.ASSERTION, "Subject");
    subject.appendChild(signed);
    refused(TestIdp.encode(d), ErrorCode.INVALID_PARAMETER_VALUE);
  }

  @Test
  void aSignatureMovedToAnUnsignedForgedAssertionIsRefused() {
    // XSW: the forged assertion carries the original's signature, whose Reference names the
    // original's ID; the original is hidden in the Response's Extensions.
    Document d = IDP.document(spec());
    Element signed = assertion(d);
    Element forged = (Element) signed.cloneNode(true);
    forged.getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0).setTextContent("admin");
    forged.setAttributeNS(null, "ID", "_forged");
    d.getDocumentElement().replaceChild(forged, signed);
    Element ext = d.createElementNS(SamlXml.PROTOCOL, "samlp:Extensions");
    ext.appendChild(signed);
    d.getDocumentElement().insertBefore(ext, forged);
    refused(TestIdp.encode(d), ErrorCode.INVALID_PARAMETER_VALUE);
    // And with the original gone entirely, the Reference no longer names the element it sits in.
    ext.getParentNode().removeChild(ext);
    GigyaException e = refused(TestIdp.encode(d), ErrorCode.INVALID_REQUEST_SIGNATURE);
    assertTrue(e.details().contains("does not cover"), e.details());
  }

  @Test
  void aSignedResponseWhoseAssertionWasSwappedIsRefused() {
    // XSW on a signed Response: the assertion replaced after signing.
    TestIdp.Spec s = spec();
    s.signAssertion = false;
    s.signResponse = true;
    Document d = IDP.document(s);
    assertion(d).getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0).setTextContent("x");
    refused(TestIdp.encode(d), ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void sha1IsRefused() {
    TestIdp.Spec s = spec();
    s.digest = DigestMethod.SHA1;
    s.signatureMethod = SignatureMethod.RSA_SHA1;
    refused(IDP.response(s), ErrorCode.INVALID_REQUEST_SIGNATURE);
    TestIdp.Spec digestOnly = spec();
    digestOnly.digest = DigestMethod.SHA1;
    refused(IDP.response(digestOnly), ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void noPinnedCertificateIs409014() {
    var none =
        new SamlResponseValidator.Expected(
            ACS, SP, IDP.entityId, List.of(), REQUEST, false, Instant.now());
    refused(IDP.response(spec()), none, ErrorCode.SAML_CERTIFICATE_NOT_FOUND);
  }

  @Test
  void anotherIssuerIsRefused() {
    TestIdp.Spec s = spec();
    s.issuer = "https://idp.example/realms/other";
    refused(IDP.response(s), ErrorCode.UNEXPECTED_PROVIDER_USER);
  }

  @Test
  void aWrongDestinationRecipientOrAudienceIsRefused() {
    TestIdp.Spec destination = spec();
    destination.destination = "https://evil.example/acs";
    refused(IDP.response(destination), ErrorCode.FORBIDDEN);
    TestIdp.Spec recipient = spec();
    recipient.recipient = "https://junction.example/saml/v2.0/3_other/sp/acs";
    refused(IDP.response(recipient), ErrorCode.FORBIDDEN);
    TestIdp.Spec audience = spec();
    audience.audience = "https://junction.example/saml/v2.0/3_other/sp/metadata";
    refused(IDP.response(audience), ErrorCode.FORBIDDEN);
  }

  @Test
  void aResponseToAnotherRequestIsRefused() {
    TestIdp.Spec s = IDP.spec(ACS, SP, "_req-other");
    GigyaException e = refused(IDP.response(s), ErrorCode.FORBIDDEN);
    assertTrue(e.details().contains("InResponseTo"), e.details());
  }

  @Test
  void unsolicitedResponsesAreRefusedUnlessTheSiteAcceptsThem() {
    TestIdp.Spec s = IDP.spec(ACS, SP, null);
    String response = IDP.response(s);
    refused(response, expected(null, false), ErrorCode.FORBIDDEN);
    assertEquals(
        s.assertionId, SamlResponseValidator.validate(response, expected(null, true)).id());
    // A response to some request is never taken as an unsolicited one.
    refused(IDP.response(spec()), expected(null, true), ErrorCode.FORBIDDEN);
  }

  @Test
  void anExpiredOrNotYetValidAssertionIsRefused() {
    TestIdp.Spec expired = spec();
    expired.issued = Instant.now().minusSeconds(900);
    expired.notOnOrAfter = Instant.now().minusSeconds(600);
    refused(IDP.response(expired), ErrorCode.REQUEST_HAS_EXPIRED);
    TestIdp.Spec subject = spec();
    subject.subjectNotOnOrAfter = Instant.now().minusSeconds(300);
    refused(IDP.response(subject), ErrorCode.REQUEST_HAS_EXPIRED);
    TestIdp.Spec future = spec();
    future.issued = Instant.now().plusSeconds(600);
    future.notOnOrAfter = Instant.now().plusSeconds(900);
    refused(IDP.response(future), ErrorCode.REQUEST_HAS_EXPIRED);
    TestIdp.Spec withinSkew = spec();
    withinSkew.notOnOrAfter = Instant.now().minusSeconds(30);
    assertNotNull(SamlResponseValidator.validate(IDP.response(withinSkew), expected()));
  }

  static SamlResponseValidator.Expected expected(
      String inResponseTo, Duration skew, java.util.function.Predicate<String> acceptedBefore) {
    return new SamlResponseValidator.Expected(
        ACS,
        SP,
        IDP.entityId,
        List.of(IDP.certificate),
        inResponseTo,
        false,
        Instant.now(),
        skew,
        acceptedBefore);
  }

  @Test
  void theClockSkewIsTheConfiguredOne() {
    TestIdp.Spec expiredRecently = spec();
    expiredRecently.notOnOrAfter = Instant.now().minusSeconds(30);
    String response = IDP.response(expiredRecently);
    // 30 s past its NotOnOrAfter: within the default 90 s, not within 10 s.
    assertNotNull(
        SamlResponseValidator.validate(
            response, expected(REQUEST, SamlResponseValidator.DEFAULT_SKEW, null)));
    GigyaException e =
        refused(
            response,
            expected(REQUEST, Duration.ofSeconds(10), null),
            ErrorCode.REQUEST_HAS_EXPIRED);
    assertTrue(e.details().contains("expired"), e.details());
    // The subject confirmation's NotOnOrAfter too.
    TestIdp.Spec subject = spec();
    subject.subjectNotOnOrAfter = Instant.now().minusSeconds(3);
    assertNotNull(
        SamlResponseValidator.validate(
            IDP.response(subject), expected(REQUEST, Duration.ofSeconds(5), null)));
    refused(
        IDP.response(subject),
        expected(REQUEST, Duration.ofSeconds(1), null),
        ErrorCode.REQUEST_HAS_EXPIRED);
    // Not yet valid: NotBefore 20 s ahead is within 90 s, not within 10 s.
    TestIdp.Spec early = spec();
    early.issued = Instant.now().plusSeconds(20);
    assertNotNull(
        SamlResponseValidator.validate(
            IDP.response(early), expected(REQUEST, SamlResponseValidator.DEFAULT_SKEW, null)));
    refused(
        IDP.response(early),
        expected(REQUEST, Duration.ofSeconds(10), null),
        ErrorCode.REQUEST_HAS_EXPIRED);
    // The assertion is kept (against replays) until it expires, skew included.
    TestIdp.Spec both = spec();
    both.notOnOrAfter = Instant.now().minusSeconds(30);
    both.subjectNotOnOrAfter = both.notOnOrAfter;
    SamlAssertion a =
        SamlResponseValidator.validate(
            IDP.response(both), expected(REQUEST, Duration.ofSeconds(40), null));
    assertTrue(a.keepUntil().isAfter(Instant.now().plusSeconds(5)), a.keepUntil().toString());
    assertTrue(a.keepUntil().isBefore(Instant.now().plusSeconds(15)), a.keepUntil().toString());
    assertThrows(
        IllegalArgumentException.class, () -> expected(REQUEST, Duration.ofSeconds(-1), null));
  }

  @Test
  void anAssertionAcceptedBeforeIsAReplayWhateverItsInResponseTo() {
    TestIdp.Spec s = spec();
    String response = IDP.response(s);
    String id = SamlResponseValidator.validate(response, expected()).id();
    java.util.Set<String> seen = java.util.Set.of(id);
    GigyaException again =
        refused(
            response,
            expected(REQUEST, SamlResponseValidator.DEFAULT_SKEW, seen::contains),
            ErrorCode.DUPLICATE_NONCE);
    assertTrue(again.details().contains("replay"), again.details());
    // Under another login's RelayState (so another pending request): still a replay.
    refused(
        response,
        expected("_another-request", SamlResponseValidator.DEFAULT_SKEW, seen::contains),
        ErrorCode.DUPLICATE_NONCE);
    // Only once its identity provider's signature verified: the same ID signed by a key Junction
    // does not trust is a bad signature, not a replay.
    TestIdp.Spec forged = spec();
    forged.assertionId = id;
    refused(
        STRANGER.response(forged),
        expected(REQUEST, SamlResponseValidator.DEFAULT_SKEW, seen::contains),
        ErrorCode.INVALID_REQUEST_SIGNATURE);
  }

  @Test
  void aFailedLoginAtTheIdentityProviderIsItsError() {
    TestIdp.Spec s = spec();
    s.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    GigyaException e = refused(IDP.response(s), ErrorCode.PROVIDER_ERROR);
    assertTrue(e.details().contains("Responder"), e.details());
  }

  @Test
  void anEncryptedAssertionIsNotAcceptedYet() {
    String xml =
        "<samlp:Response xmlns:samlp='"
            + SamlXml.PROTOCOL
            + "' xmlns:saml='"
            + SamlXml.ASSERTION
            + "' ID='_r' Version='2.0'><saml:EncryptedAssertion/></samlp:Response>";
    refused(b64(xml), ErrorCode.NOT_SUPPORTED);
  }

  @Test
  void attributesOfSeveralInstancesAreMerged() {
    TestIdp.Spec s = spec();
    s.attributes =
        "<saml:Attribute Name='g'><saml:AttributeValue>a</saml:AttributeValue>"
            + "<saml:AttributeValue>b</saml:AttributeValue></saml:Attribute>"
            + "<saml:Attribute Name='g'><saml:AttributeValue>c</saml:AttributeValue>"
            + "</saml:Attribute>";
    assertEquals(
        Map.of("g", List.of("a", "b", "c")),
        SamlResponseValidator.validate(IDP.response(s), expected()).attributes());
  }

  private static Element assertion(Document d) {
    Node n = d.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
    return (Element) n;
  }

  private static String b64(String xml) {
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }
}
