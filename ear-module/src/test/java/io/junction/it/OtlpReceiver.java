package io.junction.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback OTLP/HTTP trace receiver (protobuf, {@code POST /v1/traces}): keeps the spans the
 * server exports. It reads only the fields the tests look at (trace id, span id, parent, name,
 * kind, attributes) straight from the protobuf wire format.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One exported span; attributes as text (numbers and booleans too). */
  record Span(
      String traceId,
      String spanId,
      String parentId,
      String name,
      int kind,
      Map<String, String> attributes) {
    static final int SERVER = 2;
    static final int CLIENT = 3;
  }

  private final HttpServer server;
  private final List<Span> spans = new CopyOnWriteArrayList<>();

  OtlpReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 20);
    server.setExecutor(Executors.newSingleThreadExecutor());
    server.createContext("/v1/traces", this::traces);
    server.createContext("/", x -> answer(x, 200));
    server.start();
  }

  List<Span> spans() {
    return List.copyOf(spans);
  }

  private void traces(HttpExchange x) throws IOException {
    byte[] body;
    try (InputStream in = x.getRequestBody()) {
      body = in.readAllBytes();
    }
    try {
      for (Field rs : fields(body, 0, body.length)) {
        if (rs.number == 1) {
          for (Field ss : fields(body, rs.start, rs.end)) {
            if (ss.number == 2) {
              for (Field sp : fields(body, ss.start, ss.end)) {
                if (sp.number == 2) {
                  spans.add(span(body, sp));
                }
              }
            }
          }
        }
      }
    } catch (RuntimeException e) {
      answer(x, 400);
      return;
    }
    answer(x, 200);
  }

  private static void answer(HttpExchange x, int status) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    x.sendResponseHeaders(status, -1);
    x.close();
  }

  private static Span span(byte[] b, Field span) {
    String traceId = "";
    String spanId = "";
    String parentId = "";
    String name = "";
    int kind = 0;
    Map<String, String> attributes = new HashMap<>();
    for (Field f : fields(b, span.start, span.end)) {
      switch (f.number) {
        case 1 -> traceId = hex(b, f);
        case 2 -> spanId = hex(b, f);
        case 4 -> parentId = hex(b, f);
        case 5 -> name = text(b, f);
        case 6 -> kind = (int) f.value;
        case 9 -> keyValue(b, f, attributes);
        default -> {
          // not read by the tests
        }
      }
    }
    return new Span(traceId, spanId, parentId, name, kind, attributes);
  }

  private static void keyValue(byte[] b, Field kv, Map<String, String> into) {
    String key = null;
    String value = null;
    for (Field f : fields(b, kv.start, kv.end)) {
      if (f.number == 1) {
        key = text(b, f);
      } else if (f.number == 2) {
        for (Field v : fields(b, f.start, f.end)) {
          value =
              switch (v.number) {
                case 1 -> text(b, v);
                case 2 -> Boolean.toString(v.value != 0);
                case 3 -> Long.toString(v.value);
                case 4 -> Double.toString(Double.longBitsToDouble(v.value));
                default -> "?";
              };
        }
      }
    }
    if (key != null) {
      into.put(key, value);
    }
  }

  private static String hex(byte[] b, Field f) {
    byte[] copy = new byte[f.end - f.start];
    System.arraycopy(b, f.start, copy, 0, copy.length);
    return HexFormat.of().formatHex(copy);
  }

  private static String text(byte[] b, Field f) {
    return new String(b, f.start, f.end - f.start, StandardCharsets.UTF_8);
  }

  /** A field of a message: its number, and its value (varint, fixed) or bytes [start, end). */
  private record Field(int number, long value, int start, int end) {}

  private static List<Field> fields(byte[] b, int from, int to) {
    List<Field> out = new ArrayList<>();
    int[] pos = {from};
    while (pos[0] < to) {
      long tag = varint(b, pos);
      int number = (int) (tag >>> 3);
      switch ((int) (tag & 7)) {
        case 0 -> out.add(new Field(number, varint(b, pos), 0, 0));
        case 1 -> {
          out.add(new Field(number, little(b, pos[0], 8), 0, 0));
          pos[0] += 8;
        }
        case 2 -> {
          int length = (int) varint(b, pos);
          if (length < 0 || pos[0] + length > to) {
            throw new IllegalArgumentException("truncated field " + number);
          }
          out.add(new Field(number, 0, pos[0], pos[0] + length));
          pos[0] += length;
        }
        case 5 -> {
          out.add(new Field(number, little(b, pos[0], 4), 0, 0));
          pos[0] += 4;
        }
        default -> throw new IllegalArgumentException("wire type " + (tag & 7));
      }
    }
    return out;
  }

  private static long varint(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte x = b[pos[0]++];
      v |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  private static long little(byte[] b, int at, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
