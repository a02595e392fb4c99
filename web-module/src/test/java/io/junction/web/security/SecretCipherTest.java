package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

  private final SecretCipher cipher = new SecretCipher(Randoms.bytes(32));

  @Test
  void roundTripWithAFreshNonceEachTime() {
    String a = cipher.encrypt("s3cr3t", "site-secret:3_a");
    String b = cipher.encrypt("s3cr3t", "site-secret:3_a");
    assertNotEquals(a, b);
    assertTrue(a.startsWith("v1:"));
    assertFalse(a.contains("s3cr3t"));
    assertEquals("s3cr3t", cipher.decrypt(a, "site-secret:3_a"));
    assertEquals("s3cr3t", cipher.decrypt(b, "site-secret:3_a"));
  }

  @Test
  void aValueMovedToAnotherRowOrKeyDoesNotDecrypt() {
    String stored = cipher.encrypt("s3cr3t", "site-secret:3_a");
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "site-secret:3_b"));
    SecretCipher other = new SecretCipher(Randoms.bytes(32));
    assertThrows(IllegalStateException.class, () -> other.decrypt(stored, "site-secret:3_a"));
  }

  @Test
  void tamperedOrForeignValuesAreRefused() {
    String stored = cipher.encrypt("s3cr3t", "c");
    byte[] raw = Base64.getDecoder().decode(stored.substring(3));
    raw[raw.length - 1] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered, "c"));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt("plain", "c"));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt("v1:!!", "c"));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt("v1:AAAA", "c"));
    assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[16]));
  }

  @Test
  void theLocalKeyIsGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/secret.key");
    byte[] first = Secrets.localKey(file);
    byte[] again = Secrets.localKey(file);
    assertEquals(32, first.length);
    assertTrue(Arrays.equals(first, again));
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
