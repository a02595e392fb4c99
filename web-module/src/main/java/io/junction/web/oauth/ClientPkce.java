package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Proof Key for Code Exchange between a site and Junction (RFC 7636), Junction being the
 * authorization server: socialize.login may carry a {@code code_challenge} with {@code
 * code_challenge_method=S256}; the code it ends with is then redeemed at socialize.getToken only
 * with the {@code code_verifier} whose S256 challenge it is. A code issued without a challenge is
 * redeemed only without a verifier, so that a client cannot be talked out of PKCE (downgrade).
 *
 * <p>Not to be confused with {@link Pkce}, Junction's own PKCE towards the providers.
 */
public final class ClientPkce {

  /** The only method accepted: {@code plain} would send the verifier itself through the browser. */
  public static final String S256 = "S256";

  private static final String FORMAT =
      "must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'";

  private ClientPkce() {}

  /**
   * The first leg's challenge, checked: null when neither parameter is given; a challenge needs
   * {@code code_challenge_method=S256} (400002 when absent, since RFC 7636's default is plain;
   * 400006 for any other method), and a method needs a challenge (400002 code_challenge). A
   * challenge is 43 to 128 characters of the unreserved set (400006 otherwise).
   */
  public static String challenge(String challenge, String method) {
    if (challenge == null) {
      if (method != null) {
        throw GigyaException.missing("code_challenge");
      }
      return null;
    }
    if (method == null) {
      throw new GigyaException(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          "Missing required parameter: code_challenge_method (S256; plain is not accepted)");
    }
    if (!method.equals(S256)) {
      throw GigyaException.invalid("code_challenge_method", "must be S256");
    }
    if (!wellFormed(challenge)) {
      throw GigyaException.invalid("code_challenge", FORMAT);
    }
    return challenge;
  }

  /**
   * Checks getToken's {@code code_verifier} against the challenge the code was issued with.
   *
   * <p>A wrong verifier, and a verifier for a code issued without a challenge, are 400014 (Invalid
   * grant): OAuth answers invalid_grant when the verifier fails (RFC 7636), and Junction already
   * answers 400014 when a code is presented by another client or with another redirect_uri, the
   * other ways a code does not match its authorization request. A missing verifier is 400002 and a
   * malformed one 400006, both naming code_verifier.
   *
   * @param challenge the code's S256 challenge, or null when it was issued without one
   * @param verifier getToken's code_verifier, or null
   */
  public static void verify(String challenge, String verifier) {
    if (challenge == null) {
      if (verifier != null) {
        throw new GigyaException(
            ErrorCode.INVALID_GRANT,
            "code_verifier was given, but the code was issued without a code_challenge");
      }
      return;
    }
    if (verifier == null) {
      throw GigyaException.missing("code_verifier");
    }
    if (!wellFormed(verifier)) {
      throw GigyaException.invalid("code_verifier", FORMAT);
    }
    if (!MessageDigest.isEqual(
        Pkce.challenge(verifier).getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII))) {
      throw new GigyaException(
          ErrorCode.INVALID_GRANT, "code_verifier does not match the code_challenge");
    }
  }

  /** 43 to 128 characters of the unreserved set: a verifier's form, and a challenge's here. */
  static boolean wellFormed(String s) {
    if (s.length() < 43 || s.length() > 128) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (!unreserved) {
        return false;
      }
    }
    return true;
  }
}
