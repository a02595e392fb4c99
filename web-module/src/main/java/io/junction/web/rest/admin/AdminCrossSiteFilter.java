package io.junction.web.rest.admin;

import io.junction.api.ErrorCode;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a change to the administration that another site's page could have sent (cross-site
 * request forgery): a browser that once answered the Basic challenge sends those credentials with
 * any request to this origin, including a form another site posts. A request that changes something
 * (any method but GET, HEAD and OPTIONS) is refused with 403007 when the browser says it comes from
 * elsewhere ({@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or an {@code
 * Origin} that is not this server's), and with 400001 (HTTP 415) when its body has a type an HTML
 * form can send. Tools that send no such headers (curl, scripts) are unaffected; the console is
 * same-origin and sends JSON.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION - 100)
public class AdminCrossSiteFilter implements ContainerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> FORM_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  @Inject ApiCall call;
  @Inject JunctionConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      return;
    }
    try {
      check(
          request.getHeaderString("Sec-Fetch-Site"),
          request.getHeaderString("Origin"),
          request.getHeaderString(HttpHeaders.HOST),
          request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    } catch (GigyaException refused) {
      request.abortWith(Envelope.error(call, refused));
    }
  }

  void check(String fetchSite, String origin, String host, String contentType) {
    if (fetchSite != null
        && !fetchSite.equalsIgnoreCase("same-origin")
        && !fetchSite.equalsIgnoreCase("none")) {
      throw crossSite();
    }
    if (origin != null && !sameOrigin(origin.trim().toLowerCase(Locale.ROOT), host)) {
      throw crossSite();
    }
    if (contentType != null) {
      String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (FORM_TYPES.contains(type)) {
        throw new GigyaException(
            ErrorCode.INVALID_REQUEST_FORMAT,
            "The administration takes JSON bodies (Content-Type: application/json)",
            415);
      }
    }
  }

  private boolean sameOrigin(String origin, String host) {
    if (host != null) {
      String own = (call.secure() ? "https://" : "http://") + host.trim().toLowerCase(Locale.ROOT);
      if (origin.equals(own) || origin.equals(withoutDefaultPort(own))) {
        return true;
      }
    }
    URI pub = URI.create(config.publicUrl());
    String published =
        pub.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + pub.getHost().toLowerCase(Locale.ROOT)
            + (pub.getPort() < 0 ? "" : ":" + pub.getPort());
    return origin.equals(published) || origin.equals(withoutDefaultPort(published));
  }

  private static String withoutDefaultPort(String origin) {
    if (origin.startsWith("https://") && origin.endsWith(":443")) {
      return origin.substring(0, origin.length() - 4);
    }
    if (origin.startsWith("http://") && origin.endsWith(":80")) {
      return origin.substring(0, origin.length() - 3);
    }
    return origin;
  }

  private static GigyaException crossSite() {
    return new GigyaException(
        ErrorCode.PERMISSION_DENIED,
        "A change to the administration must come from this server's own pages or a tool,"
            + " not from another site's page",
        403);
  }
}
