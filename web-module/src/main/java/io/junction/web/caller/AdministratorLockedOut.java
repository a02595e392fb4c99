package io.junction.web.caller;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;

/**
 * The refusal of an administrator call from a locked-out address ({@link AdminLoginThrottle}):
 * 403048 with HTTP 429, and how long until it may try again ({@code Retry-After}).
 */
public class AdministratorLockedOut extends GigyaException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public AdministratorLockedOut(long retryAfterSeconds) {
    super(
        ErrorCode.API_RATE_LIMIT_EXCEEDED,
        "Too many failed administrator logins from this address; try again in "
            + retryAfterSeconds
            + " s",
        429);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds until the lockout ends. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
