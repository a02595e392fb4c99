package io.junction.web.envelope;

import java.util.Map;

/**
 * Makes an {@link ApiCall} outside a request, as {@link ApiCallFilter} fills it: the method, the
 * parameters, whether it came over HTTPS, the HTTP method and the Host header.
 */
public final class ApiCalls {

  private ApiCalls() {}

  /** A call of {@code method} with {@code params} (one value each). */
  public static ApiCall of(
      String method,
      boolean secure,
      String httpMethod,
      String hostHeader,
      Map<String, String> params) {
    ApiCall call = new ApiCall();
    call.request(httpMethod, hostHeader);
    call.secure(secure);
    call.method(method);
    params.forEach((name, value) -> call.params().add(name, value));
    return call;
  }
}
