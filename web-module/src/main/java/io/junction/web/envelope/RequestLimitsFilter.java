package io.junction.web.envelope;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * The size limits of a request's URL and headers, checked before anything else of the application
 * runs: a URL (path and query) beyond {@value #MAX_URL} characters is refused with HTTP 414, a
 * header (name and value) beyond {@value #MAX_FIELD} characters or headers beyond {@value
 * #MAX_HEADERS} characters in all with 431 (which {@link ErrorPageServlet} answers with HTTP 400),
 * both in the Gigya envelope (400001). The HTTP endpoint lets larger fields through (server.xml,
 * {@code limitFieldSize}) so that they reach this filter instead of the container's bare 400.
 */
public class RequestLimitsFilter implements Filter {

  /** The longest URL, path and query, in characters. */
  static final int MAX_URL = 16 * 1024;

  /** The longest header line, name and value, in characters. */
  static final int MAX_FIELD = 32 * 1024;

  /** The most characters of all headers together. */
  static final int MAX_HEADERS = 64 * 1024;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
      int status = refusal(request);
      if (status != 0) {
        response.sendError(status);
        return;
      }
    }
    chain.doFilter(req, res);
  }

  /** 414 or 431 when the request is beyond a limit, else 0. */
  static int refusal(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    if ((uri == null ? 0 : uri.length()) + (query == null ? 0 : query.length() + 1) > MAX_URL) {
      return 414;
    }
    long total = 0;
    Enumeration<String> names = request.getHeaderNames();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values != null && values.hasMoreElements()) {
        String value = values.nextElement();
        long field = name.length() + 2L + (value == null ? 0 : value.length());
        if (field > MAX_FIELD) {
          return 431;
        }
        total += field;
        if (total > MAX_HEADERS) {
          return 431;
        }
      }
    }
    return 0;
  }
}
