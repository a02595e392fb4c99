package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ProviderException;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdTokensTest {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final KeyPair RSA = rsa();
  private static final KeyPair OTHER = rsa();

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(BigInteger i) {
    byte[] b = i.toByteArray();
    return B64.encodeToString(b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b);
  }

  private static JsonObject jwks(KeyPair pair, String kid) {
    RSAPublicKey k = (RSAPublicKey) pair.getPublic();
    return IdTokens.parse(
        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\""
            + kid
            + "\",\"alg\":\"RS256\",\"n\":\""
            + b64(k.getModulus())
            + "\",\"e\":\""
            + b64(k.getPublicExponent())
            + "\"}]}");
  }

  static String jwt(KeyPair pair, String alg, String kid, String claims) throws Exception {
    String signed =
        B64.encodeToString(
                ("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}")
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature s =
        Signature.getInstance(
            alg.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
    s.initSign(pair.getPrivate());
    s.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + B64.encodeToString(s.sign());
  }

  private static String claims(String iss, String aud, long exp, String nonce) {
    return "{\"iss\":\""
        + iss
        + "\",\"aud\":\""
        + aud
        + "\",\"sub\":\"1234567890\",\"exp\":"
        + exp
        + ",\"nonce\":\""
        + nonce
        + "\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}";
  }

  private final long later = Instant.now().getEpochSecond() + 600;

  @Test
  void aGoodTokenGivesItsClaims() throws Exception {
    String token =
        jwt(RSA, "RS256", "k1", claims("https://issuer.example", "client-1", later, "n-1"));
    JsonObject c =
        IdTokens.verify(
            "googleplus", token, jwks(RSA, "k1"), "https://issuer.example", "client-1", "n-1");
    assertEquals("1234567890", c.getString("sub"));
    assertEquals("jane@example.com", c.getString("email"));
  }

  @Test
  void forgedExpiredMisdirectedOrReplayedTokensAreRefused() throws Exception {
    JsonObject keys = jwks(RSA, "k1");
    String forged =
        jwt(OTHER, "RS256", "k1", claims("https://issuer.example", "client-1", later, "n-1"));
    assertTrue(refused(forged, keys).contains("signature"));
    String expired =
        jwt(
            RSA,
            "RS256",
            "k1",
            claims(
                "https://issuer.example",
                "client-1",
                Instant.now().getEpochSecond() - 3600,
                "n-1"));
    assertTrue(refused(expired, keys).contains("expired"));
    assertTrue(
        refused(
                jwt(RSA, "RS256", "k1", claims("https://evil.example", "client-1", later, "n-1")),
                keys)
            .contains("issued by"));
    assertTrue(
        refused(
                jwt(RSA, "RS256", "k1", claims("https://issuer.example", "client-2", later, "n-1")),
                keys)
            .contains("not meant"));
    assertTrue(
        refused(
                jwt(RSA, "RS256", "k1", claims("https://issuer.example", "client-1", later, "n-2")),
                keys)
            .contains("nonce"));
    assertTrue(
        refused(
                jwt(RSA, "RS256", "k9", claims("https://issuer.example", "client-1", later, "n-1")),
                keys)
            .contains("no key"));
    String none =
        B64.encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + B64.encodeToString(
                claims("https://issuer.example", "client-1", later, "n-1").getBytes())
            + ".";
    assertThrows(
        ProviderException.class,
        () -> IdTokens.verify("p", none, keys, "https://issuer.example", "client-1", "n-1"));
    assertThrows(
        ProviderException.class,
        () -> IdTokens.verify("p", "not.a.jwt", keys, "https://issuer.example", "client-1", "n-1"));
    assertFalse(IdTokens.knowsKey(keys, jwt(RSA, "RS256", "k9", "{}")));
  }

  @Test
  void es256TokensToo() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ec = g.generateKeyPair();
    ECPublicKey pub = (ECPublicKey) ec.getPublic();
    JsonObject keys =
        IdTokens.parse(
            "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"e1\",\"x\":\""
                + b64(pub.getW().getAffineX())
                + "\",\"y\":\""
                + b64(pub.getW().getAffineY())
                + "\"}]}");
    String token = jwt(ec, "ES256", "e1", claims("https://access.line.me", "165", later, "n"));
    assertEquals(
        "1234567890",
        IdTokens.verify("line", token, keys, "https://access.line.me", "165", "n")
            .getString("sub"));
  }

  @Test
  void aKeySetWithoutKeysOrWithKeysThatAreNoObjectsIsAProviderError() throws Exception {
    String token =
        jwt(RSA, "RS256", "k1", claims("https://issuer.example", "client-1", later, "n-1"));
    for (String keys : new String[] {"{}", "{\"keys\":{}}", "{\"keys\":[1,\"k1\",null]}"}) {
      JsonObject jwks = IdTokens.parse(keys);
      assertTrue(refused(token, jwks).contains("no key"), keys);
      assertFalse(IdTokens.knowsKey(jwks, token), keys);
    }
  }

  @Test
  void anExpiryThatIsNoNumberIsAProviderError() throws Exception {
    JsonObject keys = jwks(RSA, "k1");
    for (String exp : new String[] {"\"" + later + "\"", "null", "true", "{}"}) {
      String token =
          jwt(
              RSA,
              "RS256",
              "k1",
              "{\"iss\":\"https://issuer.example\",\"aud\":\"client-1\",\"sub\":\"1\","
                  + "\"nonce\":\"n-1\",\"exp\":"
                  + exp
                  + "}");
      assertTrue(refused(token, keys).contains("expired"), exp);
    }
  }

  private static String refused(String token, JsonObject keys) {
    return assertThrows(
            ProviderException.class,
            () ->
                IdTokens.verify(
                    "googleplus", token, keys, "https://issuer.example", "client-1", "n-1"))
        .getMessage();
  }
}
