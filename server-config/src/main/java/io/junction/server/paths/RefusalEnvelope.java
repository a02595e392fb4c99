package io.junction.server.paths;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Gigya error envelope of a request path refused before any application sees it: errorCode
 * 400001 (<i>Invalid request format</i>) with HTTP status 400, the fields and their order as the
 * application's own error answers have them. Nothing of the request is echoed.
 */
public final class RefusalEnvelope {

  /** Gigya's code of a request that cannot be read. */
  public static final int ERROR_CODE = 400001;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RefusalEnvelope() {}

  /** A new call id: 32 lower-case hex digits, as the application makes them. */
  public static String newCallId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] out = new char[32];
    long a = random.nextLong();
    long b = random.nextLong();
    for (int i = 0; i < 16; i++) {
      out[i] = HEX[(int) (a >>> (60 - 4 * i)) & 0xf];
      out[16 + i] = HEX[(int) (b >>> (60 - 4 * i)) & 0xf];
    }
    return new String(out);
  }

  /** The JSON body; {@code details} is one of {@link RawPaths}'s sentences. */
  public static String json(String callId, String details, Instant now) {
    return "{\"statusCode\":400,\"errorCode\":"
        + ERROR_CODE
        + ",\"errorMessage\":\"Invalid request format\",\"errorDetails\":"
        + quote(details)
        + ",\"statusReason\":\"Bad Request\",\"callId\":"
        + quote(callId)
        + ",\"time\":\""
        + TIME.format(now)
        + "\",\"apiVersion\":2}";
  }

  /** A JSON string; the values are this bundle's own sentences, escaped all the same. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
