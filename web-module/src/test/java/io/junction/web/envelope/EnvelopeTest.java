package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void jsonLeavesOutNullsAndKeepsOrderAndNesting() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("UID", "u1");
    fields.put("nickname", null);
    fields.put("isConnected", true);
    fields.put("age", 42);
    fields.put("identities", List.of(Map.of("provider", "odnoklassniki")));
    assertEquals(
        "{\"UID\":\"u1\",\"isConnected\":true,\"age\":42,\"identities\":[{\"provider\":\"odnoklassniki\"}]}",
        Envelope.json(fields));
  }

  @Test
  void jsonEscapesStrings() {
    assertEquals("{\"a\":\"q\\\"</b>\\n\"}", Envelope.json(Map.of("a", "q\"</b>\n")));
  }

  @Test
  void xmlUsesTheGigyaNamespaceAndEscapes() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("errorCode", 0);
    fields.put("nickname", "a<b>&c");
    fields.put("identities", List.of(Map.of("provider", "vkontakte")));
    String xml = Envelope.xml("socialize.getUserInfoResponse", fields);
    assertTrue(
        xml.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><socialize.getUserInfoResponse"),
        xml);
    assertTrue(xml.contains("xmlns=\"urn:com:gigya:api\""), xml);
    assertTrue(xml.contains("<errorCode>0</errorCode>"), xml);
    assertTrue(xml.contains("<nickname>a&lt;b&gt;&amp;c</nickname>"), xml);
    assertTrue(
        xml.contains("<identities><item><provider>vkontakte</provider></item></identities>"), xml);
  }

  @Test
  void callIdsAre32HexDigits() {
    for (int i = 0; i < 100; i++) {
      assertTrue(ApiCall.newCallId().matches("[0-9a-f]{32}"));
    }
  }

  @Test
  void formBodiesAreDecoded() {
    var params = new MultivaluedHashMap<String, String>();
    ApiCallFilter.parseForm("a=1&b=x%20y+z&a=2&flag&&c=%C3%A9", params);
    assertEquals(List.of("1", "2"), params.get("a"));
    assertEquals("x y z", params.getFirst("b"));
    assertEquals("", params.getFirst("flag"));
    assertEquals("é", params.getFirst("c"));
    assertThrows(
        GigyaException.class, () -> ApiCallFilter.parseForm("a=%zz", new MultivaluedHashMap<>()));
  }

  @Test
  void formatNames() {
    assertEquals(ResponseFormat.JSON, ResponseFormat.parse(null).orElseThrow());
    assertEquals(ResponseFormat.XML, ResponseFormat.parse(" XML ").orElseThrow());
    assertTrue(ResponseFormat.parse("yaml").isEmpty());
  }
}
