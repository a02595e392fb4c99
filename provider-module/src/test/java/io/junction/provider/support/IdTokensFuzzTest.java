package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.ProviderException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An id_token is trusted whole or not at all: whatever the compact JWS and whatever the key set,
 * {@link IdTokens} answers verified claims or a {@link ProviderException}, never another exception;
 * verified claims are the application's, unexpired, of this login's nonce and the expected issuer,
 * and name a subject.
 */
class IdTokensFuzzTest {

  private static final String ISSUER = "https://issuer.example";
  private static final String AUDIENCE = "client-1";
  private static final String NONCE = "n-1";

  /**
   * Any token against any key set. An input is the token (first line), then the key set; a key set
   * that is no JSON object stands for the stand-in provider's own.
   */
  @FuzzTest
  @DictionaryEntries({"eyJ", ".", "{\"keys\":[", "\"kid\":", "\"kty\":\"RSA\"", "\"kty\":\"EC\""})
  void anyTokenAnyKeys(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    String token = newline < 0 ? text : text.substring(0, newline);
    JsonObject keys = keySet(newline < 0 ? "" : text.substring(newline + 1));
    IdTokens.knowsKey(keys, token);
    verify(token, keys);
  }

  /**
   * Any claims (any bytes), signed with the provider's key: only the claims' checks stand between
   * them and a login.
   */
  @FuzzTest
  @DictionaryEntries({"\"iss\":", "\"aud\":", "\"exp\":", "\"nonce\":", "\"sub\":", "null", "[]"})
  void signedClaims(byte[] input) {
    String token = SignedTokens.idToken(new String(input, StandardCharsets.UTF_8));
    JsonObject keys = keySet("");
    assertTrue(IdTokens.knowsKey(keys, token));
    verify(token, keys);
  }

  private static JsonObject keySet(String text) {
    try {
      return JsonBodies.object(text);
    } catch (RuntimeException notAnObject) {
      return JsonBodies.object("{\"keys\":[" + SignedTokens.jwk() + "]}");
    }
  }

  private static void verify(String token, JsonObject keys) {
    JsonObject claims;
    try {
      claims = IdTokens.verify("oidc", token, keys, ISSUER, AUDIENCE, NONCE);
    } catch (ProviderException e) {
      assertEquals("oidc", e.provider());
      assertNotNull(e.code());
      return;
    }
    assertEquals(ISSUER, JsonBodies.text(claims.get("iss")));
    JsonValue aud = claims.get("aud");
    assertTrue(
        aud instanceof JsonString s
            ? s.getString().equals(AUDIENCE)
            : aud.asJsonArray().stream()
                .anyMatch(a -> a instanceof JsonString s && s.getString().equals(AUDIENCE)),
        claims.toString());
    assertTrue(claims.get("exp") instanceof JsonNumber, claims.toString());
    assertTrue(
        claims.getJsonNumber("exp").longValue() + 60 >= Instant.now().getEpochSecond(),
        claims.toString());
    assertEquals(NONCE, JsonBodies.text(claims.get("nonce")));
    assertNotNull(JsonBodies.text(claims.get("sub")));
  }
}
