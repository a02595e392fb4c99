package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamlMetadataTest {

  static final String SIGNING =
      SamlCertificates.base64(SamlCertificates.generate("IdP").certificate());
  static final String ENCRYPTION =
      SamlCertificates.base64(SamlCertificates.generate("IdP enc").certificate());

  /** An IdP descriptor shaped as Keycloak's realm descriptor. */
  static String idpMetadata(String entityId) {
    return "<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'"
        + " xmlns:ds='http://www.w3.org/2000/09/xmldsig#' entityID='"
        + entityId
        + "'><md:IDPSSODescriptor WantAuthnRequestsSigned='true'"
        + " protocolSupportEnumeration='urn:oasis:names:tc:SAML:2.0:protocol'>"
        + "<md:KeyDescriptor use='encryption'><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
        + ENCRYPTION
        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        + "<md:KeyDescriptor><ds:KeyInfo><ds:KeyName>k</ds:KeyName><ds:X509Data>"
        + "<ds:X509Certificate>\n"
        + SIGNING.replaceAll("(.{64})", "$1\n")
        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        + "<md:SingleLogoutService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'"
        + " Location='https://idp.example/realms/r/protocol/saml'/>"
        + "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>"
        + "<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>"
        + "<md:SingleSignOnService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'"
        + " Location='https://idp.example/realms/r/protocol/saml/post'/>"
        + "<md:SingleSignOnService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect'"
        + " Location='https://idp.example/realms/r/protocol/saml'/>"
        + "</md:IDPSSODescriptor></md:EntityDescriptor>";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anIdentityProvidersMetadataGivesItsSettings() {
    SamlMetadata.IdpDescriptor d =
        SamlMetadata.readIdp(utf8(idpMetadata("https://idp.example/realms/r")));
    assertEquals("https://idp.example/realms/r", d.entityId());
    assertEquals("https://idp.example/realms/r/protocol/saml", d.ssoUrl());
    assertEquals(SamlIdpSettings.REDIRECT, d.ssoBinding(), "Redirect is preferred");
    assertEquals("https://idp.example/realms/r/protocol/saml", d.sloUrl());
    assertEquals(SamlIdpSettings.POST, d.sloBinding());
    assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", d.nameIdFormat());
    assertEquals(
        List.of(SIGNING), d.certificates(), "a key without use signs; encryption does not");
  }

  @Test
  void anEntitiesDescriptorMustHoldExactlyOneIdentityProvider() {
    String one = idpMetadata("https://a.example");
    String wrapped =
        "<md:EntitiesDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'>"
            + one
            + "<md:EntityDescriptor entityID='sp'><md:SPSSODescriptor/></md:EntityDescriptor>"
            + "</md:EntitiesDescriptor>";
    assertEquals("https://a.example", SamlMetadata.readIdp(utf8(wrapped)).entityId());
    String two =
        "<md:EntitiesDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'>"
            + one
            + idpMetadata("https://b.example")
            + "</md:EntitiesDescriptor>";
    assertThrows(SamlXml.Invalid.class, () -> SamlMetadata.readIdp(utf8(two)));
  }

  @Test
  void otherDocumentsAreRefused() {
    assertThrows(SamlXml.Invalid.class, () -> SamlMetadata.readIdp(utf8("<EntityDescriptor/>")));
    assertThrows(
        SamlXml.Invalid.class,
        () ->
            SamlMetadata.readIdp(
                utf8(
                    "<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'"
                        + " entityID='x'><md:SPSSODescriptor/></md:EntityDescriptor>")));
    assertThrows(
        SamlXml.Invalid.class,
        () -> SamlMetadata.readIdp(utf8("<!DOCTYPE x []>" + idpMetadata("https://a.example"))));
  }

  @Test
  void theServiceProvidersMetadataNamesItsEndpointsAndCertificate() {
    String xml =
        SamlMetadata.writeSp(
            "https://j.example/saml/v2.0/3_k/sp/metadata",
            "https://j.example/saml/v2.0/3_k/sp/acs",
            "https://j.example/saml/v2.0/3_k/sp/slo",
            SIGNING);
    var root = SamlXml.parse(utf8(xml)).getDocumentElement();
    assertEquals("EntityDescriptor", root.getLocalName());
    assertEquals("https://j.example/saml/v2.0/3_k/sp/metadata", root.getAttribute("entityID"));
    var sp = SamlXml.child(root, SamlXml.METADATA, "SPSSODescriptor");
    assertEquals("true", sp.getAttribute("AuthnRequestsSigned"));
    assertEquals("true", sp.getAttribute("WantAssertionsSigned"));
    var acs = SamlXml.child(sp, SamlXml.METADATA, "AssertionConsumerService");
    assertEquals("https://j.example/saml/v2.0/3_k/sp/acs", acs.getAttribute("Location"));
    assertEquals(SamlIdpSettings.POST, acs.getAttribute("Binding"));
    var kds = SamlXml.children(sp, SamlXml.METADATA, "KeyDescriptor");
    assertEquals(2, kds.size());
    assertEquals("signing", kds.get(0).getAttribute("use"));
    // The same certificate receives encrypted assertions, by the algorithms accepted.
    assertEquals("encryption", kds.get(1).getAttribute("use"));
    assertEquals(
        List.of(
            "http://www.w3.org/2009/xmlenc11#aes256-gcm",
            "http://www.w3.org/2009/xmlenc11#aes128-gcm",
            "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
            "http://www.w3.org/2009/xmlenc11#rsa-oaep"),
        SamlXml.children(kds.get(1), SamlXml.METADATA, "EncryptionMethod").stream()
            .map(e -> e.getAttribute("Algorithm"))
            .toList());
    for (var kd : kds) {
      assertTrue(kd.getTextContent().contains(SIGNING));
    }
    assertEquals(2, SamlXml.children(sp, SamlXml.METADATA, "SingleLogoutService").size());
    assertNull(SamlXml.attribute(sp, "nothing"));
  }
}
