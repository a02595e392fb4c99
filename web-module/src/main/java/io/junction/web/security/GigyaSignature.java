package io.junction.web.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gigya's request signature (the SDKs' SigUtils): {@code sig =
 * Base64(HMAC-SHA1(Base64Decode(secret), METHOD & enc(normalized URL) & enc(sorted k=enc(v) joined
 * by &)))}, where enc is RFC 3986 percent-encoding and the normalized URL is lower-case scheme and
 * host, the port only when it is not the scheme's default, and the path. Also the UID signature,
 * {@code Base64(HMAC-SHA1(Base64Decode(secret), timestamp + "_" + UID))}.
 */
public final class GigyaSignature {

  private GigyaSignature() {}

  /** RFC 3986 encoding as the SDKs do it: URLEncoder, then + as %20, * as %2A and ~ kept. */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  /** {@code scheme://host[:port]path}, the port only when not the scheme's default. */
  public static String normalizedUrl(String scheme, String host, int port, String path) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
  }

  /** The base string of a request; {@code params} without {@code sig}. */
  public static String baseString(
      String httpMethod, String normalizedUrl, Map<String, String> params) {
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      if (!e.getKey().equals("sig")) {
        query.add(e.getKey() + "=" + encode(e.getValue() == null ? "" : e.getValue()));
      }
    }
    return httpMethod.toUpperCase(Locale.ROOT)
        + "&"
        + encode(normalizedUrl)
        + "&"
        + encode(query.toString());
  }

  /** Base64 HMAC-SHA1 of {@code text} under the Base64-encoded {@code secret}. */
  public static String hmac(String base64Secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Cannot sign with this secret", e);
    }
  }

  /** Constant-time comparison of two signatures. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** The UIDSignature of a UID at a time (seconds). */
  public static String uidSignature(String base64Secret, long timestamp, String uid) {
    return hmac(base64Secret, timestamp + "_" + uid);
  }
}
