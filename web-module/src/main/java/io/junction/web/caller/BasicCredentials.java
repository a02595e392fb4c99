package io.junction.web.caller;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The one reader of HTTP Basic credentials ({@code Authorization: Basic base64(user:password)}).
 *
 * @param user the user name (or OAuth client_id)
 * @param password the password (or client_secret)
 */
public record BasicCredentials(String user, String password) {

  /** The header's credentials; empty when the header is absent or not Basic. */
  public static Optional<BasicCredentials> of(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unreadable("are not valid Base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw unreadable("have no user:password form");
    }
    return Optional.of(
        new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /**
   * OAuth client credentials in Basic: the client id and secret were form-encoded before they were
   * put in the header (RFC 6749 §2.3.1), so they are decoded once more.
   */
  public BasicCredentials formDecoded() {
    try {
      return new BasicCredentials(
          URLDecoder.decode(user, StandardCharsets.UTF_8),
          URLDecoder.decode(password, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw unreadable("are not form-encoded");
    }
  }

  private static GigyaException unreadable(String why) {
    return new GigyaException(
        ErrorCode.INVALID_AUTHENTICATION_HEADER, "The Basic credentials " + why);
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + "]";
  }
}
