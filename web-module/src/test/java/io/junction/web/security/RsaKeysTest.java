package io.junction.web.security;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.testing.RsaJwts;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The public keys an administrator may give, and the key pairs Junction generates. */
class RsaKeysTest {

  private static final KeyPair PAIR = RsaJwts.newPair(2048);

  @Test
  void aPemOrBase64PublicKeyIsKeptAsBase64X509() {
    String base64 = Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
    String pem =
        "-----BEGIN PUBLIC KEY-----\r\n"
            + Base64.getMimeEncoder().encodeToString(PAIR.getPublic().getEncoded())
            + "\r\n-----END PUBLIC KEY-----\n";
    assertEquals(base64, RsaKeys.normalizedPublicKey("publicKey", base64));
    assertEquals(base64, RsaKeys.normalizedPublicKey("publicKey", pem));
    assertEquals(PAIR.getPublic(), RsaKeys.publicKey(base64));
  }

  @Test
  void aPrivateKeyAShortKeyAnotherAlgorithmOrGarbageIsRefused() throws Exception {
    String privatePem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(PAIR.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----";
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    for (String given :
        new String[] {
          privatePem,
          Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded()),
          Base64.getEncoder().encodeToString(RsaJwts.newPair(1024).getPublic().getEncoded()),
          Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded()),
          "not a key",
          "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"
        }) {
      var e =
          assertRefused(
              ErrorCode.INVALID_PARAMETER_VALUE,
              () -> RsaKeys.normalizedPublicKey("publicKey", given));
      assertTrue(e.details().contains("publicKey"), e.details());
    }
  }

  @Test
  void aGeneratedPairIsA2048BitRsaPairInTheSdksFormats() throws Exception {
    RsaKeys.Generated generated = RsaKeys.generate();
    var publicKey = RsaKeys.publicKey(generated.publicKey());
    assertEquals(2048, publicKey.getModulus().bitLength());
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(RsaJwts.privateKey(generated.privateKey()));
    s.update(new byte[] {1, 2, 3});
    byte[] signature = s.sign();
    s.initVerify(publicKey);
    s.update(new byte[] {1, 2, 3});
    assertTrue(s.verify(signature));
  }
}
