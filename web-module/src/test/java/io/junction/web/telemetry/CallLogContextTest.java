package io.junction.web.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CallLogContextTest {

  @Test
  void logFieldsHoldOnlyNamesNeverWhatACallerTyped() {
    assertEquals("3_AbC-d_e.f", CallLogContext.safe("3_AbC-d_e.f", 100));
    assertEquals("invalid", CallLogContext.safe("key with spaces", 100));
    assertEquals("invalid", CallLogContext.safe("a\"b", 100), "no quote breaks a line");
    assertEquals("invalid", CallLogContext.safe("x".repeat(101), 100));
    assertNull(CallLogContext.safe("", 100));
    assertNull(CallLogContext.safe(null, 100));
  }

  @Test
  void outsideLibertyTheFieldsGoNowhere() {
    assertFalse(CallLogContext.active());
    CallLogContext.put(CallLogContext.CALL_ID, "0123");
    CallLogContext.clear();
  }
}
