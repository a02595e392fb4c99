package io.junction.web.envelope;

import io.junction.api.ErrorCode;
import java.util.Map;

/**
 * A refusal or failure to answer in the Gigya envelope: the error code, and details that are safe
 * to show to the caller (never a secret, a token or a stack trace).
 */
public class GigyaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String details;
  private final int httpStatus;

  public GigyaException(ErrorCode code, String details) {
    this(code, details, code.statusCode());
  }

  /** An error whose HTTP status (when the caller asks for real ones) differs from its code's. */
  public GigyaException(ErrorCode code, String details, int httpStatus) {
    super(
        code.code() + " " + code.message() + (details == null ? "" : ": " + details),
        null,
        false,
        false);
    this.code = code;
    this.details = details;
    this.httpStatus = httpStatus;
  }

  public ErrorCode code() {
    return code;
  }

  public String details() {
    return details;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Data fields the error answer carries besides the envelope's (a fan-out's {@code
   * providerErrorCodes}); none by default.
   */
  public Map<String, ?> data() {
    return Map.of();
  }

  public static GigyaException missing(String parameter) {
    return new GigyaException(
        ErrorCode.MISSING_REQUIRED_PARAMETER, "Missing required parameter: " + parameter);
  }

  public static GigyaException invalid(String parameter, String why) {
    return new GigyaException(
        ErrorCode.INVALID_PARAMETER_VALUE, "Invalid parameter value: " + parameter + ": " + why);
  }

  public static GigyaException notFound(String what) {
    return new GigyaException(ErrorCode.NOT_FOUND, what, 404);
  }
}
