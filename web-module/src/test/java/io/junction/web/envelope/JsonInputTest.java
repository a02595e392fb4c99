package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonInputTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static GigyaException refusedBody(byte[] body) {
    GigyaException e = assertThrows(GigyaException.class, () -> JsonInput.body(body));
    assertEquals(ErrorCode.INVALID_PARAMETER_FORMAT, e.code());
    assertEquals(400, e.httpStatus());
    return e;
  }

  @Test
  void readsAnOrdinaryBody() {
    JsonObject o =
        (JsonObject) JsonInput.body(utf8("\uFEFF{\"name\":\"é \uD83D\uDE00\",\"a\":[[1],{}]}"));
    assertEquals("é \uD83D\uDE00", o.getString("name"));
  }

  @Test
  void deepNestingIsRefusedBeforeAnyTreeIsBuilt() {
    String deep = "[".repeat(3000) + "]".repeat(3000);
    assertTrue(refusedBody(utf8(deep)).details().contains("nested deeper than"));
    String deepObject = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
    assertTrue(refusedBody(utf8(deepObject)).details().contains("nested deeper than"));
    String ok = "[".repeat(JsonInput.MAX_DEPTH) + "]".repeat(JsonInput.MAX_DEPTH);
    JsonInput.body(utf8(ok));
    String tooDeep = "[".repeat(JsonInput.MAX_DEPTH + 1) + "]".repeat(JsonInput.MAX_DEPTH + 1);
    refusedBody(utf8(tooDeep));
  }

  @Test
  void invalidUtf8IsRefusedNotReplaced() {
    for (byte[] bad :
        List.of(
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
            // a surrogate encoded in UTF-8 (CESU), which UTF-8 does not allow
            new byte[] {
              '{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
            },
            // an overlong encoding of '/'
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'})) {
      assertTrue(refusedBody(bad).details().contains("UTF-8"));
    }
  }

  @Test
  void loneSurrogatesInStringsAndNamesAreRefused() {
    for (String bad :
        List.of(
            "{\"a\":\"\\ud800\"}",
            "{\"a\":\"x\\udc00\"}",
            "{\"\\ud83d\":1}",
            "{\"a\":[\"\\ud83d\\u0041\"]}")) {
      assertTrue(refusedBody(utf8(bad)).details().contains("lone surrogate"), bad);
    }
    JsonObject pair = (JsonObject) JsonInput.body(utf8("{\"a\":\"\\ud83d\\ude00\"}"));
    assertEquals("\uD83D\uDE00", pair.getString("a"));
  }

  @Test
  void malformedOrEmptyBodiesAre400004() {
    refusedBody(new byte[0]);
    refusedBody(utf8("{\"a\":"));
    refusedBody(utf8("{} {}"));
    assertTrue(refusedBody(utf8("{\n\"a\" 1}")).details().contains("line 2"));
  }

  @Test
  void anObjectParameterMustBeAJsonObject() {
    assertNull(JsonInput.objectParameter("userInfo", null));
    assertNull(JsonInput.objectParameter("userInfo", "  "));
    assertEquals(
        "Ann",
        JsonInput.objectParameter("userInfo", "{\"firstName\":\"Ann\"}").getString("firstName"));
    for (String bad :
        List.of(
            "[]",
            "\"text\"",
            "42",
            "null",
            "true",
            "{",
            "{\"a\":\"\\udc00\"}",
            "[".repeat(100) + "]".repeat(100))) {
      GigyaException e =
          assertThrows(GigyaException.class, () -> JsonInput.objectParameter("userInfo", bad));
      assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code(), bad);
      assertTrue(e.details().contains("userInfo"), e.details());
    }
  }
}
