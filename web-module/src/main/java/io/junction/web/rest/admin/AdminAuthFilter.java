package io.junction.web.rest.admin;

import io.junction.web.caller.AdministratorLockedOut;
import io.junction.web.caller.Authentication;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The administrator's authentication ({@link Authentication#administrator}) for every {@link
 * AdminOnly} resource. A refusal for want of credentials (HTTP 401) carries a {@code
 * WWW-Authenticate} challenge, except to a browser page (which sends {@code X-Requested-With}), so
 * that the console shows its own login form rather than the browser's dialog; a lockout carries
 * {@code Retry-After}.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

  @Inject Authentication authentication;
  @Inject ApiCall call;

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      authentication.administrator();
    } catch (GigyaException refused) {
      Response.ResponseBuilder answer = Response.fromResponse(Envelope.error(call, refused));
      if (refused.httpStatus() == 401 && request.getHeaderString("X-Requested-With") == null) {
        answer.header(
            HttpHeaders.WWW_AUTHENTICATE,
            "Basic realm=\"Junction administration\", charset=\"UTF-8\"");
      }
      if (refused instanceof AdministratorLockedOut lockedOut) {
        answer.header(HttpHeaders.RETRY_AFTER, lockedOut.retryAfterSeconds());
      }
      request.abortWith(answer.build());
    }
  }
}
