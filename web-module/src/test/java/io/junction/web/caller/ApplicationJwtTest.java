package io.junction.web.caller;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static io.junction.web.testing.RsaJwts.jwt;
import static io.junction.web.testing.RsaJwts.part;
import static io.junction.web.testing.RsaJwts.unsigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.testing.RsaJwts;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an application key's JWT is told from an oauth_token, read, and refused when malformed. */
class ApplicationJwtTest {

  private static final KeyPair PAIR = RsaJwts.newPair(2048);
  private static final KeyPair OTHER = RsaJwts.newPair(2048);
  private static final Map<String, String> HEADER =
      Map.of("alg", "RS256", "typ", "JWT", "kid", "AKuser");

  @Test
  void aJwtHasTwoDotsAndAnOauthTokenNever() {
    assertFalse(ApplicationJwt.isJws("jt1.Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4"));
    assertFalse(ApplicationJwt.isJws("opaque-token"));
    assertTrue(ApplicationJwt.isJws("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
    assertTrue(ApplicationJwt.isJws(".."));
    assertFalse(ApplicationJwt.isJws("a.b.c.d"));
  }

  @Test
  void theSdksJwtIsRead() {
    String compact = RsaJwts.sdkJwt("AKuser", PAIR.getPrivate());
    ApplicationJwt read = ApplicationJwt.parse(compact);
    assertEquals("AKuser", read.kid());
    assertEquals(36, read.jti().length());
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - read.issuedAt()) < 5);
    assertNull(read.expiresAt());
    assertTrue(read.signedBy((RSAPublicKey) PAIR.getPublic()));
    assertFalse(read.signedBy((RSAPublicKey) OTHER.getPublic()));
  }

  @Test
  void iatInMillisecondsAsEarlySdksSentIsSecondsAndTypMayBeLowerCase() {
    ApplicationJwt read =
        ApplicationJwt.parse(
            jwt(
                Map.of("alg", "RS256", "typ", "jwt", "kid", "AKuser"),
                Map.of("jti", "j", "iat", 1_700_000_000_123L, "exp", 1_700_000_600L),
                PAIR.getPrivate()));
    assertEquals(1_700_000_000L, read.issuedAt());
    assertEquals(1_700_000_600L, read.expiresAt());
  }

  @Test
  void onlyRs256IsAccepted() {
    Map<String, Object> claims = Map.of("jti", "j", "iat", 1_700_000_000L);
    for (String alg : new String[] {"none", "HS256", "RS512", "PS256", "ES256", "rs256", ""}) {
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () -> ApplicationJwt.parse(unsigned(Map.of("alg", alg, "kid", "AKuser"), claims, "")));
    }
    assertRefused(
        ErrorCode.INVALID_AUTHENTICATION_HEADER,
        () -> ApplicationJwt.parse(unsigned(Map.of("kid", "AKuser"), claims, "")));
  }

  @Test
  void aJwtWithoutKidJtiOrIatOrWithCritIsMalformed() {
    Map<String, Object> claims = Map.of("jti", "j", "iat", 1_700_000_000L);
    for (String compact :
        new String[] {
          jwt(Map.of("alg", "RS256"), claims, PAIR.getPrivate()),
          jwt(Map.of("alg", "RS256", "kid", ""), claims, PAIR.getPrivate()),
          jwt(Map.of("alg", "RS256", "kid", 7), claims, PAIR.getPrivate()),
          jwt(HEADER, Map.of("iat", 1_700_000_000L), PAIR.getPrivate()),
          jwt(HEADER, Map.of("jti", "j"), PAIR.getPrivate()),
          jwt(HEADER, Map.of("jti", "j", "iat", "yesterday"), PAIR.getPrivate()),
          jwt(HEADER, Map.of("jti", "j", "iat", -5L), PAIR.getPrivate()),
          jwt(HEADER, Map.of("jti", "j".repeat(257), "iat", 1L), PAIR.getPrivate()),
          jwt(Map.of("alg", "RS256", "kid", "AKuser", "crit", "exp"), claims, PAIR.getPrivate()),
          jwt(
              Map.of("alg", "RS256", "kid", "AKuser", "typ", "JOSE+JSON"),
              claims,
              PAIR.getPrivate())
        }) {
      assertRefused(ErrorCode.INVALID_AUTHENTICATION_HEADER, () -> ApplicationJwt.parse(compact));
    }
  }

  @Test
  void whatIsNotAJwsInCompactFormIsMalformed() {
    String header = part("{\"alg\":\"RS256\",\"kid\":\"AKuser\"}");
    String claims = part("{\"jti\":\"j\",\"iat\":1}");
    for (String compact :
        new String[] {
          header + "." + claims,
          header + "." + claims + ".sig.more",
          header + "=." + claims + ".c2ln",
          header + "." + claims + ".c2ln+/",
          part("[1,2]") + "." + claims + ".c2ln",
          part("{\"alg\":") + "." + claims + ".c2ln",
          RsaJwts.b64(new byte[] {(byte) 0xc3, 0x28}) + "." + claims + ".c2ln",
          "A." + claims + ".c2ln",
          header + "." + claims + "." + "A".repeat(ApplicationJwt.MAX_LENGTH)
        }) {
      assertRefused(ErrorCode.INVALID_AUTHENTICATION_HEADER, () -> ApplicationJwt.parse(compact));
    }
  }

  @Test
  void aSignaturePartThatIsNoBase64LengthIsMalformedNotAServerError() {
    // Found by ApplicationJwtFuzzTest: one character over a multiple of four is no Base64 at all.
    String[] parts = RsaJwts.sdkJwt("AKuser", PAIR.getPrivate()).split("\\.");
    assertEquals(342, parts[2].length(), "a 2048-bit signature");
    assertRefused(
        ErrorCode.INVALID_AUTHENTICATION_HEADER,
        () -> ApplicationJwt.parse(parts[0] + "." + parts[1] + ".A"));
    assertRefused(
        ErrorCode.INVALID_AUTHENTICATION_HEADER,
        () -> ApplicationJwt.parse(parts[0] + "." + parts[1] + "." + parts[2] + "ABC"));
  }

  @Test
  void aChangedClaimBreaksTheSignature() {
    String compact = RsaJwts.sdkJwt("AKuser", PAIR.getPrivate());
    String[] parts = compact.split("\\.");
    String forged =
        parts[0]
            + "."
            + part("{\"jti\":\"other\",\"iat\":" + System.currentTimeMillis() / 1000 + "}")
            + "."
            + parts[2];
    assertFalse(ApplicationJwt.parse(forged).signedBy((RSAPublicKey) PAIR.getPublic()));
  }
}
