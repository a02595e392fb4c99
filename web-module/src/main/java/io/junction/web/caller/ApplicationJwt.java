package io.junction.web.caller;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.JsonInput;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An application key's JWT as the Gigya SDKs' {@code GSAuthRequest} sends it in {@code
 * Authorization: Bearer}: a JWS in compact form (RFC 7515) whose header is {@code
 * {"alg":"RS256","typ":"JWT","kid":"<userKey>"}} and whose claims hold a random {@code jti} and
 * {@code iat}, signed with the key's RSA private key. Read here, not yet verified: {@link
 * ApplicationJwts} checks the key, the signature, the time and the {@code jti}.
 *
 * <p>Every input is either read or refused with a Gigya error: 403003 for an {@code alg} other than
 * RS256 ({@code none} included), 400008 for anything else that is not such a JWT.
 *
 * @param kid the userKey of the application key that signed it
 * @param jti the JWT's id, single-use
 * @param issuedAt {@code iat} in seconds (milliseconds, as early SDK versions sent, are converted)
 * @param expiresAt {@code exp} in seconds, or null
 * @param notBefore {@code nbf} in seconds, or null
 */
public record ApplicationJwt(
    String kid,
    String jti,
    long issuedAt,
    Long expiresAt,
    Long notBefore,
    byte[] signingInput,
    byte[] signature) {

  /** The longest JWT read; GSAuthRequest's are about 400 characters. */
  public static final int MAX_LENGTH = 8192;

  /** The longest {@code kid} (a userKey) and {@code jti} read. */
  static final int MAX_KID = 100;

  static final int MAX_JTI = 256;

  /** A time claim beyond this many seconds (or, above {@link #MILLIS}, milliseconds) is refused. */
  private static final BigDecimal MAX_TIME = BigDecimal.valueOf(100_000_000_000_000L);

  private static final long MILLIS = 100_000_000_000L;

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

  /**
   * Whether an {@code Authorization: Bearer} value is a JWT (a JWS in compact form: three parts
   * separated by two dots) rather than an oauth_token, which never holds two dots.
   */
  public static boolean isJws(String bearer) {
    int first = bearer.indexOf('.');
    if (first < 0) {
      return false;
    }
    int second = bearer.indexOf('.', first + 1);
    return second >= 0 && bearer.indexOf('.', second + 1) < 0;
  }

  /** Reads a JWT; refuses with 403003 (its alg) or 400008 (anything else) what is not one. */
  public static ApplicationJwt parse(String compact) {
    if (compact.length() > MAX_LENGTH) {
      throw malformed("is longer than " + MAX_LENGTH + " characters");
    }
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw malformed("is not a JWS in compact form (header.claims.signature)");
    }
    for (String part : parts) {
      if (!BASE64URL.matcher(part).matches()) {
        throw malformed("is not Base64url (without padding) in each of its three parts");
      }
    }
    JsonObject header = json(parts[0], "header");
    JsonValue alg = header.get("alg");
    if (!(alg instanceof JsonString algorithm)) {
      throw malformed("header names no alg");
    }
    if (!algorithm.getString().equals("RS256")) {
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          "The JWT's alg must be RS256, signed with the application key's RSA private key");
    }
    if (header.containsKey("crit")) {
      throw malformed("header has crit extensions, which are not understood");
    }
    JsonValue typ = header.get("typ");
    if (typ != null && !(typ instanceof JsonString t && t.getString().equalsIgnoreCase("JWT"))) {
      throw malformed("header's typ must be JWT");
    }
    String kid = string(header, "kid", MAX_KID, "header names no application key (kid)");
    JsonObject claims = json(parts[1], "claims");
    String jti =
        string(claims, "jti", MAX_JTI, "has no jti (a single-use id) of 1 to 256 characters");
    Long iat = time(claims, "iat");
    if (iat == null) {
      throw malformed("has no iat (the time it was issued, in seconds)");
    }
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw malformed("signature is not Base64url");
    }
    return new ApplicationJwt(
        kid, jti, iat, time(claims, "exp"), time(claims, "nbf"), signingInput, signature);
  }

  /** Whether the signature is RS256 (RSASSA-PKCS1-v1_5 with SHA-256) by {@code key}. */
  public boolean signedBy(RSAPublicKey key) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update(signingInput);
      return rs256.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static JsonObject json(String part, String what) {
    byte[] bytes;
    String text;
    try {
      bytes = Base64.getUrlDecoder().decode(part);
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw malformed(what + " is not Base64url of UTF-8 text");
    }
    return JsonInput.object(text).orElseThrow(() -> malformed(what + " is not a JSON object"));
  }

  private static String string(JsonObject o, String name, int maxLength, String refusal) {
    if (o.get(name) instanceof JsonString s) {
      String v = s.getString();
      if (!v.isEmpty() && v.length() <= maxLength && v.chars().noneMatch(Character::isISOControl)) {
        return v;
      }
    }
    throw malformed(refusal);
  }

  /** A NumericDate claim in seconds (milliseconds converted), null when absent. */
  private static Long time(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null) {
      return null;
    }
    BigDecimal seconds;
    try {
      seconds = v instanceof JsonNumber n ? n.bigDecimalValue() : null;
    } catch (RuntimeException e) {
      seconds = null; // a number beyond what the parser represents
    }
    if (seconds == null || seconds.signum() < 0 || seconds.compareTo(MAX_TIME) > 0) {
      throw malformed(name + " must be a time in seconds");
    }
    long t = seconds.longValue();
    return t > MILLIS ? t / 1000 : t;
  }

  private static GigyaException malformed(String why) {
    return new GigyaException(
        ErrorCode.INVALID_AUTHENTICATION_HEADER, "The JWT in Authorization: Bearer " + why);
  }
}
