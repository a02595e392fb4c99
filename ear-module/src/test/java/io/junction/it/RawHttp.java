package io.junction.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP/1.1 written byte for byte on a socket, for what an HTTP client library would refuse or
 * tidy up: private headers, undecodable paths, huge headers, and a chosen source address (the
 * server's loopback interface answers any 127.x.y.z).
 */
final class RawHttp {

  static final int PORT = Integer.parseInt(System.getProperty("junction.http.port", "19080"));

  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON object: " + status + " " + headers + " " + body, e);
      }
    }
  }

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, CRLF-separated, no blank line) and a body. */
  static Answer send(String sourceAddress, String head, byte[] body) {
    try (Socket s = new Socket()) {
      if (sourceAddress != null) {
        s.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
      }
      s.setSoTimeout(30_000);
      s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), PORT), 10_000);
      OutputStream out = s.getOutputStream();
      StringBuilder h = new StringBuilder(head);
      if (!head.toLowerCase(Locale.ROOT).contains("\r\nhost:")) {
        h.append("\r\nHost: localhost:").append(PORT);
      }
      h.append("\r\nConnection: close");
      if (body != null) {
        h.append("\r\nContent-Length: ").append(body.length);
      }
      h.append("\r\n\r\n");
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return parse(s.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new AssertionError("raw request failed: " + e, e);
    }
  }

  static Answer send(String head) {
    return send(null, head, null);
  }

  /** A form POST with extra header lines (CRLF-separated, may be empty). */
  static Answer postForm(String sourceAddress, String path, String extraHeaders, String form) {
    return send(
        sourceAddress,
        "POST "
            + path
            + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded"
            + (extraHeaders.isEmpty() ? "" : "\r\n" + extraHeaders),
        form.getBytes(StandardCharsets.UTF_8));
  }

  private static Answer parse(byte[] raw) throws IOException {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new IOException("no complete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < in.length) {
      int lineEnd = indexOf(java.util.Arrays.copyOfRange(in, i, in.length), new byte[] {13, 10});
      if (lineEnd < 0) {
        break;
      }
      String size = new String(in, i, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int n = Integer.parseInt(size, 16);
      if (n == 0) {
        break;
      }
      out.write(in, i + lineEnd + 2, n);
      i += lineEnd + 2 + n + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= data.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
