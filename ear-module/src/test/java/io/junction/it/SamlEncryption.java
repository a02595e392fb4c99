package io.junction.it;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a SAML identity provider played by the test does to encrypt an assertion to Junction's
 * service-provider certificate, with the JDK alone (XML Encryption 1.1): the assertion, signed
 * first, encrypted with AES-256-GCM (the IV before the ciphertext), its key transported by RSA-OAEP
 * (or by RSA 1.5, which Junction must refuse), in a saml:EncryptedAssertion.
 */
final class SamlEncryption {

  static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
  static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
  static final String RSA_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";

  private SamlEncryption() {}

  /** The Base64 SAMLResponse with its assertion encrypted to {@code sp}. */
  static String encryptAssertion(String samlResponse, PublicKey sp, String keyTransport) {
    try {
      Document d = SamlIdpStandIn.parse(Base64.getDecoder().decode(samlResponse));
      Element response = d.getDocumentElement();
      Element assertion =
          (Element) d.getElementsByTagNameNS(SamlIdpStandIn.ASSERTION, "Assertion").item(0);
      byte[] clear = write(assertion).getBytes(StandardCharsets.UTF_8);

      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(256);
      SecretKey aes = g.generateKey();
      byte[] iv = new byte[12];
      new SecureRandom().nextBytes(iv);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
      byte[] sealed = gcm.doFinal(clear);
      byte[] data = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, data, 0, iv.length);
      System.arraycopy(sealed, 0, data, iv.length, sealed.length);
      Cipher rsa =
          Cipher.getInstance(
              keyTransport.equals(RSA_OAEP)
                  ? "RSA/ECB/OAEPWithSHA-1AndMGF1Padding"
                  : "RSA/ECB/PKCS1Padding");
      rsa.init(Cipher.ENCRYPT_MODE, sp);
      byte[] wrappedKey = rsa.doFinal(aes.getEncoded());

      String xml =
          "<saml:EncryptedAssertion xmlns:saml='"
              + SamlIdpStandIn.ASSERTION
              + "'><xenc:EncryptedData xmlns:xenc='"
              + XENC
              + "' Type='http://www.w3.org/2001/04/xmlenc#Element'><xenc:EncryptionMethod"
              + " Algorithm='http://www.w3.org/2009/xmlenc11#aes256-gcm'/>"
              + "<ds:KeyInfo xmlns:ds='http://www.w3.org/2000/09/xmldsig#'><xenc:EncryptedKey>"
              + "<xenc:EncryptionMethod Algorithm='"
              + keyTransport
              + "'/><xenc:CipherData><xenc:CipherValue>"
              + Base64.getEncoder().encodeToString(wrappedKey)
              + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>"
              + "<xenc:CipherData><xenc:CipherValue>"
              + Base64.getEncoder().encodeToString(data)
              + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>"
              + "</saml:EncryptedAssertion>";
      Element encrypted =
          (Element)
              d.importNode(
                  SamlIdpStandIn.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement(),
                  true);
      response.replaceChild(encrypted, assertion);
      return Base64.getEncoder().encodeToString(write(d).getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("cannot encrypt", e);
    }
  }

  static String write(org.w3c.dom.Node node) throws Exception {
    StringWriter w = new StringWriter();
    var t = TransformerFactory.newDefaultInstance().newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    t.transform(new DOMSource(node), new StreamResult(w));
    return w.toString();
  }
}
