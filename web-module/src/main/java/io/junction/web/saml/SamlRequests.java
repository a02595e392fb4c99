package io.junction.web.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * AuthnRequests of a site's service provider to one of its identity providers, by the HTTP-Redirect
 * binding: DEFLATE, Base64, the RelayState, and the signature over the query string (RSA-SHA256
 * with the site's key), as SAML bindings 3.4.4.1 has it; or by the HTTP-POST binding: the request
 * itself carries an enveloped XML signature (RSA-SHA256, exclusive c14n) and travels, Base64, in a
 * form the browser posts (SAML bindings 3.5).
 */
public final class SamlRequests {

  private SamlRequests() {}

  /** Where to send the browser, and the request's ID that the response must answer. */
  public record AuthnRedirect(String location, String requestId) {}

  /** A new random request ID (an NCName: it starts with an underscore). */
  public static String newRequestId() {
    byte[] b = new byte[20];
    new java.security.SecureRandom().nextBytes(b);
    return "_" + HexFormat.of().formatHex(b);
  }

  /** The AuthnRequest document. */
  static String authnRequest(
      String id, Instant now, SamlIdpSettings idp, String spEntityId, String acsUrl) {
    Document doc = SamlXml.newDocument();
    Element r = doc.createElementNS(SamlXml.PROTOCOL, "samlp:AuthnRequest");
    r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
    r.setAttributeNS(null, "ID", id);
    r.setAttributeNS(null, "Version", "2.0");
    r.setAttributeNS(null, "IssueInstant", now.truncatedTo(ChronoUnit.SECONDS).toString());
    r.setAttributeNS(null, "Destination", idp.ssoUrl());
    r.setAttributeNS(null, "AssertionConsumerServiceURL", acsUrl);
    r.setAttributeNS(null, "ProtocolBinding", SamlIdpSettings.POST);
    doc.appendChild(r);
    Element issuer = doc.createElementNS(SamlXml.ASSERTION, "saml:Issuer");
    issuer.setTextContent(spEntityId);
    r.appendChild(issuer);
    Element policy = doc.createElementNS(SamlXml.PROTOCOL, "samlp:NameIDPolicy");
    policy.setAttributeNS(null, "Format", idp.nameIdFormat());
    policy.setAttributeNS(null, "AllowCreate", "true");
    r.appendChild(policy);
    return SamlXml.write(doc);
  }

  /**
   * The identity provider's single sign-on URL with a signed AuthnRequest and the RelayState, by
   * the HTTP-Redirect binding.
   */
  public static AuthnRedirect redirect(
      SamlIdpSettings idp,
      String spEntityId,
      String acsUrl,
      PrivateKey key,
      String relayState,
      Instant now) {
    String id = newRequestId();
    String xml = authnRequest(id, now, idp, spEntityId, acsUrl);
    String query =
        "SAMLRequest="
            + enc(Base64.getEncoder().encodeToString(deflate(xml.getBytes(StandardCharsets.UTF_8))))
            + "&RelayState="
            + enc(relayState)
            + "&SigAlg="
            + enc(SignatureMethod.RSA_SHA256);
    String signature;
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(query.getBytes(StandardCharsets.US_ASCII));
      signature = Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the AuthnRequest", e);
    }
    String base = idp.ssoUrl();
    String location =
        base + (base.contains("?") ? "&" : "?") + query + "&Signature=" + enc(signature);
    return new AuthnRedirect(location, id);
  }

  /**
   * The Base64 of a signed AuthnRequest for the HTTP-POST binding: its enveloped signature, right
   * after the Issuer as the schema orders it, covers the request by its ID; KeyInfo carries the
   * signing certificate.
   */
  public static String signedForPost(
      String id,
      SamlIdpSettings idp,
      String spEntityId,
      String acsUrl,
      PrivateKey key,
      X509Certificate certificate,
      Instant now) {
    Document doc =
        SamlXml.parse(
            authnRequest(id, now, idp, spEntityId, acsUrl).getBytes(StandardCharsets.UTF_8));
    Element request = doc.getDocumentElement();
    request.setIdAttributeNS(null, "ID", true);
    Element issuer = SamlXml.child(request, SamlXml.ASSERTION, "Issuer");
    try {
      XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
      Reference ref =
          f.newReference(
              "#" + id,
              f.newDigestMethod(DigestMethod.SHA256, null),
              List.of(
                  f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                  f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
              null,
              null);
      SignedInfo info =
          f.newSignedInfo(
              f.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              f.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
              List.of(ref));
      var kif = f.getKeyInfoFactory();
      var keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))));
      DOMSignContext ctx = new DOMSignContext(key, request, issuer.getNextSibling());
      ctx.setDefaultNamespacePrefix("ds");
      f.newXMLSignature(info, keyInfo).sign(ctx);
    } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
      throw new IllegalStateException("cannot sign the AuthnRequest", e);
    }
    return Base64.getEncoder().encodeToString(SamlXml.write(doc).getBytes(StandardCharsets.UTF_8));
  }

  static byte[] deflate(byte[] data) {
    Deflater d = new Deflater(Deflater.DEFLATED, true);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
