package io.junction.web.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values: API keys, secrets, passwords. */
public final class Randoms {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Randoms() {}

  public static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** URL-safe Base64 of {@code n} random bytes, without padding. */
  public static String urlSafe(int n) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
  }

  /** Standard Base64 of {@code n} random bytes, as Gigya's secrets are. */
  public static String base64(int n) {
    return Base64.getEncoder().encodeToString(bytes(n));
  }
}
