package io.junction.web.envelope;

import io.junction.web.telemetry.CallLogContext;
import io.junction.web.telemetry.JunctionMetrics;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the headers every answer carries: an RFC 1123 {@code Date} (the Gigya SDKs correct their
 * clock from it when a signed request has expired) and {@code X-Call-Id}; logs each call with its
 * callId, times the steps of browser flows, and ends the call's log fields.
 */
@Provider
public class ResponseHeadersFilter implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger("io.junction.web.access");

  @Inject ApiCall call;
  @Inject JunctionMetrics metrics;

  /** The trace attribute that names the site of an inbound request. */
  public static final String SITE_ATTRIBUTE = "junction.api_key";

  private record Stamp(long second, String text) {}

  private static volatile Stamp date = new Stamp(0, "");

  /** The RFC 1123 date of now, formatted once a second. */
  static String httpDate() {
    long now = System.currentTimeMillis() / 1000;
    Stamp s = date;
    if (s.second() != now) {
      s =
          new Stamp(
              now,
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(now), ZoneOffset.UTC)));
      date = s;
    }
    return s.text();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!headers.containsKey("Date")) {
      headers.putSingle("Date", httpDate());
    }
    headers.putSingle("X-Call-Id", call.callId());
    if (call.step() != null) {
      metrics.flowStep(call.step(), call.elapsedNanos());
    }
    if (call.apiKey() != null) {
      Span.current().setAttribute(SITE_ATTRIBUTE, call.apiKey());
    }
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(
          call
              + " "
              + request.getMethod()
              + " /"
              + request.getUriInfo().getPath()
              + " -> "
              + response.getStatus()
              + " in "
              + call.elapsedMillis()
              + " ms");
    }
    // The thread serves other calls next: their lines must not carry this one's fields.
    CallLogContext.clear();
  }
}
