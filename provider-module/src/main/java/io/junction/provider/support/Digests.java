package io.junction.provider.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digests providers' request signatures are made of (Odnoklassniki's MD5 {@code sig},
 * Facebook's HMAC-SHA256 {@code appsecret_proof}); one helper for every connector.
 */
public final class Digests {

  private Digests() {}

  /** Lower-case hex MD5 of the UTF-8 bytes. */
  public static String md5Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  /** Lower-case hex HMAC-SHA256 of {@code data} under {@code key} (both UTF-8). */
  public static String hmacSha256Hex(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
