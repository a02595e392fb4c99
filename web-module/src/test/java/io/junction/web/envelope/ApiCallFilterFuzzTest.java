package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.ErrorCode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A form body is either refused with 400001 or read into parameters that, encoded again, read back
 * the same: one value per non-empty pair, names and values decoded once.
 */
class ApiCallFilterFuzzTest {

  @FuzzTest
  @DictionaryEntries({"&", "=", "%", "%2", "%C3%A9", "+", "%00", "%zz"})
  void parseForm(byte[] input) {
    String body = new String(input, StandardCharsets.UTF_8);
    MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
    try {
      ApiCallFilter.parseForm(body, params);
    } catch (GigyaException e) {
      assertEquals(ErrorCode.INVALID_REQUEST_FORMAT, e.code(), e.getMessage());
      assertEquals(400, e.httpStatus());
      return;
    }
    long pairs =
        body.isEmpty() ? 0 : List.of(body.split("&")).stream().filter(p -> !p.isEmpty()).count();
    assertEquals(pairs, params.values().stream().mapToLong(List::size).sum(), body);

    StringJoiner again = new StringJoiner("&");
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      for (String v : e.getValue()) {
        again.add(enc(e.getKey()) + "=" + enc(v));
      }
    }
    MultivaluedHashMap<String, String> reread = new MultivaluedHashMap<>();
    ApiCallFilter.parseForm(again.toString(), reread);
    assertEquals(params, reread, body);
    assertTrue(params.keySet().stream().allMatch(k -> k != null), body);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
