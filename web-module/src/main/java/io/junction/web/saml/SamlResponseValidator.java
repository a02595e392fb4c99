package io.junction.web.saml;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks a SAML response that came to a site's assertion consumer service, as a careful service
 * provider must (OWASP's SAML cheat sheet; the lessons of Keycloak's SAML CVEs), and reads the user
 * from it. Every refusal is a {@link GigyaException}:
 *
 * <ul>
 *   <li>409015 no SAMLResponse; 400006 one that is not Base64 of a well-formed document without a
 *       DOCTYPE, not a SAML 2.0 Response, or not exactly one assertion (plain, or encrypted and
 *       opened with the site's key by {@link SamlDecryption}: 400006 when it cannot be, or by a
 *       refused algorithm; 400096 where no key is given);
 *   <li>409014 no pinned certificate; 403003 a signature that is missing, does not verify with a
 *       pinned certificate, uses SHA-1, or does not cover, by its one Reference, exactly the
 *       element it sits in (so no XML signature wrapping: values are read only from the element the
 *       signature covers, found as the one direct child of the Response);
 *   <li>500023 a Status other than Success (the IdP's own refusal);
 *   <li>403017 an Issuer other than the identity provider's entity ID;
 *   <li>403000 a Destination or Recipient other than this ACS, an Audience without this service
 *       provider, an InResponseTo other than the pending request's, or an unsolicited response
 *       where the site does not accept them;
 *   <li>403004 an assertion its identity provider signed that was accepted before ({@link
 *       Expected#acceptedBefore()}, asked as soon as the signature is verified, before any other
 *       check, so a replayed response is refused as one whatever RelayState it comes with);
 *   <li>403002 an assertion outside its NotBefore/NotOnOrAfter (with {@link Expected#skew()}).
 * </ul>
 *
 * Recording an accepted assertion, so that its replay is refused, is the caller's step, with {@link
 * SamlAssertion#id()} once every check has passed.
 */
public final class SamlResponseValidator {

  /**
   * The clock difference tolerated between the identity provider and this server unless {@code
   * junction.saml.clock-skew-seconds} says otherwise.
   */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(90);

  private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
  private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
  private static final String ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

  private static final Set<String> TRANSFORMS =
      Set.of(
          Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.INCLUSIVE);
  private static final Set<String> CANONICALIZATIONS =
      Set.of(CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.INCLUSIVE);
  private static final Set<String> DIGESTS =
      Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);
  private static final Set<String> SIGNATURES =
      Set.of(
          SignatureMethod.RSA_SHA256,
          SignatureMethod.RSA_SHA384,
          SignatureMethod.RSA_SHA512,
          SignatureMethod.ECDSA_SHA256,
          SignatureMethod.ECDSA_SHA384,
          SignatureMethod.ECDSA_SHA512,
          "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1");

  /**
   * What the response must match.
   *
   * @param acsUrl this site's assertion consumer service URL (Destination, Recipient)
   * @param spEntityId this site's service-provider entity ID (Audience)
   * @param idpEntityId the configured identity provider's entity ID (Issuer)
   * @param certificates the identity provider's pinned signing certificates
   * @param inResponseTo the ID of the pending AuthnRequest, or null for an unsolicited response
   * @param allowUnsolicited whether the site accepts unsolicited responses
   * @param now the time to check against
   * @param skew the clock difference tolerated with the identity provider (not negative)
   * @param acceptedBefore whether an assertion of this ID from this identity provider was accepted
   *     before (403004)
   */
  public record Expected(
      String acsUrl,
      String spEntityId,
      String idpEntityId,
      List<X509Certificate> certificates,
      String inResponseTo,
      boolean allowUnsolicited,
      Instant now,
      Duration skew,
      Predicate<String> acceptedBefore) {

    public Expected {
      if (skew == null || skew.isNegative()) {
        throw new IllegalArgumentException("the clock skew must not be negative");
      }
      if (acceptedBefore == null) {
        acceptedBefore = id -> false;
      }
    }

    /** With {@link #DEFAULT_SKEW} and no assertion accepted before. */
    public Expected(
        String acsUrl,
        String spEntityId,
        String idpEntityId,
        List<X509Certificate> certificates,
        String inResponseTo,
        boolean allowUnsolicited,
        Instant now) {
      this(
          acsUrl,
          spEntityId,
          idpEntityId,
          certificates,
          inResponseTo,
          allowUnsolicited,
          now,
          DEFAULT_SKEW,
          null);
    }
  }

  private SamlResponseValidator() {}

  /** The assertion of a Base64 SAMLResponse (HTTP-POST binding), every check passed. */
  public static SamlAssertion validate(String samlResponse, Expected expected) {
    return validate(samlResponse, expected, null);
  }

  /**
   * The assertion of a Base64 SAMLResponse, every check passed; an EncryptedAssertion is opened
   * with {@code decryptionKey} (the site's service-provider key; null: 400096) by {@link
   * SamlDecryption} and then checked as any assertion.
   */
  public static SamlAssertion validate(
      String samlResponse, Expected expected, PrivateKey decryptionKey) {
    if (samlResponse == null || samlResponse.isBlank()) {
      throw new GigyaException(ErrorCode.SAML_MESSAGE_NOT_FOUND, "No SAMLResponse was posted");
    }
    byte[] xml;
    try {
      xml = Base64.getMimeDecoder().decode(samlResponse.trim());
    } catch (IllegalArgumentException e) {
      throw GigyaException.invalid("SAMLResponse", "not Base64");
    }
    Document doc;
    try {
      doc = SamlXml.parse(xml);
    } catch (SamlXml.Invalid e) {
      throw GigyaException.invalid("SAMLResponse", e.getMessage());
    }
    try {
      return check(doc, expected, decryptionKey);
    } catch (SamlXml.Invalid e) {
      throw GigyaException.invalid("SAMLResponse", e.getMessage());
    }
  }

  private static SamlAssertion check(Document doc, Expected expected, PrivateKey decryptionKey) {
    Element response = doc.getDocumentElement();
    if (!SamlXml.PROTOCOL.equals(response.getNamespaceURI())
        || !"Response".equals(response.getLocalName())) {
      throw new SamlXml.Invalid("not a SAML 2.0 Response");
    }
    if (!"2.0".equals(SamlXml.attribute(response, "Version"))) {
      throw new SamlXml.Invalid("not SAML version 2.0");
    }
    // Exactly one assertion (or encrypted assertion) in the whole document, and it is a direct
    // child of the Response: nothing else may be hidden anywhere for some other reader to find.
    int all =
        doc.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").getLength()
            + doc.getElementsByTagNameNS(SamlXml.ASSERTION, "EncryptedAssertion").getLength();
    Element assertion = SamlXml.child(response, SamlXml.ASSERTION, "Assertion");
    Element encrypted = SamlXml.child(response, SamlXml.ASSERTION, "EncryptedAssertion");
    if (all != 1 || (assertion == null && encrypted == null)) {
      throw new SamlXml.Invalid(
          "a Response must hold exactly one Assertion, as its child; it holds " + all);
    }
    if (encrypted != null && decryptionKey == null) {
      throw SamlDecryption.notSupported();
    }
    if (expected.certificates().isEmpty()) {
      throw new GigyaException(
          ErrorCode.SAML_CERTIFICATE_NOT_FOUND,
          "The identity provider has no signing certificate configured");
    }

    // Signatures first: nothing unsigned is believed.
    String responseId = id(response, "Response");
    response.setIdAttributeNS(null, "ID", true);
    // The Response's signature covers the message as sent: an encrypted assertion encrypted.
    boolean responseSigned = verifyIfSigned(response, responseId, expected.certificates());
    if (encrypted != null) {
      assertion = SamlDecryption.decrypt(encrypted, decryptionKey);
      if (doc.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").getLength() != 1
          || doc.getElementsByTagNameNS(SamlXml.ASSERTION, "EncryptedAssertion").getLength() != 0) {
        throw new SamlXml.Invalid("the EncryptedAssertion must hold exactly one Assertion");
      }
    }
    String assertionId = id(assertion, "Assertion");
    if (responseId.equals(assertionId)) {
      throw new SamlXml.Invalid("the Response and the Assertion have the same ID");
    }
    assertion.setIdAttributeNS(null, "ID", true);
    boolean assertionSigned = verifyIfSigned(assertion, assertionId, expected.certificates());
    if (!responseSigned && !assertionSigned) {
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          "The SAML response is not signed: the identity provider must sign the assertion");
    }
    // Its identity provider signed it: an assertion seen before is a replay, whatever else
    // (another login's RelayState, and so InResponseTo) it now comes with.
    if (expected.acceptedBefore().test(assertionId)) {
      throw new GigyaException(
          ErrorCode.DUPLICATE_NONCE, "This SAML assertion was used before: a replay is refused");
    }

    // The Response.
    String destination = SamlXml.attribute(response, "Destination");
    if (destination == null ? responseSigned : !destination.equals(expected.acsUrl())) {
      throw forbidden("The response's Destination is not this site's assertion consumer service");
    }
    checkIssuer(SamlXml.child(response, SamlXml.ASSERTION, "Issuer"), expected, false);
    checkStatus(response);
    checkInResponseTo(SamlXml.attribute(response, "InResponseTo"), expected, "Response");

    // The Assertion.
    if (!"2.0".equals(SamlXml.attribute(assertion, "Version"))) {
      throw new SamlXml.Invalid("the Assertion is not SAML version 2.0");
    }
    checkIssuer(SamlXml.child(assertion, SamlXml.ASSERTION, "Issuer"), expected, true);
    Element subject = SamlXml.child(assertion, SamlXml.ASSERTION, "Subject");
    if (subject == null) {
      throw new SamlXml.Invalid("the Assertion has no Subject");
    }
    Instant subjectUntil = checkSubjectConfirmation(subject, expected);
    Instant conditionsUntil = checkConditions(assertion, expected);
    Element nameId = SamlXml.child(subject, SamlXml.ASSERTION, "NameID");
    if (SamlXml.child(subject, SamlXml.ASSERTION, "EncryptedID") != null) {
      throw new GigyaException(ErrorCode.NOT_SUPPORTED, "Encrypted NameIDs are not accepted");
    }
    String sessionIndex = null;
    Element authn = SamlXml.child(assertion, SamlXml.ASSERTION, "AuthnStatement");
    if (authn != null) {
      sessionIndex = SamlXml.attribute(authn, "SessionIndex");
    }
    Instant until = subjectUntil.isAfter(conditionsUntil) ? subjectUntil : conditionsUntil;
    return new SamlAssertion(
        assertionId,
        until.plus(expected.skew()),
        SamlXml.text(nameId),
        SamlXml.attribute(nameId, "Format"),
        sessionIndex,
        attributes(assertion));
  }

  private static String id(Element e, String what) {
    String id = SamlXml.attribute(e, "ID");
    if (id == null) {
      throw new SamlXml.Invalid("the " + what + " has no ID");
    }
    return id;
  }

  private static GigyaException forbidden(String why) {
    return new GigyaException(ErrorCode.FORBIDDEN, why);
  }

  private static GigyaException badSignature(String why) {
    return new GigyaException(ErrorCode.INVALID_REQUEST_SIGNATURE, why);
  }

  /**
   * Verifies the signature that is a direct child of {@code element}, if there is one: one
   * Reference, to {@code #id} of this very element, only enveloped/c14n transforms, SHA-256 or
   * stronger, valid under one of the pinned certificates (the KeyInfo it carries is ignored).
   *
   * @return whether the element is signed (and the signature verified)
   */
  static boolean verifyIfSigned(Element element, String id, List<X509Certificate> certificates) {
    List<Element> signatures = SamlXml.children(element, SamlXml.DSIG, "Signature");
    if (signatures.isEmpty()) {
      return false;
    }
    if (signatures.size() > 1) {
      throw badSignature("The " + element.getLocalName() + " carries several signatures");
    }
    Element signature = signatures.get(0);
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    for (X509Certificate cert : certificates) {
      DOMValidateContext ctx =
          new DOMValidateContext(KeySelector.singletonKeySelector(cert.getPublicKey()), signature);
      ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
      XMLSignature xs;
      try {
        xs = factory.unmarshalXMLSignature(ctx);
      } catch (MarshalException e) {
        throw badSignature("The " + element.getLocalName() + "'s signature cannot be read");
      }
      checkAlgorithms(xs, element, id);
      try {
        if (xs.validate(ctx)) {
          return true;
        }
      } catch (XMLSignatureException e) {
        throw badSignature(
            "The " + element.getLocalName() + "'s signature cannot be verified: " + e.getMessage());
      }
    }
    throw badSignature(
        "The "
            + element.getLocalName()
            + "'s signature does not verify with the identity provider's certificate");
  }

  private static void checkAlgorithms(XMLSignature xs, Element element, String id) {
    var info = xs.getSignedInfo();
    if (!SIGNATURES.contains(info.getSignatureMethod().getAlgorithm())) {
      throw badSignature(
          "The signature algorithm " + info.getSignatureMethod().getAlgorithm() + " is refused");
    }
    if (!CANONICALIZATIONS.contains(info.getCanonicalizationMethod().getAlgorithm())) {
      throw badSignature("The canonicalization method is refused");
    }
    List<?> references = info.getReferences();
    if (references.size() != 1) {
      throw badSignature("A signature must have exactly one Reference");
    }
    Reference ref = (Reference) references.get(0);
    if (!("#" + id).equals(ref.getURI())) {
      throw badSignature(
          "The " + element.getLocalName() + "'s signature does not cover the element it is in");
    }
    if (!DIGESTS.contains(ref.getDigestMethod().getAlgorithm())) {
      throw badSignature(
          "The digest algorithm " + ref.getDigestMethod().getAlgorithm() + " is refused");
    }
    for (Object t : ref.getTransforms()) {
      if (!TRANSFORMS.contains(((Transform) t).getAlgorithm())) {
        throw badSignature("The transform " + ((Transform) t).getAlgorithm() + " is refused");
      }
    }
  }

  private static void checkIssuer(Element issuer, Expected expected, boolean required) {
    if (issuer == null) {
      if (required) {
        throw new SamlXml.Invalid("the Assertion has no Issuer");
      }
      return;
    }
    String format = SamlXml.attribute(issuer, "Format");
    if ((format != null && !format.equals(ENTITY))
        || !expected.idpEntityId().equals(SamlXml.text(issuer))) {
      throw new GigyaException(
          ErrorCode.UNEXPECTED_PROVIDER_USER,
          "The response's Issuer is not the identity provider this login went to");
    }
  }

  private static void checkStatus(Element response) {
    Element status = SamlXml.child(response, SamlXml.PROTOCOL, "Status");
    Element code = status == null ? null : SamlXml.child(status, SamlXml.PROTOCOL, "StatusCode");
    String value = SamlXml.attribute(code, "Value");
    if (!SUCCESS.equals(value)) {
      Element second = code == null ? null : SamlXml.child(code, SamlXml.PROTOCOL, "StatusCode");
      String detail = SamlXml.attribute(second, "Value");
      throw new GigyaException(
          ErrorCode.PROVIDER_ERROR,
          "The identity provider answered "
              + clip(value == null ? "no status" : value)
              + (detail == null ? "" : " / " + clip(detail)));
    }
  }

  private static void checkInResponseTo(String inResponseTo, Expected expected, String where) {
    if (expected.inResponseTo() == null) {
      if (!expected.allowUnsolicited()) {
        throw forbidden("Unsolicited SAML responses are not accepted for this site");
      }
      if (inResponseTo != null) {
        throw forbidden("The " + where + " answers a request this site did not send");
      }
    } else if (!expected.inResponseTo().equals(inResponseTo)) {
      throw forbidden("The " + where + "'s InResponseTo is not this login's request");
    }
  }

  /**
   * One bearer SubjectConfirmation whose data names this ACS as Recipient, this request, and a
   * NotOnOrAfter still ahead (and no NotBefore); returns that NotOnOrAfter.
   */
  private static Instant checkSubjectConfirmation(Element subject, Expected expected) {
    GigyaException refusal = forbidden("The assertion has no bearer SubjectConfirmation");
    for (Element sc : SamlXml.children(subject, SamlXml.ASSERTION, "SubjectConfirmation")) {
      if (!BEARER.equals(SamlXml.attribute(sc, "Method"))) {
        continue;
      }
      Element data = SamlXml.child(sc, SamlXml.ASSERTION, "SubjectConfirmationData");
      try {
        if (data == null) {
          throw forbidden("The bearer SubjectConfirmation has no SubjectConfirmationData");
        }
        if (!expected.acsUrl().equals(SamlXml.attribute(data, "Recipient"))) {
          throw forbidden(
              "The SubjectConfirmationData's Recipient is not this site's assertion consumer"
                  + " service");
        }
        if (SamlXml.attribute(data, "NotBefore") != null) {
          throw forbidden("A bearer SubjectConfirmationData must not carry NotBefore");
        }
        Instant notOnOrAfter = SamlXml.instant(data, "NotOnOrAfter");
        if (notOnOrAfter == null) {
          throw forbidden("The SubjectConfirmationData has no NotOnOrAfter");
        }
        if (!expected.now().minus(expected.skew()).isBefore(notOnOrAfter)) {
          throw new GigyaException(
              ErrorCode.REQUEST_HAS_EXPIRED, "The assertion's subject confirmation has expired");
        }
        checkInResponseTo(
            SamlXml.attribute(data, "InResponseTo"), expected, "SubjectConfirmationData");
        return notOnOrAfter;
      } catch (GigyaException e) {
        refusal = e;
      }
    }
    throw refusal;
  }

  /** Conditions: the validity window and this service provider in every AudienceRestriction. */
  private static Instant checkConditions(Element assertion, Expected expected) {
    Element conditions = SamlXml.child(assertion, SamlXml.ASSERTION, "Conditions");
    if (conditions == null) {
      throw forbidden("The assertion has no Conditions (validity and audience)");
    }
    Instant notBefore = SamlXml.instant(conditions, "NotBefore");
    Instant notOnOrAfter = SamlXml.instant(conditions, "NotOnOrAfter");
    if (notBefore != null && expected.now().plus(expected.skew()).isBefore(notBefore)) {
      throw new GigyaException(ErrorCode.REQUEST_HAS_EXPIRED, "The assertion is not valid yet");
    }
    if (notOnOrAfter == null) {
      throw forbidden("The assertion's Conditions have no NotOnOrAfter");
    }
    if (!expected.now().minus(expected.skew()).isBefore(notOnOrAfter)) {
      throw new GigyaException(ErrorCode.REQUEST_HAS_EXPIRED, "The assertion has expired");
    }
    List<Element> restrictions =
        SamlXml.children(conditions, SamlXml.ASSERTION, "AudienceRestriction");
    if (restrictions.isEmpty()) {
      throw forbidden("The assertion names no Audience");
    }
    for (Element r : restrictions) {
      boolean ours = false;
      for (Element a : SamlXml.children(r, SamlXml.ASSERTION, "Audience")) {
        ours |= expected.spEntityId().equals(SamlXml.text(a));
      }
      if (!ours) {
        throw forbidden("The assertion's Audience is not this site's service provider");
      }
    }
    return notOnOrAfter;
  }

  /** Every Attribute by Name; the values of several instances in one list. */
  private static Map<String, List<String>> attributes(Element assertion) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Element st : SamlXml.children(assertion, SamlXml.ASSERTION, "AttributeStatement")) {
      for (Element a : SamlXml.children(st, SamlXml.ASSERTION, "Attribute")) {
        String name = SamlXml.attribute(a, "Name");
        if (name == null) {
          continue;
        }
        List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>());
        for (Element v : SamlXml.children(a, SamlXml.ASSERTION, "AttributeValue")) {
          String text = SamlXml.text(v);
          if (text != null) {
            values.add(text);
          }
        }
      }
    }
    return out;
  }

  private static String clip(String s) {
    return s.length() > 120 ? s.substring(0, 120) : s;
  }
}
