package io.junction.web.saml;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * An EncryptedAssertion opened with the site's service-provider key (XML Encryption, Apache
 * Santuario): the content key transported by RSA-OAEP only (RSA 1.5 key transport, open to
 * Bleichenbacher's attack, is refused), the assertion encrypted with AES-GCM or AES-CBC. The
 * EncryptedKey is read from the EncryptedData's KeyInfo or beside it in the EncryptedAssertion;
 * nothing is fetched (no RetrievalMethod followed). The clear assertion is read again by {@link
 * SamlXml}'s hardened parser and put in the place of the EncryptedAssertion; its checks (signature
 * first) are then those of any assertion.
 */
public final class SamlDecryption {

  /** The XML Encryption namespace. */
  public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

  /** Key transport algorithms accepted: RSA-OAEP (1.0 and 1.1). */
  public static final Set<String> KEY_TRANSPORT = Set.of(XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11);

  /** Content encryption accepted. */
  public static final Set<String> CONTENT =
      Set.of(
          XMLCipher.AES_128_GCM,
          XMLCipher.AES_192_GCM,
          XMLCipher.AES_256_GCM,
          XMLCipher.AES_128,
          XMLCipher.AES_192,
          XMLCipher.AES_256);

  static {
    org.apache.xml.security.Init.init();
  }

  private SamlDecryption() {}

  /**
   * Replaces an EncryptedAssertion by the Assertion it holds; {@link SamlXml.Invalid} for anything
   * malformed, refused or not decryptable with {@code key}.
   *
   * @return the Assertion, now where the EncryptedAssertion was
   */
  static Element decrypt(Element encryptedAssertion, PrivateKey key) {
    Document doc = encryptedAssertion.getOwnerDocument();
    Element data = SamlXml.child(encryptedAssertion, XENC, "EncryptedData");
    if (data == null) {
      throw new SamlXml.Invalid("the EncryptedAssertion has no EncryptedData");
    }
    byte[] clear;
    try {
      XMLCipher loader = XMLCipher.getInstance();
      loader.init(XMLCipher.DECRYPT_MODE, null);
      EncryptedData encrypted = loader.loadEncryptedData(doc, data);
      String contentAlgorithm =
          encrypted.getEncryptionMethod() == null
              ? null
              : encrypted.getEncryptionMethod().getAlgorithm();
      if (!CONTENT.contains(contentAlgorithm)) {
        throw new SamlXml.Invalid("the content encryption " + contentAlgorithm + " is refused");
      }
      Element keyElement = encryptedKey(encryptedAssertion, data);
      EncryptedKey encryptedKey = loader.loadEncryptedKey(doc, keyElement);
      String transport =
          encryptedKey.getEncryptionMethod() == null
              ? null
              : encryptedKey.getEncryptionMethod().getAlgorithm();
      if (!KEY_TRANSPORT.contains(transport)) {
        throw new SamlXml.Invalid(
            "the key transport " + transport + " is refused: RSA-OAEP only (never RSA 1.5)");
      }
      XMLCipher keyCipher = XMLCipher.getInstance();
      keyCipher.init(XMLCipher.UNWRAP_MODE, key);
      Key contentKey = keyCipher.decryptKey(encryptedKey, contentAlgorithm);
      XMLCipher dataCipher = XMLCipher.getInstance();
      dataCipher.init(XMLCipher.DECRYPT_MODE, contentKey);
      clear = dataCipher.decryptToByteArray(data);
    } catch (XMLSecurityException | RuntimeException e) {
      if (e instanceof SamlXml.Invalid invalid) {
        throw invalid;
      }
      if (e instanceof GigyaException g) {
        throw g;
      }
      throw new SamlXml.Invalid(
          "the EncryptedAssertion cannot be decrypted with this site's key" + e);
    }
    // The clear text is an element serialized in the context of the EncryptedAssertion: it may use
    // the prefixes declared around it, so it is read inside an element that declares them.
    byte[] open = context(encryptedAssertion).getBytes(StandardCharsets.UTF_8);
    byte[] close = "</junction-decrypted>".getBytes(StandardCharsets.UTF_8);
    byte[] wrapped = new byte[open.length + clear.length + close.length];
    System.arraycopy(open, 0, wrapped, 0, open.length);
    System.arraycopy(clear, 0, wrapped, open.length, clear.length);
    System.arraycopy(close, 0, wrapped, open.length + clear.length, close.length);
    Element wrapper = SamlXml.parse(wrapped).getDocumentElement();
    Element assertion = null;
    for (Node n = wrapper.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && assertion == null) {
        assertion = e;
      } else if (n instanceof Element || !n.getTextContent().isBlank()) {
        throw new SamlXml.Invalid(
            "the EncryptedAssertion must hold one Assertion and nothing else");
      }
    }
    if (assertion == null
        || !SamlXml.ASSERTION.equals(assertion.getNamespaceURI())
        || !"Assertion".equals(assertion.getLocalName())) {
      throw new SamlXml.Invalid("the EncryptedAssertion does not hold an Assertion");
    }
    Node imported = doc.importNode(assertion, true);
    encryptedAssertion.getParentNode().replaceChild(imported, encryptedAssertion);
    return (Element) imported;
  }

  /** An opening tag declaring every namespace prefix in scope at {@code e}. */
  private static String context(Element e) {
    Map<String, String> declared = new LinkedHashMap<>();
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      NamedNodeMap attributes = el.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Node a = attributes.item(i);
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
          declared.putIfAbsent(a.getNodeName(), a.getNodeValue());
        }
      }
    }
    StringBuilder b = new StringBuilder("<junction-decrypted");
    declared.forEach(
        (name, uri) ->
            b.append(' ')
                .append(name)
                .append("=\"")
                .append(uri.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
                .append('"'));
    return b.append('>').toString();
  }

  /** The one EncryptedKey: in the EncryptedData's KeyInfo, or beside the EncryptedData. */
  private static Element encryptedKey(Element encryptedAssertion, Element data) {
    Element keyInfo = SamlXml.child(data, SamlXml.DSIG, "KeyInfo");
    List<Element> inside =
        keyInfo == null ? List.of() : SamlXml.children(keyInfo, XENC, "EncryptedKey");
    List<Element> beside = SamlXml.children(encryptedAssertion, XENC, "EncryptedKey");
    if (inside.size() + beside.size() != 1) {
      throw new SamlXml.Invalid(
          "the EncryptedAssertion must carry exactly one EncryptedKey, not "
              + (inside.size() + beside.size()));
    }
    return inside.isEmpty() ? beside.get(0) : inside.get(0);
  }

  /** Refuses a decryption where the site has no key: 400096. */
  static GigyaException notSupported() {
    return new GigyaException(
        ErrorCode.NOT_SUPPORTED, "Encrypted assertions are not accepted here: send them signed");
  }
}
