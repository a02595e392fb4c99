package io.junction.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamesTest {

  @Test
  void normalisesCaseTrailingDotAndIdn() {
    assertEquals("example.com", HostNames.normalize(" Example.COM. ").orElseThrow());
    assertEquals("xn--bcher-kva.example", HostNames.normalize("bücher.example").orElseThrow());
    assertEquals("localhost", HostNames.normalize("localhost").orElseThrow());
  }

  @Test
  void refusesWhatIsNotAHostName() {
    for (String bad :
        List.of(
            "",
            "https://a.example",
            "a.example/path",
            "a.example:443",
            "a b.example",
            "-a.example",
            "a..example",
            "user@a.example",
            "*.example.com",
            "a.example\\b",
            "x".repeat(64) + ".example")) {
      assertTrue(HostNames.normalize(bad).isEmpty(), bad);
    }
  }

  @Test
  void aDomainCoversItselfAndItsSubdomainsOnly() {
    assertTrue(HostNames.within("example.com", "example.com"));
    assertTrue(HostNames.within("shop.example.com", "example.com"));
    assertFalse(HostNames.within("badexample.com", "example.com"));
    assertFalse(HostNames.within("example.com.evil.net", "example.com"));
    assertFalse(HostNames.within("com", "example.com"));
  }
}
