package io.junction.server.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefusalEnvelopeTest {

  @Test
  void theEnvelopeHasGigyasFieldsInOrder() {
    String callId = RefusalEnvelope.newCallId();
    assertTrue(callId.matches("[0-9a-f]{32}"), callId);
    String json =
        RefusalEnvelope.json(
            callId,
            "The request path holds a control character",
            Instant.parse("2026-11-30T20:00:00.123Z"));
    assertEquals(
        "{\"statusCode\":400,\"errorCode\":400001,\"errorMessage\":\"Invalid request format\","
            + "\"errorDetails\":\"The request path holds a control character\","
            + "\"statusReason\":\"Bad Request\",\"callId\":\""
            + callId
            + "\",\"time\":\"2026-11-30T20:00:00.123Z\",\"apiVersion\":2}",
        json);
  }

  @Test
  void quotingLeavesNoMarkupNorControlCharacters() {
    assertEquals(
        "\"a\\\"b\\\\c\\u003cd\\u0000\\u00e9\"", RefusalEnvelope.quote("a\"b\\c<d\u0000\u00e9"));
  }
}
