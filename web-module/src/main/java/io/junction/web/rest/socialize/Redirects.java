package io.junction.web.rest.socialize;

import io.junction.web.oauth.BrowserAnswer;
import io.junction.web.oauth.BrowserPage;
import io.junction.web.oauth.BrowserRedirect;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP side of a flow's outcome: a redirect or a page that no cache keeps, with its cookies.
 */
final class Redirects {

  private Redirects() {}

  static Response to(BrowserRedirect outcome) {
    return redirect(outcome, Response.Status.FOUND);
  }

  /** The answer to a form's POST: 303, so that the browser goes on with a GET. */
  static Response seeOther(BrowserRedirect outcome) {
    return redirect(outcome, Response.Status.SEE_OTHER);
  }

  /**
   * A flow's answer: a redirect, or a page that no cache keeps, that no other page may frame, and
   * whose Content-Security-Policy allows only what it needs.
   */
  static Response to(BrowserAnswer answer) {
    if (answer instanceof BrowserRedirect r) {
      return to(r);
    }
    BrowserPage p = (BrowserPage) answer;
    return Response.ok(p.html(), "text/html;charset=utf-8")
        .cookie(p.cookies().toArray(NewCookie[]::new))
        .header("Content-Security-Policy", p.contentSecurityPolicy())
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static Response redirect(BrowserRedirect outcome, Response.Status status) {
    return Response.status(status)
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
