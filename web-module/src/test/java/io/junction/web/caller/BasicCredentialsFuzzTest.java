package io.junction.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Any Authorization header is not Basic (empty), Basic credentials split at the first colon of what
 * the Base64 holds, or refused with 400008; the form-decoded client credentials likewise.
 */
class BasicCredentialsFuzzTest {

  @FuzzTest
  void of(byte[] input) {
    String header = new String(input, StandardCharsets.UTF_8);
    boolean basic = header.regionMatches(true, 0, "Basic ", 0, 6);
    Optional<BasicCredentials> read;
    try {
      read = BasicCredentials.of(header);
    } catch (GigyaException e) {
      assertTrue(basic, header);
      assertRefusal(e);
      return;
    }
    if (!basic) {
      assertTrue(read.isEmpty(), header);
      return;
    }
    BasicCredentials c = read.orElseThrow();
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    assertFalse(c.user().contains(":"), c.user());
    assertEquals(decoded, c.user() + ":" + c.password());
    // The password never shows in its text.
    assertEquals("BasicCredentials[user=" + c.user() + "]", c.toString());
    try {
      BasicCredentials form = c.formDecoded();
      assertTrue(form.user() != null && form.password() != null);
    } catch (GigyaException e) {
      assertRefusal(e);
    }
  }

  private static void assertRefusal(GigyaException e) {
    assertEquals(ErrorCode.INVALID_AUTHENTICATION_HEADER, e.code(), e.getMessage());
    assertEquals(400, e.httpStatus());
  }
}
