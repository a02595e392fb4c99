package io.junction.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Gigya Socialize error-code table, as one type.
 *
 * <p>Every answer of Junction's public API carries one of these codes in {@code errorCode}; the
 * HTTP-like {@code statusCode} is derived from the code (its first three digits, {@code 0} meaning
 * {@code 200}), and {@code statusReason} is the standard reason phrase of that status. The messages
 * are the English texts of the Gigya table; translations live in the web layer.
 */
public enum ErrorCode {
  OK(0, "OK"),
  DATA_PENDING(100001, "Data pending"),
  OPERATION_CANCELED(200001, "Operation canceled"),
  OK_WITH_ERRORS(200008, "OK with errors"),
  ACCOUNTS_LINKED(200009, "Accounts linked"),
  OK_WITH_ERROR_LOGIN_IDENTIFIER_EXISTS(200010, "OK with error login identifier exists"),
  ACCOUNT_PENDING_REGISTRATION(206001, "Account pending registration"),
  ACCOUNT_PENDING_VERIFICATION(206002, "Account pending verification"),
  ACCOUNT_MISSING_LOGIN_ID(206003, "Account missing loginID"),
  INVALID_DATA_CENTER(301001, "Invalid data center"),
  INVALID_REQUEST_FORMAT(400001, "Invalid request format"),
  MISSING_REQUIRED_PARAMETER(400002, "Missing required parameter"),
  UNIQUE_IDENTIFIER_EXISTS(400003, "Unique identifier exists"),
  INVALID_PARAMETER_FORMAT(400004, "Invalid parameter format"),
  INVALID_PARAMETER_VALUE(400006, "Invalid parameter value"),
  DUPLICATE_VALUE(400007, "Duplicate value"),
  INVALID_AUTHENTICATION_HEADER(400008, "Invalid authentication header"),
  VALIDATION(400009, "Validation"),
  INVALID_REDIRECT_URI(400011, "Invalid redirect URI"),
  INVALID_RESPONSE_TYPE(400012, "Invalid response type"),
  UNSUPPORTED_GRANT_TYPE(400013, "Unsupported grant type"),
  INVALID_GRANT(400014, "Invalid grant"),
  CODE_EXPIRED(400015, "Code expired"),
  SCHEMA_VALIDATION_FAILED(400020, "Schema validation failed"),
  CAPTCHA_VERIFICATION_FAILED(400021, "CAPTCHA verification failed"),
  UNIQUE_INDEX_VALIDATION(400022, "Unique index validation"),
  INVALID_TYPE_VALIDATION(400023, "Invalid type validation"),
  DYNAMIC_FIELDS_VALIDATION(400024, "Dynamic fields validation"),
  WRITE_ACCESS_VALIDATION(400025, "Write access validation"),
  INVALID_FORMAT_VALIDATION(400026, "Invalid format validation"),
  REQUIRED_VALUE_VALIDATION(400027, "Required value validation"),
  EMAIL_NOT_VERIFIED(400028, "Email not verified"),
  SCHEMA_CONFLICT(400029, "Schema conflict"),
  OPERATION_NOT_ALLOWED(400030, "Operation not allowed"),
  SECURITY_VERIFICATION_FAILED(400050, "Security verification failed"),
  INVALID_API_KEY(400093, "Invalid ApiKey parameter"),
  NOT_SUPPORTED(400096, "Not supported"),
  UNSUPPORTED_USER_AGENT(400097, "Browser insecure or unsupported user agent"),
  NO_PROVIDERS(400100, "No providers"),
  INVALID_CONTAINER_ID(400103, "Invalid containerID"),
  NOT_CONNECTED(400106, "Not connected"),
  INVALID_SITE_DOMAIN(400120, "Invalid site domain"),
  PROVIDER_CONFIGURATION_ERROR(400122, "Provider configuration error"),
  LIMIT_REACHED(400124, "Limit reached"),
  FREQUENCY_LIMIT_REACHED(400125, "Frequency limit reached"),
  INVALID_ACTION(400126, "Invalid action"),
  INSUFFICIENT_POINTS_TO_REDEEM(400127, "Insufficient points to redeem"),
  INVALID_POLICY_CONFIGURATION(401000, "Invalid policy configuration"),
  MEDIA_ITEMS_NOT_SUPPORTED(401001, "Media items not supported"),
  SUSPECTED_SPAM(401010, "Suspected spam"),
  LOGIN_FAILED_CAPTCHA_REQUIRED(401020, "Login failed captcha required"),
  LOGIN_FAILED_WRONG_CAPTCHA(401021, "Login failed wrong captcha"),
  OLD_PASSWORD_USED(401030, "Old password used"),
  FORBIDDEN(403000, "Forbidden"),
  REQUEST_HAS_EXPIRED(403002, "Request has expired"),
  INVALID_REQUEST_SIGNATURE(403003, "Invalid request signature"),
  DUPLICATE_NONCE(403004, "Duplicate nonce"),
  UNAUTHORIZED_USER(403005, "Unauthorized user"),
  SECRET_SENT_OVER_HTTP(403006, "Secret Sent Over Http"),
  PERMISSION_DENIED(403007, "Permission denied"),
  INVALID_OPENID_URL(403008, "Invalid OpenID Url"),
  PROVIDER_SESSION_EXPIRED(403009, "Provider session expired"),
  INVALID_SECRET(403010, "Invalid Secret"),
  SESSION_HAS_EXPIRED(403011, "Session has expired"),
  NO_VALID_SESSION(403012, "No valid session"),
  MISSING_REQUEST_REFERRER(403015, "Missing request referrer"),
  UNEXPECTED_PROVIDER_USER(403017, "Unexpected provider user"),
  PERMISSION_NOT_REQUESTED(403022, "Permission not requested"),
  NO_USER_PERMISSION(403023, "No user permission"),
  PROVIDER_LIMIT_REACHED(403024, "Provider limit reached"),
  INVALID_TOKEN(403025, "Invalid token"),
  UNAUTHORIZED_ACCESS_ERROR(403026, "Unauthorized access error"),
  APPROVED_BY_MODERATOR(403031, "Approved by moderator"),
  NO_USER_COOKIE(403035, "No user cookie"),
  UNAUTHORIZED_PARTNER(403036, "Unauthorized partner"),
  POST_DENIED(403037, "Post denied"),
  NO_LOGIN_TICKET(403040, "No login ticket"),
  ACCOUNT_DISABLED(403041, "Account disabled"),
  INVALID_LOGIN_ID(403042, "Invalid loginID"),
  LOGIN_IDENTIFIER_EXISTS(403043, "Login identifier exists"),
  UNDERAGE_USER(403044, "Underage user"),
  INVALID_SITE_CONFIGURATION(403045, "Invalid site configuration error"),
  LOGIN_ID_DOES_NOT_EXIST(403047, "Login ID does not exist"),
  API_RATE_LIMIT_EXCEEDED(403048, "API Rate Limit Exceeded"),
  PENDING_PASSWORD_CHANGE(403100, "Pending password change"),
  ACCOUNT_PENDING_TFA_VERIFICATION(403101, "Account Pending TFA Verification"),
  ACCOUNT_PENDING_TFA_REGISTRATION(403102, "Account Pending TFA Registration"),
  ACCOUNT_PENDING_RECENT_LOGIN(403110, "Account Pending Recent Login"),
  ACCOUNT_TEMPORARILY_LOCKED_OUT(403120, "Account Temporarily Locked Out"),
  REDUNDANT_OPERATION(403200, "Redundant operation"),
  INVALID_APPLICATION_ID(403201, "Invalid application ID"),
  NOT_FOUND(404000, "Not found"),
  FRIEND_NOT_FOUND(404001, "Friend not found"),
  CATEGORY_NOT_FOUND(404002, "Category not found"),
  UID_NOT_FOUND(404003, "UID not found"),
  INVALID_URL(404004, "Invalid URL"),
  INVALID_API_METHOD(405001, "Invalid API method"),
  IDENTITY_EXISTS(409001, "Identity exists"),
  MISSING_USER_PHOTO(409010, "Missing user photo"),
  COUNTER_NOT_REGISTERED(409011, "Counter not registered"),
  INVALID_GMID_TICKET(409012, "Invalid gmid ticket"),
  SAML_MAPPED_ATTRIBUTE_NOT_FOUND(409013, "SAML mapped attribute not found"),
  SAML_CERTIFICATE_NOT_FOUND(409014, "SAML certificate not found"),
  SAML_MESSAGE_NOT_FOUND(409015, "SAML message not found"),
  CONCURRENT_UPDATES_NOT_ALLOWED(409030, "Concurrent updates not allowed"),
  GONE(410000, "Gone"),
  REQUEST_ENTITY_TOO_LARGE(413001, "Request entity too large"),
  COMMENT_TEXT_TOO_LARGE(413002, "Comment text too large"),
  OBJECT_TOO_LARGE(413003, "Object too large"),
  PROFILE_PHOTO_TOO_LARGE(413004, "Profile photo too large"),
  GENERAL_SECURITY_WARNING(500000, "General security warning"),
  GENERAL_SERVER_ERROR(500001, "General Server error"),
  SERVER_LOGIN_ERROR(500002, "Server login error"),
  DEFAULT_APPLICATION_CONFIGURATION(500003, "Default application configuration"),
  SESSION_MIGRATION_ERROR(500014, "Session migration error"),
  PROVIDER_ERROR(500023, "Provider error"),
  NETWORK_ERROR(500026, "Network error"),
  DATABASE_ERROR(500028, "Database error"),
  NO_PROVIDER_APPLICATION(500031, "No provider application"),
  INVALID_ENVIRONMENT_CONFIG(500033, "Invalid environment config"),
  ERROR_DURING_BACKEND_OPERATION(500034, "Error during backend operation"),
  TIMEOUT(504001, "Timeout"),
  REQUEST_TIMEOUT(504002, "Request Timeout");

  private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();

  static {
    for (ErrorCode e : values()) {
      BY_CODE.put(e.code, e);
    }
  }

  private final int code;
  private final String message;

  ErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The numeric Gigya error code, {@code 0} for success. */
  public int code() {
    return code;
  }

  /** The English message of the Gigya table. */
  public String message() {
    return message;
  }

  /** The HTTP-like status of the code: its first three digits, {@code 200} for {@link #OK}. */
  public int statusCode() {
    return code == 0 ? 200 : code / 1000;
  }

  /** The standard reason phrase of {@link #statusCode()}. */
  public String statusReason() {
    return reasonPhrase(statusCode());
  }

  /** The code with that number, if the table has it. */
  public static Optional<ErrorCode> of(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** The standard reason phrase of an HTTP-like status code. */
  public static String reasonPhrase(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 206 -> "Partial Content";
      case 301 -> "Moved Permanently";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "Request Entity Too Large";
      case 500 -> "Internal Server Error";
      case 504 -> "Gateway Timeout";
      default -> "Unknown";
    };
  }
}
