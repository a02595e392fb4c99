package io.junction.web.db;

import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a list read newest first, ordered by a time and then an id (both descending): the
 * last row of a page. The next page holds the rows strictly before it, so rows added meanwhile
 * (which are newer) neither shift nor repeat a page. On the wire it is opaque (Base64url of the
 * time and the id); a value that is not one is 400006, naming {@code parameter}.
 */
public record PageCursor(Instant at, String id) {

  private static final Pattern FORM =
      Pattern.compile("(-?\\d{1,19})\\.(\\d{1,9})\\.([A-Za-z0-9_-]{1,64})");

  /** The cursor as a client passes it back. */
  public String encode() {
    String plain = at.getEpochSecond() + "." + at.getNano() + "." + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** The cursor of a request, or null when none was given. */
  public static PageCursor decode(String value, String parameter) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      if (value.length() > 200) {
        throw new IllegalArgumentException();
      }
      String plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
      Matcher m = FORM.matcher(plain);
      if (!m.matches()) {
        throw new IllegalArgumentException();
      }
      return new PageCursor(
          Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
          m.group(3));
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      throw GigyaException.invalid(parameter, "not a cursor this list answered");
    }
  }

  /**
   * The page size of a request: {@code fallback} when none was given, else a whole number from 1 to
   * {@code max} (400006 otherwise).
   */
  public static int limit(String value, int fallback, int max) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    if (!value.matches("\\d{1,4}")) {
      throw GigyaException.invalid("limit", "must be a number from 1 to " + max);
    }
    int n = Integer.parseInt(value);
    if (n < 1 || n > max) {
      throw GigyaException.invalid("limit", "must be a number from 1 to " + max);
    }
    return n;
  }
}
