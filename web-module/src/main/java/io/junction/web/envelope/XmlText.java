package io.junction.web.envelope;

/**
 * What XML 1.0 can carry. Its characters are tab, line feed, carriage return, U+0020 to U+D7FF,
 * U+E000 to U+FFFD and U+10000 to U+10FFFF; every other control character, U+FFFE, U+FFFF and a
 * surrogate that is not part of a pair cannot appear in a document at all, not even as a character
 * reference. Parameters holding one are refused (400006), so that any value Junction echoes can be
 * written in the XML envelope.
 */
public final class XmlText {

  private XmlText() {}

  /** Whether the code point is a character of XML 1.0. */
  public static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /** Whether every character of {@code s} can be written in an XML 1.0 document. */
  public static boolean holdable(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      // A lone surrogate comes back as itself, which is outside the allowed ranges.
      if (!allowed(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /**
   * An element name made of what any XML parser accepts: ASCII letters, digits, '_', '-' and '.',
   * starting with a letter or '_'. Every other character becomes '_'.
   */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return "_";
    }
    StringBuilder out = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      boolean other = (c >= '0' && c <= '9') || c == '-' || c == '.';
      if (i == 0 && !letter) {
        out.append('_');
        if (other) {
          out.append(c);
        }
      } else {
        out.append(letter || other ? c : '_');
      }
    }
    return out.toString();
  }

  /** {@code s} with each character XML cannot carry shown as \\uXXXX, for error details. */
  public static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (allowed(cp) && cp >= 0x20) {
        out.appendCodePoint(cp);
      } else {
        out.append(String.format("\\u%04X", cp));
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
