package io.junction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A page Junction shows in the middle of a flow, as a browser receives it, and its answers. */
final class ConfirmationPage {

  static final String ACTION = Junction.HTTPS + "/GS/confirm";

  private static final Pattern VALUE =
      Pattern.compile("<input type=\"hidden\" name=\"confirmation\" value=\"([A-Za-z0-9_-]+)\">");

  final HttpResponse<String> response;
  final String value;

  private ConfirmationPage(HttpResponse<String> response, String value) {
    this.response = response;
    this.value = value;
  }

  /**
   * The page of a response, checked as every such page must be: HTML, not cached, not framed, no
   * script, a policy that allows no source but its own style, and a form posting its value.
   */
  static ConfirmationPage of(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), "a page expected: " + r.headers().map() + r.body());
    assertTrue(r.headers().firstValue("Location").isEmpty());
    assertTrue(
        r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"),
        r.headers().map().toString());
    // Liberty adds no-cache=set-cookie when the answer sets a cookie.
    assertTrue(r.headers().firstValue("Cache-Control").orElseThrow().startsWith("no-store"));
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.startsWith("default-src 'none'; "), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("form-action 'self'"), csp);
    assertTrue(csp.contains("style-src 'sha256-"), csp);
    assertFalse(csp.contains("unsafe"), csp);
    assertFalse(csp.contains("script-src"), csp);
    assertFalse(r.body().toLowerCase().contains("<script"), r.body());
    assertFalse(
        Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
            .matcher(r.body())
            .find(),
        "no event handler attribute: " + r.body());
    assertTrue(r.body().contains("<form method=\"post\" action=\"/GS/confirm\">"), r.body());
    Matcher m = VALUE.matcher(r.body());
    assertTrue(m.find(), r.body());
    return new ConfirmationPage(r, m.group(1));
  }

  /** Where the answer to a page's form sends the browser: a 303, so that it goes on with a GET. */
  static String seeOther(HttpResponse<String> r) {
    assertEquals(303, r.statusCode(), "a 303 expected: " + r.body());
    assertTrue(
        r.headers().firstValue("Cache-Control").orElseThrow().startsWith("no-store"),
        r.headers().map().toString());
    return r.headers().firstValue("Location").orElseThrow();
  }

  String csp() {
    return response.headers().firstValue("Content-Security-Policy").orElseThrow();
  }

  String body() {
    return response.body();
  }

  /** The browser answers the page with a choice. */
  HttpResponse<String> answer(Browser browser, String choice) {
    return browser.post(ACTION, "confirmation=" + value + "&choice=" + choice);
  }
}
