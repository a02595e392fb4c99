package io.junction.provider.support;

import static io.junction.provider.support.JsonBodies.text;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks an OpenID Connect id_token (a JWS): its signature with the provider's JSON Web Key Set
 * (RS256 or ES256, the key chosen by {@code kid}), then {@code iss}, {@code aud}, {@code exp} (with
 * a minute of clock skew) and {@code nonce}. Any failure is a provider error: the token is never
 * trusted in part.
 */
public final class IdTokens {

  private static final long SKEW_SECONDS = 60;

  private IdTokens() {}

  /** The verified claims of {@code idToken}, its issuer being {@code issuer}. */
  public static JsonObject verify(
      String provider,
      String idToken,
      JsonObject jwks,
      String issuer,
      String audience,
      String nonce) {
    JsonObject claims = verify(provider, idToken, jwks, audience, nonce);
    if (!issuer.equals(text(claims.get("iss")))) {
      throw fail(
          provider, "the id_token was issued by " + text(claims.get("iss")) + ", not " + issuer);
    }
    return claims;
  }

  /**
   * The verified claims of {@code idToken} (signature, audience, expiry, nonce); the caller checks
   * the issuer.
   */
  public static JsonObject verify(
      String provider, String idToken, JsonObject jwks, String audience, String nonce) {
    String[] parts = idToken == null ? new String[0] : idToken.split("\\.");
    if (parts.length != 3) {
      throw fail(provider, "the id_token is not a signed JWT");
    }
    JsonObject header = object(provider, parts[0]);
    JsonObject claims = object(provider, parts[1]);
    String alg = header.getString("alg", "");
    String kid = header.getString("kid", null);
    JsonObject jwk = null;
    for (JsonObject key : keys(jwks)) {
      if (kid == null || kid.equals(key.getString("kid", null))) {
        jwk = key;
        break;
      }
    }
    if (jwk == null) {
      throw fail(provider, "no key of the provider's key set signed the id_token");
    }
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = decode(provider, parts[2]);
    boolean valid;
    try {
      switch (alg) {
        case "RS256" -> {
          Signature v = Signature.getInstance("SHA256withRSA");
          v.initVerify(rsa(jwk));
          v.update(signed);
          valid = v.verify(signature);
        }
        case "ES256" -> {
          Signature v = Signature.getInstance("SHA256withECDSA");
          v.initVerify(ec(jwk));
          v.update(signed);
          valid = signature.length == 64 && v.verify(der(signature));
        }
        default -> throw fail(provider, "the id_token's algorithm " + alg + " is not accepted");
      }
    } catch (ProviderException e) {
      throw e;
    } catch (Exception e) {
      throw fail(provider, "the id_token's signature cannot be checked");
    }
    if (!valid) {
      throw fail(provider, "the id_token's signature is not the provider's");
    }
    JsonValue aud = claims.get("aud");
    boolean audOk =
        aud instanceof JsonString s
            ? s.getString().equals(audience)
            : aud != null
                && aud.getValueType() == JsonValue.ValueType.ARRAY
                && aud.asJsonArray().stream()
                    .anyMatch(a -> a instanceof JsonString s && s.getString().equals(audience));
    if (!audOk) {
      throw fail(provider, "the id_token is not meant for this application");
    }
    long now = Instant.now().getEpochSecond();
    if (!(claims.get("exp") instanceof JsonNumber exp) || exp.longValue() + SKEW_SECONDS < now) {
      throw fail(provider, "the id_token has expired");
    }
    if (nonce != null && !nonce.equals(text(claims.get("nonce")))) {
      throw fail(provider, "the id_token's nonce is not the one of this login");
    }
    if (text(claims.get("sub")) == null) {
      throw fail(provider, "the id_token names no subject");
    }
    return claims;
  }

  /** Whether the key set holds the key the token names (or the token names none). */
  public static boolean knowsKey(JsonObject jwks, String idToken) {
    try {
      String kid =
          JsonBodies.object(Base64.getUrlDecoder().decode(idToken.split("\\.")[0]))
              .getString("kid", null);
      return kid == null || keys(jwks).stream().anyMatch(k -> kid.equals(k.getString("kid", null)));
    } catch (RuntimeException e) {
      return true; // unreadable: verify() says why
    }
  }

  /** The keys of a key set: the objects of its {@code keys} array (none when it has no array). */
  private static List<JsonObject> keys(JsonObject jwks) {
    List<JsonObject> out = new ArrayList<>();
    if (jwks.get("keys") instanceof JsonArray keys) {
      for (JsonValue k : keys) {
        if (k instanceof JsonObject key) {
          out.add(key);
        }
      }
    }
    return out;
  }

  private static PublicKey rsa(JsonObject jwk) throws Exception {
    BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
    BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
  }

  private static PublicKey ec(JsonObject jwk) throws Exception {
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    ECPoint point =
        new ECPoint(
            new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("x"))),
            new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("y"))));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
  }

  /** JOSE's raw R||S ECDSA signature as the DER sequence Java verifies. */
  static byte[] der(byte[] raw) {
    byte[] r = integer(raw, 0);
    byte[] s = integer(raw, 32);
    byte[] out = new byte[2 + r.length + s.length];
    out[0] = 0x30;
    out[1] = (byte) (r.length + s.length);
    System.arraycopy(r, 0, out, 2, r.length);
    System.arraycopy(s, 0, out, 2 + r.length, s.length);
    return out;
  }

  private static byte[] integer(byte[] raw, int from) {
    byte[] v = new BigInteger(1, java.util.Arrays.copyOfRange(raw, from, from + 32)).toByteArray();
    byte[] out = new byte[2 + v.length];
    out[0] = 0x02;
    out[1] = (byte) v.length;
    System.arraycopy(v, 0, out, 2, v.length);
    return out;
  }

  private static JsonObject object(String provider, String part) {
    try {
      return JsonBodies.object(decode(provider, part));
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail(provider, "the id_token cannot be read");
    }
  }

  private static byte[] decode(String provider, String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw fail(provider, "the id_token cannot be read");
    }
  }

  /** Parses a JSON object (a key set, a claims set). */
  public static JsonObject parse(String json) {
    return JsonBodies.object(json);
  }

  private static ProviderException fail(String provider, String why) {
    return new ProviderException(provider, ErrorCode.PROVIDER_ERROR, why);
  }
}
