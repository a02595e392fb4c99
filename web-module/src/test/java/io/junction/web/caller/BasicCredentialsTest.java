package io.junction.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String basic(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsUserAndPasswordSplitAtTheFirstColon() {
    BasicCredentials c = BasicCredentials.of(basic("admin:pa:ss")).orElseThrow();
    assertEquals("admin", c.user());
    assertEquals("pa:ss", c.password());
    assertEquals(
        c, BasicCredentials.of("bAsIc " + basic("admin:pa:ss").substring(6)).orElseThrow());
  }

  @Test
  void otherSchemesAndNoHeaderAreNotBasic() {
    assertFalse(BasicCredentials.of(null).isPresent());
    assertFalse(BasicCredentials.of("Bearer abc").isPresent());
    assertFalse(BasicCredentials.of("Basically").isPresent());
  }

  @Test
  void unreadableCredentialsAreAnInvalidAuthenticationHeader() {
    GigyaException notBase64 =
        assertThrows(GigyaException.class, () -> BasicCredentials.of("Basic ***"));
    assertEquals(ErrorCode.INVALID_AUTHENTICATION_HEADER, notBase64.code());
    GigyaException noColon =
        assertThrows(GigyaException.class, () -> BasicCredentials.of(basic("admin")));
    assertEquals(ErrorCode.INVALID_AUTHENTICATION_HEADER, noColon.code());
  }

  @Test
  void clientCredentialsAreFormDecodedOnceMore() {
    // A Base64 secret form-encoded by an RFC 6749 client: '+' as %2B, '/' as %2F, '=' as %3D.
    BasicCredentials c = BasicCredentials.of(basic("3_key%2Bx:ab%2Bc%2Fd%3D%3D")).orElseThrow();
    assertEquals(new BasicCredentials("3_key+x", "ab+c/d=="), c.formDecoded());
    GigyaException bad =
        assertThrows(
            GigyaException.class,
            () -> BasicCredentials.of(basic("a:%zz")).orElseThrow().formDecoded());
    assertEquals(ErrorCode.INVALID_AUTHENTICATION_HEADER, bad.code());
  }

  @Test
  void thePasswordNeverAppearsInItsText() {
    assertTrue(
        BasicCredentials.of(basic("admin:s3cret")).orElseThrow().toString().contains("admin"));
    assertFalse(
        BasicCredentials.of(basic("admin:s3cret")).orElseThrow().toString().contains("s3cret"));
  }
}
