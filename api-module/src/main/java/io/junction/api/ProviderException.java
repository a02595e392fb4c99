package io.junction.api;

/**
 * A provider call failed: the provider refused, answered an error, timed out, or answered something
 * that cannot be read. Carries the Gigya error code to answer with and details that are safe to
 * show (never a token or secret).
 */
public class ProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String provider;
  private final ErrorCode code;

  public ProviderException(String provider, ErrorCode code, String details) {
    super(details);
    this.provider = provider;
    this.code = code;
  }

  public ProviderException(String provider, ErrorCode code, String details, Throwable cause) {
    super(details, cause);
    this.provider = provider;
    this.code = code;
  }

  public String provider() {
    return provider;
  }

  public ErrorCode code() {
    return code;
  }
}
