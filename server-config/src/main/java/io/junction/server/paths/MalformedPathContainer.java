package io.junction.server.paths;

import com.ibm.wsspi.http.HttpContainer;
import com.ibm.wsspi.http.HttpInboundConnection;
import com.ibm.wsspi.http.HttpOutputStream;
import com.ibm.wsspi.http.HttpResponse;
import com.ibm.wsspi.http.VirtualHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers, in the Gigya envelope, the requests whose path Liberty's web container would refuse with
 * its own HTTP 400 page (message CWWWC0005I, which names the server and echoes the path) before any
 * application, filter or error page runs: an encoded NUL, a dot segment with a path parameter
 * ({@code /..;/admin}), a {@code ..} above the root ({@code /%2e%2e/admin}), an invalid escape.
 * Every other request it leaves alone (it returns no handler), so the web container serves it as
 * before.
 *
 * <p>A virtual host asks its HTTP containers in the order they registered and the first that
 * returns a handler serves the request. This container registers with every virtual host as soon as
 * the host exists, while the server starts its features, before any application registers its
 * context root; it registers under a context root of its own ({@value #CONTEXT_ROOT}) that no
 * application has, so it never stands for an application's. A Declarative Services component
 * (OSGI-INF/io.junction.server.paths.xml) binds the virtual hosts.
 */
public class MalformedPathContainer implements HttpContainer {

  /** The context root this container registers under; it serves no path of its own. */
  static final String CONTEXT_ROOT = "/junction-paths-1.0";

  private static final Logger LOG = Logger.getLogger(MalformedPathContainer.class.getName());

  /** Declarative Services: a virtual host appeared. */
  protected void bindVirtualHost(VirtualHost host) {
    host.addContextRoot(CONTEXT_ROOT, this);
  }

  /** Declarative Services: a virtual host went away. */
  protected void unbindVirtualHost(VirtualHost host) {
    host.removeContextRoot(CONTEXT_ROOT, this);
  }

  @Override
  public Runnable createRunnableHandler(HttpInboundConnection connection) {
    String refusal = RawPaths.refusal(connection.getRequest().getURI());
    return refusal == null ? null : () -> answer(connection, refusal);
  }

  private static void answer(HttpInboundConnection connection, String refusal) {
    String callId = RefusalEnvelope.newCallId();
    LOG.log(
        Level.FINE, "{0} refused before the web container: {1}", new Object[] {callId, refusal});
    byte[] body =
        RefusalEnvelope.json(callId, refusal, Instant.now()).getBytes(StandardCharsets.UTF_8);
    Exception failure = null;
    try {
      HttpResponse response = connection.getResponse();
      response.setStatus(400);
      response.setReason("Bad Request");
      response.setHeader("Content-Type", "application/json;charset=UTF-8");
      response.setHeader("X-Call-Id", callId);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", "no-store");
      // The request's body, if any, is not read: the connection ends with the answer.
      response.setHeader("Connection", "close");
      response.setContentLength(body.length);
      HttpOutputStream out = response.getBody();
      out.write(body);
    } catch (IOException | RuntimeException e) {
      failure = e;
    } finally {
      connection.finish(failure);
    }
  }
}
