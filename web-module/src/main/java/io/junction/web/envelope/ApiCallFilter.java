package io.junction.web.envelope;

import io.junction.api.ErrorCode;
import io.junction.web.i18n.Messages;
import io.junction.web.security.RequestSecurity;
import io.junction.web.telemetry.CallLogContext;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what every call shares before any resource runs: the method name from the path, the
 * parameters from the query string and a form body, {@code format}, {@code httpStatusCodes} and
 * {@code context}. Bodies are bounded ({@link #MAX_BODY_BYTES}); a larger one is refused with
 * 413001 before anything is parsed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ApiCallFilter implements ContainerRequestFilter {

  /** The largest request body accepted, in bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";

  private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+){1,2}");

  @Inject ApiCall call;
  @Inject RequestSecurity security;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath();
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    // JAX-RS routes /socialize.getUserInfo/ to the method too: it is that method.
    if (trimmed.endsWith("/")
        && METHOD.matcher(trimmed.substring(0, trimmed.length() - 1)).matches()) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    call.request(request.getMethod(), request.getHeaderString("Host"));
    // The connection is TLS when the container says so and shows the TLS session's cipher suite
    // (it is configured not to believe the WebSphere plug-in's private headers or
    // X-Forwarded-Proto, which could otherwise make isSecure() true over plain HTTP);
    // RequestSecurity decides what a trusted proxy may add.
    call.secure(
        security.secure(
            servletRequest != null
                ? servletRequest.isSecure() && servletRequest.getAttribute(CIPHER_SUITE) != null
                : request.getSecurityContext().isSecure(),
            servletRequest == null ? null : servletRequest.getRemoteAddr(),
            request.getHeaderString("X-Forwarded-Proto"),
            request.getHeaders().keySet().stream().anyMatch(RequestSecurity::isPrivateHeader)));
    if (trimmed.equals("admin") || trimmed.startsWith("admin/")) {
      call.admin(true);
    } else if (METHOD.matcher(trimmed).matches()) {
      call.method(trimmed);
    } else {
      // Not an API method (a page, a typo): real HTTP statuses unless the caller asks otherwise.
      call.preferHttpStatusCodes();
    }
    call.step(flowStep(trimmed));
    // Every log line of the call, and its trace, name the call (the site once it is read below).
    CallLogContext.put(CallLogContext.CALL_ID, call.callId());
    CallLogContext.put(CallLogContext.METHOD, logMethod(call));
    CallLogContext.put(CallLogContext.API_KEY, null);
    Span span = Span.current();
    if (span.isRecording()) {
      span.setAttribute(CALL_ID_ATTRIBUTE, call.callId());
      // The query string may carry an oauth_token, a secret, a provider's code: the trace keeps
      // the parameters' names only.
      String query = request.getUriInfo().getRequestUri().getRawQuery();
      if (query != null) {
        span.setAttribute(URL_QUERY_ATTRIBUTE, redactedQuery(query));
      }
    }

    MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
    for (Map.Entry<String, List<String>> e :
        request.getUriInfo().getQueryParameters(true).entrySet()) {
      params.addAll(e.getKey(), e.getValue());
    }
    call.params(params);
    call.apiKey(siteOf(params));
    // The envelope options of the query string first, so that even a refused body is answered
    // the way the caller asked; a form body may then set them too.
    applyEnvelopeOptions(params);
    refuseUnwritableText(params);
    refuseContentEncoding(request.getHeaderString(HttpHeaders.CONTENT_ENCODING));
    if (request.hasEntity()) {
      byte[] body = readBounded(request);
      call.body(body);
      request.setEntityStream(new ByteArrayInputStream(body));
      MediaType type = request.getMediaType();
      if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
        parseForm(new String(body, StandardCharsets.UTF_8), params);
        if (call.apiKey() == null) {
          call.apiKey(siteOf(params));
        }
        applyEnvelopeOptions(params);
        refuseUnwritableText(params);
      }
    }
  }

  /** The trace attribute that carries the callId on the span of each inbound request. */
  public static final String CALL_ID_ATTRIBUTE = "junction.call_id";

  /** The semantic-convention attribute of an inbound request's query string. */
  static final String URL_QUERY_ATTRIBUTE = "url.query";

  /** A query string with every value replaced: {@code a=REDACTED&b=REDACTED}. */
  static String redactedQuery(String rawQuery) {
    StringBuilder out = new StringBuilder(rawQuery.length());
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      out.append(eq < 0 ? pair : pair.substring(0, eq)).append(eq < 0 ? "" : "=REDACTED");
    }
    return out.toString();
  }

  /** The step of a browser flow that a path is, or null. */
  static String flowStep(String path) {
    if (path.equalsIgnoreCase("socialize.login")) {
      return "login";
    } else if (path.equalsIgnoreCase("socialize.addConnection")) {
      return "addConnection";
    } else if (path.equalsIgnoreCase("socialize.getToken")) {
      return "getToken";
    } else if (path.equals("GS/GSLogin.aspx")) {
      return "callback";
    } else if (path.equals("GS/confirm")) {
      return "confirm";
    }
    return null;
  }

  /**
   * The method a call's log lines name: the Socialize method, else the flow step ({@code callback},
   * {@code confirm}), {@code admin} for the admin API, or none.
   */
  private static String logMethod(ApiCall call) {
    if (!call.method().isEmpty()) {
      return CallLogContext.safe(call.method(), 64);
    }
    return call.admin() ? "admin" : call.step();
  }

  /** The site a call names: {@code apiKey}, or an OAuth client's {@code client_id}. */
  private static String siteOf(MultivaluedMap<String, String> params) {
    String apiKey = params.getFirst("apiKey");
    return apiKey != null ? apiKey : params.getFirst("client_id");
  }

  /**
   * 400006 for a parameter (name or value) holding a character that no XML document can carry: a
   * control character other than tab, line feed and carriage return, U+FFFE, U+FFFF or a lone
   * surrogate. Whatever the format asked, so that a value means the same in JSON and XML.
   */
  static void refuseUnwritableText(MultivaluedMap<String, String> params) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      boolean bad = !XmlText.holdable(e.getKey());
      for (String v : e.getValue()) {
        bad |= !XmlText.holdable(v);
      }
      if (bad) {
        throw GigyaException.invalid(
            XmlText.printable(e.getKey()),
            "contains a control character, U+FFFE, U+FFFF or a lone surrogate");
      }
    }
  }

  private void applyEnvelopeOptions(MultivaluedMap<String, String> params) {
    if (call.admin()) {
      return;
    }
    String httpStatusCodes = params.getFirst("httpStatusCodes");
    if (httpStatusCodes != null) {
      String v = httpStatusCodes.trim().toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        call.httpStatusCodes(v.equals("true"));
      } else {
        throw GigyaException.invalid("httpStatusCodes", "must be true or false");
      }
    }
    // A context that cannot be echoed is refused below; it is not echoed in that refusal.
    String context = params.getFirst("context");
    call.context(XmlText.holdable(context) ? context : null);
    String lang = params.getFirst("x_lang");
    call.lang(Messages.language(lang != null ? lang : params.getFirst("lang")));
    ResponseFormat format =
        ResponseFormat.parse(params.getFirst("format"))
            .orElseThrow(() -> GigyaException.invalid("format", "must be json or xml"));
    call.format(format);
  }

  /**
   * Bodies are taken as sent: a {@code Content-Encoding} other than {@code identity} (gzip,
   * deflate, ...) is refused with 400001 (HTTP 415), before anything is read.
   */
  static void refuseContentEncoding(String contentEncoding) {
    if (contentEncoding == null) {
      return;
    }
    for (String coding : contentEncoding.split(",")) {
      String c = coding.trim();
      if (!c.isEmpty() && !c.equalsIgnoreCase("identity")) {
        throw new GigyaException(
            ErrorCode.INVALID_REQUEST_FORMAT,
            "Content-Encoding is not supported: send the request body without compression",
            415);
      }
    }
  }

  private static byte[] readBounded(ContainerRequestContext request) {
    if (request.getLength() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body;
    InputStream in = request.getEntityStream();
    try {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException | RuntimeException e) {
      // A body the connection could not deliver (cut short, badly chunked): the caller's fault.
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_FORMAT, "The request body could not be read", 400);
    } finally {
      closeQuietly(in);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return body;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // the body was read, or its failure already answered
    }
  }

  private static GigyaException tooLarge() {
    return new GigyaException(
        ErrorCode.REQUEST_ENTITY_TOO_LARGE,
        "The request body is larger than " + MAX_BODY_BYTES + " bytes");
  }

  static void parseForm(String body, MultivaluedMap<String, String> into) {
    if (body.isEmpty()) {
      return;
    }
    try {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        into.add(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_FORMAT, "The form body is not valid URL-encoded data");
    }
  }
}
