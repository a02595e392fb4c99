package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {

  /** A client that records what it is asked and then fails as an unreachable provider would. */
  static final class Recorder implements ProviderHttp.Endpoint, AutoCloseable {
    final String url;
    final List<String> calls = new ArrayList<>();
    boolean closed;

    Recorder(String url) {
      this.url = url;
    }

    @Override
    public Response post(String accept, String authorization, MultivaluedMap<String, String> form) {
      calls.add("POST " + authorization + " " + form);
      throw new ProcessingException("stand-in: not sent");
    }

    @Override
    public Response get(String accept, String authorization, String query) {
      calls.add("GET " + authorization + " " + query);
      throw new ProcessingException("stand-in: not sent");
    }

    @Override
    public Response send(String accept, String authorization, String headers, byte[] body) {
      calls.add("SEND " + authorization + " " + headers + " " + body.length);
      throw new ProcessingException("stand-in: not sent");
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final List<Recorder> built = new ArrayList<>();

  private ProviderHttp http() {
    ProviderHttp http = new ProviderHttp();
    http.factory =
        url -> {
          Recorder r = new Recorder(url);
          built.add(r);
          return r;
        };
    return http;
  }

  private static void unreachable(Runnable call) {
    ProviderException e = assertThrows(ProviderException.class, call::run);
    assertEquals(ErrorCode.NETWORK_ERROR, e.code());
  }

  @Test
  void oneClientPerUrlForEveryCallWithTheQueryPassedPerCall() {
    ProviderHttp http = http();
    Map<String, String> q1 = new LinkedHashMap<>();
    q1.put("access_token", "a b");
    q1.put("fields", "id,name");
    for (int i = 0; i < 50; i++) {
      unreachable(() -> http.get("facebook", "https://graph.example/me", q1, null));
      unreachable(
          () ->
              http.get("facebook", "https://graph.example/me", Map.of("access_token", "t2"), "x"));
      unreachable(() -> http.postForm("facebook", "https://graph.example/token", Map.of("a", "1")));
    }
    unreachable(() -> http.get("facebook", "https://graph.example/me", Map.of(), null));
    assertEquals(2, built.size(), "one client per URL, not one per call");
    Recorder me = built.get(0);
    assertEquals("https://graph.example/me", me.url);
    assertEquals(101, me.calls.size());
    assertEquals("GET null access_token=a+b&fields=id%2Cname", me.calls.get(0));
    assertEquals("GET x access_token=t2", me.calls.get(1));
    assertEquals("GET null null", me.calls.get(100));
    assertEquals("POST null {a=[1]}", built.get(1).calls.get(0));

    http.close();
    assertTrue(built.stream().allMatch(r -> r.closed), "closed when the application stops");
  }

  @Test
  void beyondTheLimitAClientServesOneCallAndIsClosed() {
    ProviderHttp http = http();
    for (int i = 0; i < ProviderHttp.MAX_CLIENTS + 5; i++) {
      String url = "https://issuer" + i + ".example/.well-known/openid-configuration";
      unreachable(() -> http.get("oidc-x", url, Map.of(), null));
    }
    assertEquals(ProviderHttp.MAX_CLIENTS + 5, built.size());
    assertEquals(5, built.stream().filter(r -> r.closed).count(), "only the ones beyond the limit");
    unreachable(
        () ->
            http.get(
                "oidc-x",
                "https://issuer0.example/.well-known/openid-configuration",
                Map.of(),
                null));
    assertEquals(ProviderHttp.MAX_CLIENTS + 5, built.size(), "a kept client is reused");
  }

  private static ClientRequestContext request(
      URI uri, MultivaluedMap<String, Object> headers, URI[] set) {
    return (ClientRequestContext)
        Proxy.newProxyInstance(
            ClientRequestContext.class.getClassLoader(),
            new Class<?>[] {ClientRequestContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeaders" -> headers;
                  case "getUri" -> uri;
                  case "setUri" -> {
                    set[0] = (URI) args[0];
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void theQueryTravelsInTheUrlAndNeverAsAHeader() {
    ProviderHttp.QueryString filter = new ProviderHttp.QueryString();
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    headers.putSingle(ProviderHttp.QueryString.HEADER, "a=1&b=x%20y");
    headers.putSingle("Accept", "application/json");
    URI[] set = new URI[1];
    filter.filter(request(URI.create("https://api.example/method/users.get"), headers, set));
    assertEquals(URI.create("https://api.example/method/users.get?a=1&b=x%20y"), set[0]);
    assertNull(headers.get(ProviderHttp.QueryString.HEADER));
    assertEquals("application/json", headers.getFirst("Accept"));

    headers.putSingle(ProviderHttp.QueryString.HEADER, "c=3");
    filter.filter(request(URI.create("https://api.example/fb.do?v=2#frag"), headers, set));
    assertEquals(URI.create("https://api.example/fb.do?v=2&c=3"), set[0]);

    set[0] = null;
    filter.filter(request(URI.create("https://api.example/x"), new MultivaluedHashMap<>(), set));
    assertNull(set[0], "a call without query keeps its URL");
  }
}
