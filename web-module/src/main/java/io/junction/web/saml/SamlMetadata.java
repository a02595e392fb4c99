package io.junction.web.saml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SAML 2.0 metadata: what an identity provider's EntityDescriptor says (read with {@link SamlXml}'s
 * hardened parser), and the EntityDescriptor of a site's service provider.
 */
public final class SamlMetadata {

  /** The encryption algorithms the service provider's metadata names, preferred first. */
  static final List<String> ENCRYPTION_METHODS =
      List.of(
          "http://www.w3.org/2009/xmlenc11#aes256-gcm",
          "http://www.w3.org/2009/xmlenc11#aes128-gcm",
          "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
          "http://www.w3.org/2009/xmlenc11#rsa-oaep");

  private SamlMetadata() {}

  /**
   * What an identity provider's metadata gives: its entity ID, single sign-on and logout services
   * (the HTTP-Redirect binding preferred, else HTTP-POST), first NameID format, and signing
   * certificates (a KeyDescriptor without {@code use} counts as signing, as the specification says;
   * encryption-only ones do not). Any field may be null (certificates empty) when absent.
   */
  public record IdpDescriptor(
      String entityId,
      String ssoUrl,
      String ssoBinding,
      String sloUrl,
      String sloBinding,
      String nameIdFormat,
      List<String> certificates) {}

  /**
   * Reads an identity provider's metadata: an EntityDescriptor with an IDPSSODescriptor, or an
   * EntitiesDescriptor holding exactly one such. {@link SamlXml.Invalid} for anything else.
   */
  public static IdpDescriptor readIdp(byte[] xml) {
    Document doc = SamlXml.parse(xml);
    Element root = doc.getDocumentElement();
    Element entity = root;
    if (isMd(root, "EntitiesDescriptor")) {
      List<Element> idps = new ArrayList<>();
      for (Element e : SamlXml.children(root, SamlXml.METADATA, "EntityDescriptor")) {
        if (!SamlXml.children(e, SamlXml.METADATA, "IDPSSODescriptor").isEmpty()) {
          idps.add(e);
        }
      }
      if (idps.size() != 1) {
        throw new SamlXml.Invalid(
            "an EntitiesDescriptor must hold exactly one identity provider, not " + idps.size());
      }
      entity = idps.get(0);
    } else if (!isMd(root, "EntityDescriptor")) {
      throw new SamlXml.Invalid("not SAML 2.0 metadata (no md:EntityDescriptor)");
    }
    String entityId = SamlXml.attribute(entity, "entityID");
    Element idp = SamlXml.child(entity, SamlXml.METADATA, "IDPSSODescriptor");
    if (idp == null) {
      throw new SamlXml.Invalid("the EntityDescriptor has no IDPSSODescriptor");
    }
    String[] sso = service(idp, "SingleSignOnService");
    String[] slo = service(idp, "SingleLogoutService");
    String nameIdFormat = null;
    List<Element> formats = SamlXml.children(idp, SamlXml.METADATA, "NameIDFormat");
    if (!formats.isEmpty()) {
      nameIdFormat = SamlXml.text(formats.get(0));
    }
    List<String> certs = new ArrayList<>();
    for (Element kd : SamlXml.children(idp, SamlXml.METADATA, "KeyDescriptor")) {
      String use = SamlXml.attribute(kd, "use");
      if (use != null && !use.equals("signing")) {
        continue;
      }
      Element keyInfo = SamlXml.child(kd, SamlXml.DSIG, "KeyInfo");
      if (keyInfo == null) {
        continue;
      }
      for (Element data : SamlXml.children(keyInfo, SamlXml.DSIG, "X509Data")) {
        for (Element c : SamlXml.children(data, SamlXml.DSIG, "X509Certificate")) {
          String text = SamlXml.text(c);
          if (text != null) {
            certs.add(text.replaceAll("\\s", ""));
          }
        }
      }
    }
    return new IdpDescriptor(entityId, sso[0], sso[1], slo[0], slo[1], nameIdFormat, certs);
  }

