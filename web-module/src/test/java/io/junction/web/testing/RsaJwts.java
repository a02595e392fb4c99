package io.junction.web.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * JWTs as the Gigya SDKs' GSAuthRequest makes them, written out by hand (header {@code
 * {"alg":"RS256","typ":"JWT","kid":userKey}}, claims {@code jti} and {@code iat} in seconds,
 * RS256), with any header or claim changed for the refusals.
 */
public final class RsaJwts {

  private RsaJwts() {}

  public static KeyPair newPair(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key the admin API answered (Base64 PKCS#8), as the SDK reads it. */
  public static PrivateKey privateKey(String base64Pkcs8) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SDK's JWT for {@code userKey}, issued now with a random jti. */
  public static String sdkJwt(String userKey, PrivateKey key) {
    return jwt(
        Map.of("alg", "RS256", "typ", "JWT", "kid", userKey),
        Map.of("jti", UUID.randomUUID().toString(), "iat", Instant.now().getEpochSecond()),
        key);
  }

  /** A JWT of these header and claims, signed RS256 with {@code key}. */
  public static String jwt(Map<String, ?> header, Map<String, ?> claims, PrivateKey key) {
    String input = part(json(header)) + "." + part(json(claims));
    return input + "." + b64(rs256(input, key));
  }

  /** A JWT with an arbitrary signature part (for alg none and forgeries). */
  public static String unsigned(Map<String, ?> header, Map<String, ?> claims, String signature) {
    return part(json(header)) + "." + part(json(claims)) + "." + signature;
  }

  public static String part(String json) {
    return b64(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] rs256(String signingInput, PrivateKey key) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Map<String, ?> values) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    values.forEach(
        (k, v) -> {
          if (v instanceof Long l) {
            b.add(k, l);
          } else if (v instanceof Integer i) {
            b.add(k, i);
          } else if (v instanceof Double d) {
            b.add(k, d);
          } else if (v instanceof Boolean bool) {
            b.add(k, bool);
          } else if (v instanceof JsonObject o) {
            b.add(k, o);
          } else {
            b.add(k, String.valueOf(v));
          }
        });
    return b.build().toString();
  }
}
