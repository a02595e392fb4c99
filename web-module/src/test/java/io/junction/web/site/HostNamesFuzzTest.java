package io.junction.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Any text either is no host name or normalises to one: lower-case ASCII labels of at most 63
 * characters, 253 in all, no trailing dot, a fixed point of the normalisation, covering itself but
 * no name that merely ends with it.
 */
class HostNamesFuzzTest {

  @FuzzTest
  void normalize(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    Optional<String> normalized = HostNames.normalize(raw);
    if (normalized.isEmpty()) {
      return;
    }
    String host = normalized.get();
    assertTrue(!host.isEmpty() && host.length() <= 253, host);
    assertFalse(host.endsWith("."), host);
    for (String label : host.split("\\.", -1)) {
      assertTrue(label.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"), host);
    }
    assertEquals(normalized, HostNames.normalize(host), "normalising twice changes " + raw);
    if (raw.chars().allMatch(c -> c < 0x80)) {
      assertEquals(normalized, HostNames.normalize(raw.toUpperCase(Locale.ROOT)), raw);
    }
    assertTrue(HostNames.within(host, host));
    assertTrue(HostNames.within("sub." + host, host));
    assertFalse(HostNames.within("x" + host, host));
    // '_' is in no host name: a name that goes on after the domain never ends with it.
    assertFalse(HostNames.within(host + "._", host));
  }
}
