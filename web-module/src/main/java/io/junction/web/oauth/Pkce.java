package io.junction.web.oauth;

import io.junction.web.security.Randoms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Proof Key for Code Exchange with the S256 method (RFC 7636): Junction keeps a random code
 * verifier for the callback and sends the provider only its challenge, the unpadded URL-safe Base64
 * of the SHA-256 of the verifier's ASCII bytes; the provider then redeems the code only together
 * with the verifier.
 */
public final class Pkce {

  private Pkce() {}

  /** A fresh code verifier: 64 characters of the URL-safe alphabet (43 to 128 are allowed). */
  public static String newVerifier() {
    return Randoms.urlSafe(48);
  }

  /** The S256 challenge of a verifier. */
  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
