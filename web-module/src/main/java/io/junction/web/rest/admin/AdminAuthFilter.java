package io.junction.web.rest.admin;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.AdminCredentials;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * HTTP Basic authentication of the administrator for every {@link AdminOnly} resource. A browser
 * page (which sends {@code X-Requested-With}) gets no {@code WWW-Authenticate} challenge, so that
 * the console shows its own login form rather than the browser's dialog.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(AdminAuthFilter.class.getName());

  @Inject AdminCredentials credentials;
  @Inject ApiCall call;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      refuse(
          request,
          ErrorCode.INVALID_AUTHENTICATION_HEADER,
          "HTTP Basic credentials of the administrator are required");
      return;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      refuse(
          request,
          ErrorCode.INVALID_AUTHENTICATION_HEADER,
          "The Basic credentials are not valid Base64");
      return;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      refuse(
          request,
          ErrorCode.INVALID_AUTHENTICATION_HEADER,
          "The Basic credentials have no user:password form");
      return;
    }
    if (!credentials.matches(decoded.substring(0, colon), decoded.substring(colon + 1))) {
      LOG.warning(call + " administrator login refused: wrong user name or password");
      refuse(request, ErrorCode.UNAUTHORIZED_USER, "Wrong user name or password");
    }
  }

  private void refuse(ContainerRequestContext request, ErrorCode code, String details) {
    Response.ResponseBuilder answer =
        Response.fromResponse(Envelope.error(call, new GigyaException(code, details, 401)));
    if (request.getHeaderString("X-Requested-With") == null) {
      answer.header(
          HttpHeaders.WWW_AUTHENTICATE,
          "Basic realm=\"Junction administration\", charset=\"UTF-8\"");
    }
    request.abortWith(answer.build());
  }
}
