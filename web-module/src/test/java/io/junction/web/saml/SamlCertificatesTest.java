package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamlCertificatesTest {

  private static final SamlCertificates.SpKeyPair PAIR = SamlCertificates.generate("Junction SP");

  @Test
  void aGeneratedKeyPairHasASelfSignedSha256CertificateValidForTenYears() throws Exception {
    X509Certificate cert = PAIR.certificate();
    cert.checkValidity();
    cert.verify(cert.getPublicKey());
    assertEquals("SHA256withRSA", cert.getSigAlgName());
    assertEquals("CN=Junction SP", cert.getSubjectX500Principal().getName());
    assertEquals(3072, ((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength());
    long days = (cert.getNotAfter().getTime() - cert.getNotBefore().getTime()) / 86_400_000L;
    assertTrue(days >= 3650 && days <= 3655, "days: " + days);
    assertTrue(
        cert.getNotAfter().after(new Date(System.currentTimeMillis() + 9 * 365 * 86400000L)));

    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(PAIR.privateKey());
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(cert);
    s.update(new byte[] {1, 2, 3});
    assertTrue(s.verify(sig), "the private key belongs to the certificate");
  }

  @Test
  void aPrivateKeyReadsBackFromItsBase64() {
    String encoded = Base64.getEncoder().encodeToString(PAIR.privateKey().getEncoded());
    assertEquals(PAIR.privateKey(), SamlCertificates.privateKey(encoded));
  }

  @Test
  void certificatesAreReadFromPemBlocksOrBase64() {
    String b64 = SamlCertificates.base64(PAIR.certificate());
    assertEquals(List.of(PAIR.certificate()), SamlCertificates.parse(b64));
    String wrapped = b64.replaceAll("(.{64})", "$1\n");
    String pem = "-----BEGIN CERTIFICATE-----\n" + wrapped + "\n-----END CERTIFICATE-----\n";
    assertEquals(List.of(PAIR.certificate()), SamlCertificates.parse(pem));
    X509Certificate other = SamlCertificates.generate("Other").certificate();
    String two =
        pem
            + "-----BEGIN CERTIFICATE-----\n"
            + SamlCertificates.base64(other)
            + "\n-----END CERTIFICATE-----";
    assertEquals(List.of(PAIR.certificate(), other), SamlCertificates.parse(two));
  }

  @Test
  void whatIsNoCertificateOrAWeakKeyIsRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> SamlCertificates.parse("not base64 !"));
    assertThrows(IllegalArgumentException.class, () -> SamlCertificates.parse("AAAA"));
    assertThrows(IllegalArgumentException.class, () -> SamlCertificates.parse(""));
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    X509Certificate weak = SamlCertificates.selfSigned(g.generateKeyPair(), "Weak");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SamlCertificates.parse(SamlCertificates.base64(weak)));
    assertTrue(e.getMessage().contains("2048"), e.getMessage());
  }
}
