package io.junction.web.envelope;

import io.junction.api.ErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of every status and exception the servlet container raises itself, before or
 * around the REST resources (a path it will not decode, a request RESTEasy cannot parse, a file
 * under WEB-INF): answered in the Gigya envelope with its callId, never with the container's own
 * page, message codes or stack trace. Mapped in WEB-INF/web.xml.
 */
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  /** The path the error pages dispatch to. */
  public static final String PATH = "/junction-error";

  @Inject transient ApiCall call;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer i ? i : 404;
    if (status < 400 || status > 599) {
      status = thrown == null ? 404 : 500;
    }
    GigyaException mapped = map(status);
    if (status >= 500) {
      LOG.log(
          Level.WARNING,
          call + " failed in the container: " + status,
          thrown instanceof Throwable t ? t : null);
    } else {
      LOG.log(
          Level.FINE,
          "{0} refused by the container: {1} {2}",
          new Object[] {call, status, thrown == null ? "" : thrown.getClass().getName()});
    }
    call.preferHttpStatusCodes();
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(call.httpStatusCodes() ? mapped.httpStatus() : 200);
    response.setContentType(call.format().mediaType());
    response.setHeader("X-Call-Id", call.callId());
    byte[] body = Envelope.errorBody(call, mapped).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The Gigya error of an HTTP status the container chose. */
  static GigyaException map(int status) {
    return switch (status) {
      case 404 -> new GigyaException(ErrorCode.NOT_FOUND, "No such resource", 404);
      case 405 ->
          new GigyaException(
              ErrorCode.INVALID_REQUEST_FORMAT, "This HTTP method is not allowed here", 405);
      case 413 ->
          new GigyaException(
              ErrorCode.REQUEST_ENTITY_TOO_LARGE, "The request body is too large", 413);
      case 414 ->
          new GigyaException(ErrorCode.INVALID_REQUEST_FORMAT, "The request URL is too long", 414);
      // HTTP 400: the HTTP endpoint of the server knows no 431 and would answer 400 anyway.
      case 431 ->
          new GigyaException(
              ErrorCode.INVALID_REQUEST_FORMAT, "The request's headers are too large", 400);
      case 415 ->
          new GigyaException(
              ErrorCode.INVALID_REQUEST_FORMAT, "This content type is not supported here", 415);
      default ->
          status >= 500
              ? new GigyaException(ErrorCode.GENERAL_SERVER_ERROR, null, 500)
              : new GigyaException(
                  ErrorCode.INVALID_REQUEST_FORMAT,
                  "The request cannot be read: its URL, headers or body are malformed",
                  status);
    };
  }
}
