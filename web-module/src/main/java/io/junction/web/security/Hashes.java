package io.junction.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How Junction stores the credentials it issues (tokens, codes, states, guest and browser cookies):
 * only their SHA-256 digest, so that the database never holds a usable value. Stored digests are
 * compared with {@link #sameDigest} in constant time.
 */
public final class Hashes {

  private Hashes() {}

  /** Lower-case hex SHA-256 of the UTF-8 bytes. */
  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code value}'s digest is {@code digest}, in time independent of where they differ. */
  public static boolean sameDigest(String value, String digest) {
    return value != null
        && digest != null
        && MessageDigest.isEqual(
            sha256Hex(value).getBytes(StandardCharsets.US_ASCII),
            digest.getBytes(StandardCharsets.US_ASCII));
  }
}
