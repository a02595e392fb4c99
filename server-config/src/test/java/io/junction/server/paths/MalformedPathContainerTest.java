package io.junction.server.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.wsspi.http.HttpContainer;
import com.ibm.wsspi.http.HttpCookie;
import com.ibm.wsspi.http.HttpInboundConnection;
import com.ibm.wsspi.http.HttpInputStream;
import com.ibm.wsspi.http.HttpOutputStream;
import com.ibm.wsspi.http.HttpRequest;
import com.ibm.wsspi.http.HttpResponse;
import com.ibm.wsspi.http.VirtualHost;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MalformedPathContainerTest {

  /** What the container did to one connection. */
  static final class Exchange {
    final Map<String, String> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final List<Object> finished = new ArrayList<>();
    int status;
    String reason;
    long contentLength = -1;
    final HttpInboundConnection connection;

    Exchange(String uri) {
      HttpOutputStream out = new Sink(body);
      HttpRequest request = new Request(uri);
      HttpResponse response = new Response(this, out);
      connection =
          proxy(
              HttpInboundConnection.class,
              (m, a) -> {
                switch (m) {
                  case "getRequest" -> {
                    return request;
                  }
                  case "getResponse" -> {
                    return response;
                  }
                  case "finish" -> finished.add(a[0] == null ? "ok" : a[0]);
                  default -> unexpected(m);
                }
                return null;
              });
    }
  }

  /** The request: its raw path, and nothing else may be asked. */
  static final class Request implements HttpRequest {
    private final String uri;

    Request(String uri) {
      this.uri = uri;
    }

    @Override
    public String getURI() {
      return uri;
    }

    private static <T> T no() {
      throw new AssertionError("the container reads nothing but the path");
    }

    @Override
    public String getMethod() {
      return no();
    }

    @Override
    public String getURL() {
      return no();
    }

    @Override
    public String getVersion() {
      return no();
    }

    @Override
    public String getScheme() {
      return no();
    }

    @Override
    public String getQuery() {
      return no();
    }

    @Override
    public String getVirtualHost() {
      return no();
    }

    @Override
    public int getVirtualPort() {
      return no();
    }

    @Override
    public long getContentLength() {
      return no();
    }

    @Override
    public String getHeader(String name) {
      return no();
    }

    @Override
    public List<String> getHeaders(String name) {
      return no();
    }

    @Override
    public List<String> getHeaderNames() {
      return no();
    }

    @Override
    public HttpCookie getCookie(String name) {
      return no();
    }

    @Override
    public List<HttpCookie> getCookies(String name) {
      return no();
    }

    @Override
    public List<HttpCookie> getCookies() {
      return no();
    }

    @Override
    public HttpInputStream getBody() {
      return no();
    }

    @Override
    public List<String> getTrailerNames() {
      return no();
    }

    @Override
    public String getTrailer(String name) {
      return no();
    }

    @Override
    public boolean isTrailersReady() {
      return no();
    }
  }

  /** The response: records status, reason, headers and length into the exchange. */
  static final class Response implements HttpResponse {
    private final Exchange x;
    private final HttpOutputStream out;

    Response(Exchange x, HttpOutputStream out) {
      this.x = x;
      this.out = out;
    }

    @Override
    public void setStatus(int code) {
      x.status = code;
    }

    @Override
    public void setReason(String phrase) {
      x.reason = phrase;
    }

    @Override
    public void setHeader(String name, String value) {
      x.headers.put(name, value);
    }

    @Override
    public void setContentLength(long length) {
      x.contentLength = length;
    }

    @Override
    public HttpOutputStream getBody() {
      return out;
    }

    private static <T> T no() {
      throw new AssertionError("not used by the container");
    }

    @Override
    public void setVersion(String version) {
      no();
    }

    @Override
    public void addHeader(String name, String value) {
      no();
    }

    @Override
    public void addCookie(HttpCookie cookie) {
      no();
    }

    @Override
    public void removeCookie(HttpCookie cookie) {
      no();
    }

    @Override
    public void removeHeader(String name) {
      no();
    }

    @Override
    public void removeAllHeaders() {
      no();
    }

    @Override
    public boolean isCommitted() {
      return no();
    }

    @Override
    public boolean isPersistent() {
      return no();
    }

    @Override
    public void reset() {
      no();
    }

    @Override
    public int getStatus() {
      return no();
    }

    @Override
    public String getReason() {
      return no();
    }

    @Override
    public String getVersion() {
      return no();
    }

    @Override
    public long getContentLength() {
      return no();
    }

    @Override
    public String getHeader(String name) {
      return no();
    }

    @Override
    public List<String> getHeaders(String name) {
      return no();
    }

    @Override
    public List<String> getHeaders() {
      return no();
    }

    @Override
    public List<String> getHeaderNames() {
      return no();
    }

    @Override
    public HttpCookie getCookie(String name) {
      return no();
    }

    @Override
    public List<HttpCookie> getCookies(String name) {
      return no();
    }

    @Override
    public List<HttpCookie> getCookies() {
      return no();
    }

    @Override
    public void setTrailer(String name, String value) {
      no();
    }

    @Override
    public void writeTrailers() {
      no();
    }
  }

  interface Handler {
    Object call(String method, Object[] args);
  }

  static <T> T proxy(Class<T> type, Handler h) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> h.call(m.getName(), a)));
  }

  static Object unexpected(String method) {
    throw new AssertionError("unexpected call " + method);
  }

  /** The response body: bytes written land in a buffer. */
  static final class Sink extends HttpOutputStream {
    private final ByteArrayOutputStream to;

    Sink(ByteArrayOutputStream to) {
      this.to = to;
    }

    @Override
    public void write(int b) {
      to.write(b);
    }

    @Override
    public void setIsClosing(boolean b) {}

    @Override
    public int getBufferSize() {
      return 0;
    }

    @Override
    public void setBufferSize(int size) {}

    @Override
    public void clear() {}

    @Override
    public long getBytesWritten() {
      return to.size();
    }

    @Override
    public long getBufferedCount() {
      return 0;
    }

    @Override
    public boolean hasBufferedContent() {
      return false;
    }

    @Override
    public void writeFile(FileChannel fc) {}

    @Override
    public void flushHeaders() {}

    @Override
    public void flushBuffers() {}

    @Override
    public boolean isClosed() {
      return false;
    }

    @Override
    public void flush(boolean ignoreFlag) {}

    @Override
    public void setContentLength(long length) {}
  }

  @Test
  void anOrdinaryRequestIsLeftToTheWebContainer() {
    MalformedPathContainer container = new MalformedPathContainer();
    for (String uri : List.of("/socialize.login", "/admin/sites", "/a%2fb", "/console/")) {
      Exchange x = new Exchange(uri);
      assertNull(container.createRunnableHandler(x.connection), uri);
      assertEquals(0, x.status, uri);
      assertTrue(x.finished.isEmpty(), uri);
    }
  }

  @Test
  void aRefusedPathIsAnsweredInTheEnvelopeAndTheConnectionFinished() {
    Exchange x = new Exchange("/..;/admin");
    Runnable handler = new MalformedPathContainer().createRunnableHandler(x.connection);
    assertNotNull(handler);
    assertEquals(0, x.status, "nothing is answered before the handler runs");
    handler.run();
    assertEquals(400, x.status);
    assertEquals("Bad Request", x.reason);
    assertEquals("application/json;charset=UTF-8", x.headers.get("Content-Type"));
    assertEquals("close", x.headers.get("Connection"));
    String body = x.body.toString(StandardCharsets.UTF_8);
    assertEquals(body.getBytes(StandardCharsets.UTF_8).length, x.contentLength);
    assertTrue(body.contains("\"errorCode\":400001"), body);
    assertTrue(body.contains("\"callId\":\"" + x.headers.get("X-Call-Id") + "\""), body);
    assertTrue(body.contains("dot segment with a path parameter"), body);
    assertEquals(List.of("ok"), x.finished);
  }

  @Test
  void itRegistersWithEveryVirtualHostUnderItsOwnContextRoot() {
    List<String> calls = new ArrayList<>();
    MalformedPathContainer container = new MalformedPathContainer();
    VirtualHost host =
        proxy(
            VirtualHost.class,
            (m, a) -> {
              assertTrue(a[1] == (HttpContainer) container, m);
              calls.add(m + " " + a[0]);
              return null;
            });
    container.bindVirtualHost(host);
    container.unbindVirtualHost(host);
    assertEquals(
        List.of("addContextRoot /junction-paths-1.0", "removeContextRoot /junction-paths-1.0"),
        calls);
  }
}
