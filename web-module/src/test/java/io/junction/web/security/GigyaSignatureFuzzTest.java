package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The signature's base string and normalised URL are functions of the request alone, for any
 * parameters: no exception, the same text whatever the parameters' order, {@code sig} left out, and
 * three {@code &}-separated parts of which the last two decode to the URL and the sorted query.
 *
 * <p>An input is the HTTP method, scheme, host, port and path (a line each), then one {@code
 * name=value} parameter a line (a line without {@code =} is a parameter without a value).
 */
class GigyaSignatureFuzzTest {

  @FuzzTest
  void baseString(byte[] input) {
    String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
    String method = line(lines, 0).matches("[A-Za-z]+") ? line(lines, 0) : "GET";
    String scheme = line(lines, 1);
    String host = line(lines, 2);
    int port;
    try {
      port = Integer.parseInt(line(lines, 3));
    } catch (NumberFormatException e) {
      port = -1;
    }
    String path = line(lines, 4);
    List<String[]> pairs = new ArrayList<>();
    for (int i = 5; i < lines.length; i++) {
      int eq = lines[i].indexOf('=');
      pairs.add(
          eq < 0
              ? new String[] {lines[i], null}
              : new String[] {lines[i].substring(0, eq), lines[i].substring(eq + 1)});
    }

    String url = GigyaSignature.normalizedUrl(scheme, host, port, path);
    assertEquals(url, GigyaSignature.normalizedUrl(scheme, host, port, path));
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    assertEquals(
        s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path, url);

    Map<String, String> params = new LinkedHashMap<>();
    pairs.forEach(p -> params.put(p[0], p[1]));
    List<String[]> reversed = new ArrayList<>(pairs);
    Collections.reverse(reversed);
    Map<String, String> paramsReversed = new LinkedHashMap<>();
    // The same parameters (the last value of a name wins in both maps), inserted in another order.
    reversed.forEach(p -> paramsReversed.putIfAbsent(p[0], params.get(p[0])));

    String base = GigyaSignature.baseString(method, url, params);
    assertEquals(base, GigyaSignature.baseString(method, url, paramsReversed));
    String[] parts = base.split("&", -1);
    assertEquals(3, parts.length, base);
    assertEquals(method.toUpperCase(Locale.ROOT), parts[0]);
    assertTrue(parts[1].matches("[A-Za-z0-9%._~-]*"), base);
    assertTrue(parts[2].matches("[A-Za-z0-9%._~-]*"), base);
    assertEquals(url, URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    StringJoiner query = new StringJoiner("&");
    new TreeMap<>(params)
        .forEach(
            (k, v) -> {
              if (!k.equals("sig")) {
                query.add(k + "=" + GigyaSignature.encode(v == null ? "" : v));
              }
            });
    assertEquals(query.toString(), URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
    for (String[] p : pairs) {
      if (p[1] != null) {
        assertEquals(p[1], URLDecoder.decode(GigyaSignature.encode(p[1]), StandardCharsets.UTF_8));
      }
    }
  }

  private static String line(String[] lines, int i) {
    return i < lines.length ? lines[i] : "";
  }
}
