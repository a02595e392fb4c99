package io.junction.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void statusCodeIsTheFirstThreeDigits() {
    assertEquals(200, ErrorCode.OK.statusCode());
    assertEquals(403, ErrorCode.UNAUTHORIZED_USER.statusCode());
    assertEquals(100, ErrorCode.DATA_PENDING.statusCode());
    assertEquals(405, ErrorCode.INVALID_API_METHOD.statusCode());
    assertEquals("Forbidden", ErrorCode.INVALID_TOKEN.statusReason());
    assertEquals("Method Not Allowed", ErrorCode.INVALID_API_METHOD.statusReason());
  }

  @Test
  void everyCodeIsUniqueAndHasAKnownReason() {
    Set<Integer> seen = new HashSet<>();
    for (ErrorCode e : ErrorCode.values()) {
      assertTrue(seen.add(e.code()), "duplicate " + e.code());
      assertNotEquals("Unknown", e.statusReason(), e.name());
      assertEquals(e, ErrorCode.of(e.code()).orElseThrow());
    }
    assertTrue(ErrorCode.of(123456).isEmpty());
  }
}
