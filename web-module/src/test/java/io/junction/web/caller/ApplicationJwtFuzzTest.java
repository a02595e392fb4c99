package io.junction.web.caller;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.testing.RsaJwts;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;

/**
 * Any {@code Authorization: Bearer} JWT is read or refused as the caller's fault: 400008 (HTTP 400)
 * when it is not an application key's JWT, 403003 (HTTP 403) for an alg other than RS256; never
 * another exception. What is read keeps its limits, and no signature of an input verifies.
 *
 * <p>An input of one line is the JWT as sent. An input of several lines is the header's JSON, the
 * claims' JSON and the signature part, which the test joins as a JWS does (Base64url of the first
 * two), so that the fuzzer explores the JSON rather than the Base64.
 */
class ApplicationJwtFuzzTest {

  private static final RSAPublicKey KEY = (RSAPublicKey) RsaJwts.newPair(2048).getPublic();

  @FuzzTest
  @DictionaryEntries({
    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"",
    "\"alg\":\"none\"",
    "{\"jti\":\"",
    "\"iat\":",
    "\"exp\":",
    "\"nbf\":",
    "\"crit\":",
    "1e999999999",
    "\\u0000",
    "\\ud800"
  })
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", 3);
    String compact =
        lines.length == 1
            ? text
            : RsaJwts.part(lines[0])
                + "."
                + RsaJwts.part(lines[1])
                + "."
                + (lines.length > 2 ? lines[2] : "");
    ApplicationJwt jwt;
    try {
      jwt = ApplicationJwt.parse(compact);
    } catch (GigyaException e) {
      assertTrue(
          e.code() == ErrorCode.INVALID_AUTHENTICATION_HEADER && e.httpStatus() == 400
              || e.code() == ErrorCode.INVALID_REQUEST_SIGNATURE && e.httpStatus() == 403,
          e.getMessage());
      return;
    }
    assertTrue(ApplicationJwt.isJws(compact), compact);
    assertTrue(compact.length() <= ApplicationJwt.MAX_LENGTH);
    assertFalse(jwt.kid().isEmpty());
    assertTrue(jwt.kid().length() <= ApplicationJwt.MAX_KID, jwt.kid());
    assertTrue(jwt.kid().chars().noneMatch(Character::isISOControl), jwt.kid());
    assertFalse(jwt.jti().isEmpty());
    assertTrue(jwt.jti().length() <= ApplicationJwt.MAX_JTI);
    assertTrue(jwt.issuedAt() >= 0 && jwt.issuedAt() <= 100_000_000_000L, "" + jwt.issuedAt());
    String signed = compact.substring(0, compact.lastIndexOf('.'));
    assertArrayEquals(signed.getBytes(StandardCharsets.US_ASCII), jwt.signingInput());
    assertFalse(jwt.signedBy(KEY), compact);
    assertEquals(jwt.kid(), ApplicationJwt.parse(compact).kid());
  }
}
