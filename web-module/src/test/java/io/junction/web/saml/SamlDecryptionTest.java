package io.junction.web.saml;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Encrypted assertions: opened with the site's key, then checked as any assertion (its own
 * signature or the Response's); weak key transport, a foreign key, a changed ciphertext and an
 * unsigned content refused.
 */
class SamlDecryptionTest {

  static final SamlCertificates.SpKeyPair SP_KEY = SamlCertificates.generate("SP");
  static final SamlCertificates.SpKeyPair OTHER_SP_KEY = SamlCertificates.generate("Other SP");
  static final TestIdp IDP = SamlResponseValidatorTest.IDP;

  static {
    org.apache.xml.security.Init.init();
  }

  /** The response of a spec, its assertion encrypted to {@code to} (then the Response signed). */
  static String encrypted(TestIdp.Spec s, PublicKey to, String transport, String content) {
    boolean signResponse = s.signResponse;
    s.signResponse = false;
    Document doc = IDP.document(s);
    Element response = doc.getDocumentElement();
    Element assertion = SamlXml.child(response, SamlXml.ASSERTION, "Assertion");
    try {
      KeyGenerator g =
          KeyGenerator.getInstance(content.equals(XMLCipher.TRIPLEDES) ? "DESede" : "AES");
      g.init(content.equals(XMLCipher.TRIPLEDES) ? 168 : content.contains("128") ? 128 : 256);
      SecretKey aes = g.generateKey();
      XMLCipher keyCipher = XMLCipher.getInstance(transport);
      keyCipher.init(XMLCipher.WRAP_MODE, to);
      EncryptedKey ek = keyCipher.encryptKey(doc, aes);
      XMLCipher dataCipher = XMLCipher.getInstance(content);
      dataCipher.init(XMLCipher.ENCRYPT_MODE, aes);
      EncryptedData ed = dataCipher.getEncryptedData();
      KeyInfo ki = new KeyInfo(doc);
      ki.add(ek);
      ed.setKeyInfo(ki);
      Element wrapper = doc.createElementNS(SamlXml.ASSERTION, "saml:EncryptedAssertion");
      response.insertBefore(wrapper, assertion);
      response.removeChild(assertion);
      wrapper.appendChild(assertion);
      dataCipher.doFinal(doc, assertion, false);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (signResponse) {
      TestIdp.sign(response, s.responseId, s, IDP.keys);
    }
    return TestIdp.encode(doc);
  }

  static String encrypted(TestIdp.Spec s) {
    return encrypted(
        s, SP_KEY.certificate().getPublicKey(), XMLCipher.RSA_OAEP, XMLCipher.AES_256_GCM);
  }

  static SamlAssertion open(String response) {
    return SamlResponseValidator.validate(
        response, SamlResponseValidatorTest.expected(), SP_KEY.privateKey());
  }

  @Test
  void anEncryptedSignedAssertionIsOpenedAndCheckedAsAnyOther() {
    TestIdp.Spec s = SamlResponseValidatorTest.spec();
    String response = encrypted(s);
    assertTrue(
        new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8)
            .contains("EncryptedAssertion"));
    assertTrue(
        !new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8)
            .contains("alice-uid-1"),
        "the NameID travels encrypted");
    SamlAssertion a = open(response);
    assertEquals(s.assertionId, a.id());
    assertEquals("alice-uid-1", a.nameId());
    assertEquals(java.util.List.of("staff", "admin"), a.attributes().get("Role"));
    // AES-128-GCM and AES-256-CBC with RSA-OAEP 1.1 too.
    assertEquals(
        "alice-uid-1",
        open(encrypted(
                SamlResponseValidatorTest.spec(),
                SP_KEY.certificate().getPublicKey(),
                XMLCipher.RSA_OAEP_11,
                XMLCipher.AES_128_GCM))
            .nameId());
    assertEquals(
        "alice-uid-1",
        open(encrypted(
                SamlResponseValidatorTest.spec(),
                SP_KEY.certificate().getPublicKey(),
                XMLCipher.RSA_OAEP,
                XMLCipher.AES_256))
            .nameId());
  }

  @Test
  void theResponsesSignatureCoversAnEncryptedAssertionThatIsNotSignedItself() {
    TestIdp.Spec s = SamlResponseValidatorTest.spec();
    s.signAssertion = false;
    s.signResponse = true;
    assertEquals("alice-uid-1", open(encrypted(s)).nameId());
    // Neither signed: what comes out of the encryption is not believed (CVE-2026-2092).
    TestIdp.Spec unsigned = SamlResponseValidatorTest.spec();
    unsigned.signAssertion = false;
    assertRefused(ErrorCode.INVALID_REQUEST_SIGNATURE, () -> open(encrypted(unsigned)));
  }

  @Test
  void weakOrForeignOrChangedEncryptionIsRefused() {
    GigyaException rsa15 =
        assertRefused(
            ErrorCode.INVALID_PARAMETER_VALUE,
            () ->
                open(
                    encrypted(
                        SamlResponseValidatorTest.spec(),
                        SP_KEY.certificate().getPublicKey(),
                        XMLCipher.RSA_v1dot5,
                        XMLCipher.AES_256_GCM)));
    assertTrue(rsa15.details().contains("RSA 1.5"), rsa15.details());
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () ->
            open(
                encrypted(
                    SamlResponseValidatorTest.spec(),
                    SP_KEY.certificate().getPublicKey(),
                    XMLCipher.RSA_OAEP,
                    XMLCipher.TRIPLEDES)));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () ->
            open(
                encrypted(
                    SamlResponseValidatorTest.spec(),
                    OTHER_SP_KEY.certificate().getPublicKey(),
                    XMLCipher.RSA_OAEP,
                    XMLCipher.AES_256_GCM)));
    // A changed ciphertext does not pass GCM's tag.
    String good = encrypted(SamlResponseValidatorTest.spec());
    String xml = new String(Base64.getDecoder().decode(good), StandardCharsets.UTF_8);
    int at = xml.lastIndexOf("</xenc:CipherValue>") - 8;
    char c = xml.charAt(at);
    String changed = xml.substring(0, at) + (c == 'A' ? 'B' : 'A') + xml.substring(at + 1);
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () -> open(Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8))));
    // Without the site's key: not supported.
    assertRefused(
        ErrorCode.NOT_SUPPORTED,
        () -> SamlResponseValidator.validate(good, SamlResponseValidatorTest.expected()));
  }

  @Test
  void anEncryptedAssertionBesideAPlainOneIsRefused() {
    TestIdp.Spec s = SamlResponseValidatorTest.spec();
    String xml = new String(Base64.getDecoder().decode(encrypted(s)), StandardCharsets.UTF_8);
    Document plain = IDP.document(SamlResponseValidatorTest.spec());
    String assertion =
        SamlXml.write(SamlXml.child(plain.getDocumentElement(), SamlXml.ASSERTION, "Assertion"));
    String both = xml.replace("</samlp:Response>", assertion + "</samlp:Response>");
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () -> open(Base64.getEncoder().encodeToString(both.getBytes(StandardCharsets.UTF_8))));
  }
}
