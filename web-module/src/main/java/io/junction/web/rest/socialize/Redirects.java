package io.junction.web.rest.socialize;

import io.junction.web.oauth.BrowserRedirect;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The HTTP side of a flow's outcome: a 302 that no cache keeps, with its cookies. */
final class Redirects {

  private Redirects() {}

  static Response to(BrowserRedirect outcome) {
    return Response.status(Response.Status.FOUND)
        .location(URI.create(outcome.location()))
        .cookie(outcome.cookies().toArray(NewCookie[]::new))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** A redirect with the given status that sets no cookie. */
  static Response to(String location, Response.Status status) {
    return Response.status(status)
        .location(URI.create(location))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  static Map<String, String> cookies(HttpHeaders headers) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, Cookie> e : headers.getCookies().entrySet()) {
      out.put(e.getKey(), e.getValue().getValue());
    }
    return out;
  }
}
