package io.junction.web.testing;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link HttpServletRequest} that answers what the web module asks of one (its target and its
 * headers); anything else is an {@link UnsupportedOperationException} naming the method.
 */
public final class FakeHttpRequest {

  private FakeHttpRequest() {}

  /**
   * A request to {@code serverName:port} for {@code requestUri}, with {@code headers} (names in any
   * case).
   */
  public static HttpServletRequest of(
      String serverName, int port, String requestUri, Map<String, String> headers) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeHttpRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> byName.get((String) args[0]);
                  case "getHeaders" ->
                      java.util.Collections.enumeration(
                          byName.containsKey((String) args[0])
                              ? java.util.List.of(byName.get((String) args[0]))
                              : java.util.List.<String>of());
                  case "getHeaderNames" -> java.util.Collections.enumeration(byName.keySet());
                  case "getQueryString" -> null;
                  case "getServerName" -> serverName;
                  case "getServerPort" -> port;
                  case "getRequestURI" -> requestUri;
                  case "getRemoteAddr" -> "127.0.0.1";
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "toString" ->
                      "request to " + serverName.toLowerCase(Locale.ROOT) + ":" + port + requestUri;
                  default ->
                      throw new UnsupportedOperationException(
                          "FakeHttpRequest does not answer " + method.getName());
                });
  }
}
