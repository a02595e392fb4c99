package io.junction.provider.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The digests providers' signatures are made of; one helper for every connector. */
public final class Digests {

  private Digests() {}

  /** Lower-case hex MD5 of the UTF-8 bytes. */
  public static String md5Hex(String text) {
    return HexFormat.of().formatHex(digest("MD5", text));
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(digest("SHA-256", text));
  }

  /** Lower-case hex HMAC-SHA256 of {@code data} under {@code key} (both UTF-8). */
  public static String hmacSha256Hex(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] digest(String algorithm, String text) {
    try {
      return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
