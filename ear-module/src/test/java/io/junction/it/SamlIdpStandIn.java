package io.junction.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML identity provider played by the test itself: it reads the AuthnRequest Junction sent the
 * browser with (HTTP-Redirect binding) and writes the Response the browser posts back, its
 * assertion signed with the stand-in's key (RSA-SHA256, exclusive c14n) by the JDK's XML signature
 * API.
 */
final class SamlIdpStandIn {

  static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

  final String entityId;
  final KeyPair keys;
  final String certificatePem;

  SamlIdpStandIn(String entityId) {
    this.entityId = entityId;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      keys = g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    certificatePem = SelfSigned.pem(keys, "SAML stand-in");
  }

  /** What the browser brought from Junction: the AuthnRequest and the RelayState. */
  record Request(Document authnRequest, String id, String acs, String issuer, String relayState) {}

  static Request read(String location) {
    URI u = URI.create(location);
    Map<String, String> q = OkStandIn.query(u.getRawQuery());
    try {
      byte[] deflated = Base64.getDecoder().decode(q.get("SAMLRequest"));
      Inflater inflater = new Inflater(true);
      inflater.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && inflater.needsInput()) {
          break;
        }
        out.write(buf, 0, n);
      }
      Document d = parse(out.toByteArray());
      Element r = d.getDocumentElement();
      String issuer = r.getElementsByTagNameNS(ASSERTION, "Issuer").item(0).getTextContent();
      return new Request(
          d,
          r.getAttribute("ID"),
          r.getAttribute("AssertionConsumerServiceURL"),
          issuer,
          q.get("RelayState"));
    } catch (Exception e) {
      throw new AssertionError("not an AuthnRequest: " + location, e);
    }
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /** The Base64 SAMLResponse answering a request for a user, its assertion signed by this IdP. */
  String response(Request request, String nameId, String attributes) {
    return response(request, request.acs(), request.issuer(), nameId, attributes);
  }

  String response(
      Request request, String destination, String audience, String nameId, String attributes) {
    Instant now = Instant.now();
    String assertionId = "_a" + System.nanoTime();
    String xml =
        "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'"
            + " xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='_r"
            + System.nanoTime()
            + "' Version='2.0' IssueInstant='"
            + now
            + "' Destination='"
            + destination
            + "' InResponseTo='"
            + request.id()
            + "'><saml:Issuer>"
            + entityId
            + "</saml:Issuer><samlp:Status><samlp:StatusCode"
            + " Value='urn:oasis:names:tc:SAML:2.0:status:Success'/></samlp:Status>"
            + "<saml:Assertion ID='"
            + assertionId
            + "' Version='2.0' IssueInstant='"
            + now
            + "'><saml:Issuer>"
            + entityId
            + "</saml:Issuer><saml:Subject><saml:NameID"
            + " Format='urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'>"
            + nameId
            + "</saml:NameID><saml:SubjectConfirmation"
            + " Method='urn:oasis:names:tc:SAML:2.0:cm:bearer'><saml:SubjectConfirmationData"
            + " InResponseTo='"
            + request.id()
            + "' NotOnOrAfter='"
            + now.plusSeconds(300)
            + "' Recipient='"
            + request.acs()
            + "'/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore='"
            + now.minusSeconds(2)
            + "' NotOnOrAfter='"
            + now.plusSeconds(60)
            + "'><saml:AudienceRestriction><saml:Audience>"
            + audience
            + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
            + "<saml:AuthnStatement AuthnInstant='"
            + now
            + "' SessionIndex='s-"
            + System.nanoTime()
            + "'/><saml:AttributeStatement>"
            + attributes
            + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
    try {
      Document d = parse(xml.getBytes(StandardCharsets.UTF_8));
      Element assertion = (Element) d.getElementsByTagNameNS(ASSERTION, "Assertion").item(0);
      assertion.setIdAttributeNS(null, "ID", true);
      XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
      var ref =
          f.newReference(
              "#" + assertionId,
              f.newDigestMethod(DigestMethod.SHA256, null),
              List.of(
                  f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                  f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
              null,
              null);
      var si =
          f.newSignedInfo(
              f.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              f.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
              List.of(ref));
      Element issuer = (Element) assertion.getElementsByTagNameNS(ASSERTION, "Issuer").item(0);
      DOMSignContext ctx =
          new DOMSignContext(keys.getPrivate(), assertion, issuer.getNextSibling());
      ctx.setDefaultNamespacePrefix("ds");
      f.newXMLSignature(si, null).sign(ctx);
      StringWriter w = new StringWriter();
      var t = TransformerFactory.newDefaultInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.transform(new DOMSource(d), new StreamResult(w));
      return Base64.getEncoder().encodeToString(w.toString().getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  static String attribute(String name, String... values) {
    StringBuilder b = new StringBuilder("<saml:Attribute Name='" + name + "'>");
    for (String v : values) {
      b.append("<saml:AttributeValue>").append(v).append("</saml:AttributeValue>");
    }
    return b.append("</saml:Attribute>").toString();
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
