package io.junction.server.paths;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which raw request paths Liberty's web container refuses while it canonicalises them (Servlet 6.0
 * §3.5.2), before it looks up any application: the same steps in the same order, so that what this
 * says is refused is exactly what the container would answer with its own page, and everything else
 * reaches the application unchanged.
 *
 * <p>The container percent-decodes the path as UTF-8 (an escape that is not {@code %} and two hex
 * digits is refused; bytes that are no UTF-8 become U+FFFD), then on the decoded path: refuses a
 * segment that starts with {@code .;} or {@code ..;}, and one that starts with {@code ;} unless it
 * is the last; drops path parameters; folds {@code //}; drops {@code /./} and a final {@code /.};
 * resolves {@code ..} and refuses one with no segment before it; and finally refuses a control
 * character (below U+0020, or U+007F).
 */
public final class RawPaths {

  private RawPaths() {}

  /**
   * Why the web container would refuse this raw path (a sentence naming the rule, never the path),
   * or null when it would accept it.
   */
  public static String refusal(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || plain(rawPath)) {
      return null;
    }
    String path;
    try {
      path = decode(rawPath);
    } catch (IllegalArgumentException e) {
      return "The request path holds an invalid percent-encoding";
    }
    if (path.indexOf(';') >= 0) {
      String[] segments = segments(path);
      StringBuilder kept = new StringBuilder(path.length());
      for (int i = 0; i < segments.length; i++) {
        String segment = segments[i];
        if (segment.startsWith(".;") || segment.startsWith("..;")) {
          return "The request path holds a dot segment with a path parameter";
        }
        if (segment.startsWith(";") && i + 1 < segments.length) {
          return "The request path holds an empty segment with a path parameter";
        }
        int semicolon = segment.indexOf(';');
        if (semicolon >= 0 && !segment.toLowerCase(Locale.ROOT).contains(";jsessionid")) {
          segment = segment.substring(0, semicolon);
        }
        kept.append('/').append(segment);
      }
      path = kept.toString();
    }
    if (path.contains("//")) {
      path = path.replaceAll("/{2,}", "/");
    }
    if (path.contains("/.")) {
      while (path.contains("/./")) {
        path = path.replace("/./", "/");
      }
      if (path.endsWith("/.")) {
        path = path.substring(0, path.lastIndexOf("/."));
      }
    }
    if (path.contains("/..")) {
      List<String> kept = new ArrayList<>();
      for (String segment : segments(path)) {
        if (segment.equals("..")) {
          if (kept.isEmpty()) {
            return "The request path goes above the root with a dot-dot segment";
          }
          kept.remove(kept.size() - 1);
        } else {
          kept.add(segment);
        }
      }
      path = "/" + String.join("/", kept);
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "The request path holds a control character";
      }
    }
    return null;
  }

  /** A path none of whose characters can start a refusal: the common case, checked cheaply. */
  private static boolean plain(String rawPath) {
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%' || c == ';' || c == '.' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String[] segments(String path) {
    return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
  }

  /**
   * Percent-decodes as the web container does: each run of escapes becomes UTF-8 text, other
   * characters stay as they are, and a {@code %} without two hex digits after it is refused.
   */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    byte[] bytes = new byte[raw.length() / 3 + 1];
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int n = 0;
      while (i < raw.length() && raw.charAt(i) == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("incomplete escape");
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0 || !ascii(raw.charAt(i + 1)) || !ascii(raw.charAt(i + 2))) {
          throw new IllegalArgumentException("illegal escape");
        }
        bytes[n++] = (byte) (high << 4 | low);
        i += 3;
      }
      out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static boolean ascii(char c) {
    return c < 0x80;
  }
}
