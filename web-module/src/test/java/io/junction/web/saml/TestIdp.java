package io.junction.web.saml;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML identity provider stand-in for tests: writes a Response shaped as Keycloak's and signs its
 * Assertion and/or the Response with its own key, by the JDK's XML signature API.
 */
public final class TestIdp {

  public final String entityId;
  public final KeyPair keys;
  public final X509Certificate certificate;

  public TestIdp(String entityId) {
    this.entityId = entityId;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      keys = g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    certificate = SamlCertificates.selfSigned(keys, "Test IdP");
  }

  /** What goes into a response; change fields to build a bad one. */
  public static final class Spec {
    public String responseId = "_r" + System.nanoTime();
    public String assertionId = "_a" + System.nanoTime();
    public String destination;
    public String recipient;
    public String audience;
    public String issuer;
    public String inResponseTo;
    public String nameId = "alice-uid-1";
    public Instant issued = Instant.now();
    public Instant notOnOrAfter = Instant.now().plusSeconds(60);
    public Instant subjectNotOnOrAfter = Instant.now().plusSeconds(300);
    public String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public String attributes =
        "<saml:Attribute Name='email'><saml:AttributeValue>alice@example.test</saml:AttributeValue>"
            + "</saml:Attribute><saml:Attribute Name='firstName'><saml:AttributeValue>Alice"
            + "</saml:AttributeValue></saml:Attribute><saml:Attribute Name='Role'>"
            + "<saml:AttributeValue>staff</saml:AttributeValue></saml:Attribute>"
            + "<saml:Attribute Name='Role'><saml:AttributeValue>admin</saml:AttributeValue>"
            + "</saml:Attribute>";
    public boolean signAssertion = true;
    public boolean signResponse = false;
    public String digest = DigestMethod.SHA256;
    public String signatureMethod = SignatureMethod.RSA_SHA256;
  }

  /** A spec addressed to this ACS and service provider, answering that request. */
  public Spec spec(String acs, String spEntityId, String inResponseTo) {
    Spec s = new Spec();
    s.destination = acs;
    s.recipient = acs;
    s.audience = spEntityId;
    s.issuer = entityId;
    s.inResponseTo = inResponseTo;
    return s;
  }

  /** The Response document, signed as the spec says. */
  public Document document(Spec s) {
    String irt = s.inResponseTo == null ? "" : " InResponseTo='" + s.inResponseTo + "'";
    String xml =
        "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'"
            + " xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='"
            + s.responseId
            + "' Version='2.0' IssueInstant='"
            + s.issued
            + "'"
            + (s.destination == null ? "" : " Destination='" + s.destination + "'")
            + irt
            + "><saml:Issuer>"
            + s.issuer
            + "</saml:Issuer><samlp:Status><samlp:StatusCode Value='"
            + s.status
            + "'/></samlp:Status><saml:Assertion ID='"
            + s.assertionId
            + "' Version='2.0' IssueInstant='"
            + s.issued
            + "'><saml:Issuer>"
            + s.issuer
            + "</saml:Issuer><saml:Subject><saml:NameID"
            + " Format='urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'>"
            + s.nameId
            + "</saml:NameID><saml:SubjectConfirmation Method='urn:oasis:names:tc:SAML:2.0:cm:bearer'>"
            + "<saml:SubjectConfirmationData"
            + irt
            + " NotOnOrAfter='"
            + s.subjectNotOnOrAfter
            + "' Recipient='"
            + s.recipient
            + "'/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore='"
            + s.issued.minusSeconds(2)
            + "' NotOnOrAfter='"
            + s.notOnOrAfter
            + "'><saml:AudienceRestriction><saml:Audience>"
            + s.audience
            + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
            + "<saml:AuthnStatement AuthnInstant='"
            + s.issued
            + "' SessionIndex='sess-1'><saml:AuthnContext><saml:AuthnContextClassRef>"
            + "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef>"
            + "</saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>"
            + s.attributes
            + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
    Document doc = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    Element response = doc.getDocumentElement();
    Element assertion = SamlXml.child(response, SamlXml.ASSERTION, "Assertion");
    if (s.signAssertion) {
      sign(assertion, s.assertionId, s, keys);
    }
    if (s.signResponse) {
      sign(response, s.responseId, s, keys);
    }
    return doc;
  }

  /** The Base64 SAMLResponse of a document. */
  public static String encode(Document doc) {
    return Base64.getEncoder().encodeToString(SamlXml.write(doc).getBytes(StandardCharsets.UTF_8));
  }

  /** The Base64 SAMLResponse of a spec. */
  public String response(Spec s) {
    return encode(document(s));
  }

  /**
   * Signs an element (enveloped, exclusive c14n) with a key pair, the signature placed after its
   * Issuer, as SAML's schema orders it.
   */
  public static void sign(Element element, String id, Spec s, KeyPair keys) {
    try {
      element.setIdAttributeNS(null, "ID", true);
      XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
      Reference ref =
          f.newReference(
              "#" + id,
              f.newDigestMethod(s.digest, null),
              List.of(
                  f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                  f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
              null,
              null);
      SignedInfo si =
          f.newSignedInfo(
              f.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              f.newSignatureMethod(s.signatureMethod, null),
              List.of(ref));
      KeyInfoFactory kif = f.getKeyInfoFactory();
      Element issuer = SamlXml.child(element, SamlXml.ASSERTION, "Issuer");
      DOMSignContext ctx = new DOMSignContext(keys.getPrivate(), element, issuer.getNextSibling());
      ctx.setDefaultNamespacePrefix("ds");
      f.newXMLSignature(si, kif.newKeyInfo(List.of(kif.newKeyName("test")))).sign(ctx);
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }
}
