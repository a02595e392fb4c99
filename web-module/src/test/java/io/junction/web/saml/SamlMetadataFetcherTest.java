package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.junction.api.ErrorCode;
import io.junction.provider.PublicAddresses;
import io.junction.provider.SiteDocuments;
import io.junction.provider.support.SiteNamedHttp;
import io.junction.web.envelope.GigyaException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An identity provider's metadata fetched from its URL: through the connections that check the
 * address they connect to, so a name that turns private between the check and the connection
 * reaches nothing; every failure is 400006 naming metadataUrl.
 */
class SamlMetadataFetcherTest {

  private static final byte[] METADATA =
      "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp\"/>"
          .getBytes(StandardCharsets.UTF_8);

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext(
        "/",
        x -> {
          requests.add(
              x.getRequestURI().getPath() + " " + x.getRequestHeaders().getFirst("Accept"));
          byte[] body =
              switch (x.getRequestURI().getPath()) {
                case "/big" -> new byte[SamlXml.MAX_BYTES + 10];
                case "/metadata" -> METADATA;
                default -> null;
              };
          if (body == null) {
            x.sendResponseHeaders(404, -1);
          } else {
            x.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
          }
          x.close();
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static SamlMetadataFetcher fetcher(PublicAddresses rule) {
    return new SamlMetadataFetcher(rule, new SiteDocuments(SiteNamedHttp.under(rule)));
  }

  private static GigyaException refused(SamlMetadataFetcher f, String url) {
    GigyaException e = assertThrows(GigyaException.class, () -> f.fetch(url), url);
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code(), url);
    assertTrue(e.details().contains("metadataUrl"), e.details());
    return e;
  }

  @Test
  void whereTheRuleIsLiftedLoopbackMetadataIsReadAsAMetadataDocument() {
    SamlMetadataFetcher f = fetcher(new PublicAddresses(true));
    assertArrayEquals(METADATA, f.fetch("http://127.0.0.1:" + port + "/metadata"));
    assertTrue(
        requests.get(0).contains("application/samlmetadata+xml"), "asks for metadata: " + requests);
    assertTrue(
        refused(f, "http://127.0.0.1:" + port + "/gone").details().contains("HTTP 404"),
        "the status is named");
    assertTrue(
        refused(f, "http://127.0.0.1:" + port + "/big").details().contains("larger than"),
        "a document over the limit is refused");
    refused(f, "http://127.0.0.1:1/metadata");
  }

  @Test
  void privateAddressesAreRefusedWithoutAConnection() {
    SamlMetadataFetcher f = fetcher(new PublicAddresses(false));
    refused(f, "https://127.0.0.1:" + port + "/metadata");
    refused(f, "http://127.0.0.1:" + port + "/metadata");
    refused(f, "https://[::1]:" + port + "/metadata");
    refused(f, "https://user@idp.example/metadata");
    refused(f, "not a url at all");
    assertTrue(requests.isEmpty(), "nothing was fetched: " + requests);
  }

  @Test
  void aNameThatTurnsPrivateWhenTheFetchConnectsReachesNothing() {
    AtomicInteger lookups = new AtomicInteger();
    // The check's lookup says "localhost" is a public address; the connection goes where the
    // system's resolver says, loopback, and is refused there.
    PublicAddresses rebinding =
        new PublicAddresses(
            false,
            host -> {
              lookups.incrementAndGet();
              return new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            });
    GigyaException e = refused(fetcher(rebinding), "https://localhost:" + port + "/metadata");
    assertTrue(lookups.get() >= 1, "the URL's check passed");
    assertTrue(e.details().contains("not a public address"), e.details());
    assertTrue(requests.isEmpty(), "the private service got no request: " + requests);
  }
}
