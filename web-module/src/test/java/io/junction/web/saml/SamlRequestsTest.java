package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SamlRequestsTest {

  static final SamlCertificates.SpKeyPair SP = SamlCertificates.generate("SP");
  static final SamlIdpSettings IDP =
      new SamlIdpSettings(
          "https://idp.example/realms/r",
          "https://idp.example/realms/r/protocol/saml?kc_idp_hint=x",
          SamlIdpSettings.REDIRECT,
          null,
          SamlIdpSettings.REDIRECT,
          "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
          Map.of(),
          List.of(),
          false);

  @Test
  void anAuthnRequestGoesByTheRedirectBindingSignedOverItsQuery() throws Exception {
    SamlRequests.AuthnRedirect r =
        SamlRequests.redirect(
            IDP,
            "https://j.example/saml/v2.0/3_k/sp/metadata",
            "https://j.example/saml/v2.0/3_k/sp/acs",
            SP.privateKey(),
            "relay&state=1",
            Instant.parse("2026-01-02T03:04:05.678Z"));
    assertTrue(r.location().startsWith(IDP.ssoUrl() + "&SAMLRequest="), r.location());
    assertTrue(r.requestId().matches("_[0-9a-f]{40}"), r.requestId());
    String query = r.location().substring(IDP.ssoUrl().length() + 1);
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertEquals(
        List.of("SAMLRequest", "RelayState", "SigAlg", "Signature"), List.copyOf(params.keySet()));
    assertEquals("relay&state=1", params.get("RelayState"));
    assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", params.get("SigAlg"));

    // The signature covers SAMLRequest, RelayState and SigAlg exactly as they appear.
    String signed = query.substring(0, query.indexOf("&Signature="));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initVerify(SP.certificate());
    s.update(signed.getBytes(StandardCharsets.US_ASCII));
    assertTrue(s.verify(Base64.getDecoder().decode(params.get("Signature"))));
    s.initVerify(SP.certificate());
    s.update(signed.replace("relay", "RELAY").getBytes(StandardCharsets.US_ASCII));
    assertFalse(s.verify(Base64.getDecoder().decode(params.get("Signature"))));

    Inflater inflater = new Inflater(true);
    inflater.setInput(Base64.getDecoder().decode(params.get("SAMLRequest")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1024];
    while (!inflater.finished()) {
      out.write(buf, 0, inflater.inflate(buf));
    }
    Element req = SamlXml.parse(out.toByteArray()).getDocumentElement();
    assertEquals("AuthnRequest", req.getLocalName());
    assertEquals(SamlXml.PROTOCOL, req.getNamespaceURI());
    assertEquals(r.requestId(), req.getAttribute("ID"));
    assertEquals("2026-01-02T03:04:05Z", req.getAttribute("IssueInstant"));
    assertEquals(IDP.ssoUrl(), req.getAttribute("Destination"));
    assertEquals(
        "https://j.example/saml/v2.0/3_k/sp/acs", req.getAttribute("AssertionConsumerServiceURL"));
    assertEquals(SamlIdpSettings.POST, req.getAttribute("ProtocolBinding"));
    assertEquals(
        "https://j.example/saml/v2.0/3_k/sp/metadata",
        SamlXml.text(SamlXml.child(req, SamlXml.ASSERTION, "Issuer")));
    assertEquals(
        IDP.nameIdFormat(),
        SamlXml.child(req, SamlXml.PROTOCOL, "NameIDPolicy").getAttribute("Format"));
    assertEquals("https", URI.create(r.location()).getScheme());
  }

  @Test
  void anAuthnRequestForThePostBindingCarriesAnEnvelopedSignatureOverItself() throws Exception {
    String b64 =
        SamlRequests.signedForPost(
            "_req1",
            IDP,
            "https://j.example/saml/v2.0/3_k/sp/metadata",
            "https://j.example/saml/v2.0/3_k/sp/acs",
            SP.privateKey(),
            SP.certificate(),
            Instant.parse("2026-01-02T03:04:05Z"));
    byte[] xml = Base64.getDecoder().decode(b64);
    Element req = SamlXml.parse(xml).getDocumentElement();
    assertEquals("_req1", req.getAttribute("ID"));
    // Issuer first, the Signature right after it, as the schema orders them.
    Element issuer = SamlXml.child(req, SamlXml.ASSERTION, "Issuer");
    Element sig = (Element) issuer.getNextSibling();
    assertEquals(SamlXml.DSIG, sig.getNamespaceURI());
    assertEquals("Signature", sig.getLocalName());
    assertTrue(verifies(req, sig, SP.certificate().getPublicKey()));
    assertFalse(
        verifies(req, sig, SamlCertificates.generate("other").certificate().getPublicKey()));

    // Changing what it signs breaks it.
    Element changed = SamlXml.parse(xml).getDocumentElement();
    changed.setAttribute("AssertionConsumerServiceURL", "https://evil.example/acs");
    assertFalse(
        verifies(
            changed,
            SamlXml.child(changed, SamlXml.DSIG, "Signature"),
            SP.certificate().getPublicKey()));
  }

  private static boolean verifies(Element req, Element sig, java.security.PublicKey key)
      throws Exception {
    req.setIdAttributeNS(null, "ID", true);
    javax.xml.crypto.dsig.dom.DOMValidateContext ctx =
        new javax.xml.crypto.dsig.dom.DOMValidateContext(key, sig);
    ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    javax.xml.crypto.dsig.XMLSignature xs =
        javax.xml.crypto.dsig.XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
    assertEquals(
        "#" + req.getAttribute("ID"),
        ((javax.xml.crypto.dsig.Reference) xs.getSignedInfo().getReferences().get(0)).getURI());
    return xs.validate(ctx);
  }

  @Test
  void requestIdsAreFresh() {
    assertFalse(SamlRequests.newRequestId().equals(SamlRequests.newRequestId()));
  }
}