  private static boolean isMd(Element e, String localName) {
    return SamlXml.METADATA.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
  }

  /** The location and binding of a service, Redirect preferred over POST; nulls when neither. */
  private static String[] service(Element idp, String name) {
    String[] post = null;
    for (Element s : SamlXml.children(idp, SamlXml.METADATA, name)) {
      String binding = SamlXml.attribute(s, "Binding");
      String location = SamlXml.attribute(s, "Location");
      if (location == null) {
        continue;
      }
      if (SamlIdpSettings.REDIRECT.equals(binding)) {
        return new String[] {location, binding};
      }
      if (SamlIdpSettings.POST.equals(binding) && post == null) {
        post = new String[] {location, binding};
      }
    }
    return post != null ? post : new String[] {null, null};
  }

  /**
   * A site's service-provider metadata: its entity ID, the certificate that signs its AuthnRequests
   * and to which assertions may be encrypted (with the algorithms accepted), the assertion consumer
   * service (HTTP-POST) and single logout service (HTTP-Redirect and HTTP-POST); it signs its
   * requests and wants assertions signed.
   */
  public static String writeSp(String entityId, String acsUrl, String sloUrl, String certBase64) {
    Document doc = SamlXml.newDocument();
    Element ed = doc.createElementNS(SamlXml.METADATA, "md:EntityDescriptor");
    ed.setAttributeNS(null, "entityID", entityId);
    doc.appendChild(ed);
    Element sp = doc.createElementNS(SamlXml.METADATA, "md:SPSSODescriptor");
    sp.setAttributeNS(null, "AuthnRequestsSigned", "true");
    sp.setAttributeNS(null, "WantAssertionsSigned", "true");
    sp.setAttributeNS(null, "protocolSupportEnumeration", SamlXml.PROTOCOL);
    ed.appendChild(sp);
    // The one key pair signs requests and opens encrypted assertions (RSA-OAEP, AES-GCM or CBC).
    for (String use : List.of("signing", "encryption")) {
      Element kd = doc.createElementNS(SamlXml.METADATA, "md:KeyDescriptor");
      kd.setAttributeNS(null, "use", use);
      Element ki = doc.createElementNS(SamlXml.DSIG, "ds:KeyInfo");
      Element data = doc.createElementNS(SamlXml.DSIG, "ds:X509Data");
      Element cert = doc.createElementNS(SamlXml.DSIG, "ds:X509Certificate");
      cert.setTextContent(certBase64);
      data.appendChild(cert);
      ki.appendChild(data);
      kd.appendChild(ki);
      if (use.equals("encryption")) {
        for (String algorithm : ENCRYPTION_METHODS) {
          Element method = doc.createElementNS(SamlXml.METADATA, "md:EncryptionMethod");
          method.setAttributeNS(null, "Algorithm", algorithm);
          kd.appendChild(method);
        }
      }
      sp.appendChild(kd);
    }
    for (String binding : List.of(SamlIdpSettings.REDIRECT, SamlIdpSettings.POST)) {
      Element slo = doc.createElementNS(SamlXml.METADATA, "md:SingleLogoutService");
      slo.setAttributeNS(null, "Binding", binding);
      slo.setAttributeNS(null, "Location", sloUrl);
      sp.appendChild(slo);
    }
    Element format = doc.createElementNS(SamlXml.METADATA, "md:NameIDFormat");
    format.setTextContent(SamlIdpSettings.UNSPECIFIED);
    sp.appendChild(format);
    Element acs = doc.createElementNS(SamlXml.METADATA, "md:AssertionConsumerService");
    acs.setAttributeNS(null, "Binding", SamlIdpSettings.POST);
    acs.setAttributeNS(null, "Location", acsUrl);
    acs.setAttributeNS(null, "index", "0");
    acs.setAttributeNS(null, "isDefault", "true");
    sp.appendChild(acs);
    return SamlXml.write(doc);
  }
}
