package io.junction.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.UserAction;
import io.junction.provider.support.ProviderHttp;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageFetcherTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0};

  /** Names resolve as the map says; anything else does not resolve. */
  private static PublicAddresses addresses(boolean allowPrivate) {
    Map<String, String> dns =
        Map.of(
            "cdn.example.com", "93.184.216.34",
            "intranet.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254");
    return new PublicAddresses(
        allowPrivate,
        host -> {
          String a = dns.getOrDefault(host, host.matches("[0-9.]+") ? host : null);
          if (a == null) {
            throw new UnknownHostException(host);
          }
          return new InetAddress[] {InetAddress.getByName(a)};
        });
  }

  /** An image server that answers every URL alike and records what was fetched. */
  private static final class Server extends ProviderHttp {
    final List<String> fetched = new ArrayList<>();
    int status = 200;
    String type = "image/png";
    byte[] body = PNG;

    @Override
    public Bytes getBytes(String provider, String url, int maxBytes) {
      fetched.add(url);
      boolean truncated = body.length > maxBytes;
      return new Bytes(
          status, type, truncated ? java.util.Arrays.copyOf(body, maxBytes) : body, truncated);
    }
  }

  private final Server server = new Server();

  private ImageFetcher fetcher(boolean allowPrivate) {
    return new ImageFetcher(addresses(allowPrivate), server, 1024);
  }

  @Test
  void aPublicImageIsFetched() {
    UserAction.Image image = fetcher(false).fetch("https://cdn.example.com/a.png");
    assertEquals("image/png", image.contentType());
    assertArrayEquals(PNG, image.data());
    assertEquals("image.png", image.fileName());
    server.type = "image/jpeg; charset=binary";
    server.body = JPEG;
    assertEquals("image/jpeg", fetcher(false).fetch("http://cdn.example.com/b").contentType());
  }

  @Test
  void privateAddressesAreRefusedBeforeAnyFetchUnlessTheSettingAllowsThem() {
    for (String url :
        List.of(
            "https://intranet.example.com/a.png",
            "http://metadata.example.com/latest/meta-data",
            "http://127.0.0.1:9080/x.png",
            "http://[::1]/x.png",
            "https://unknown.example.com/x.png")) {
      ImageFetcher.Refused e =
          assertThrows(ImageFetcher.Refused.class, () -> fetcher(false).fetch(url), url);
      assertTrue(
          e.getMessage().contains("not a public address")
              || e.getMessage().contains("cannot be resolved"),
          e.getMessage());
    }
    assertTrue(server.fetched.isEmpty());
    assertEquals("image/png", fetcher(true).fetch("http://127.0.0.1:9080/x.png").contentType());
  }

  @Test
  void otherSchemesUserInfoRedirectsErrorsSizesAndTypesAreRefused() {
    ImageFetcher f = fetcher(false);
    assertThrows(ImageFetcher.Refused.class, () -> f.fetch("file:///etc/passwd"));
    assertThrows(ImageFetcher.Refused.class, () -> f.fetch("ftp://cdn.example.com/a.png"));
    assertThrows(ImageFetcher.Refused.class, () -> f.fetch("https://u:p@cdn.example.com/a.png"));
    assertThrows(ImageFetcher.Refused.class, () -> f.fetch("not a url"));
    server.status = 302;
    assertTrue(
        assertThrows(ImageFetcher.Refused.class, () -> f.fetch("https://cdn.example.com/r"))
            .getMessage()
            .contains("redirect"));
    server.status = 404;
    assertThrows(ImageFetcher.Refused.class, () -> f.fetch("https://cdn.example.com/r"));
    server.status = 200;
    server.body = new byte[2048];
    assertTrue(
        assertThrows(ImageFetcher.Refused.class, () -> f.fetch("https://cdn.example.com/big"))
            .getMessage()
            .contains("larger than 1024"));
    server.body = "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes();
    server.type = "image/svg+xml";
    assertThrows(ImageFetcher.Refused.class, () -> f.fetch("https://cdn.example.com/a.svg"));
    server.type = "image/png";
    assertTrue(
        assertThrows(ImageFetcher.Refused.class, () -> f.fetch("https://cdn.example.com/a.png"))
            .getMessage()
            .contains("does not hold"));
    server.type = "text/html";
    server.body = PNG;
    assertThrows(ImageFetcher.Refused.class, () -> f.fetch("https://cdn.example.com/a.png"));
  }

  /** A resolver that answers a public address first, then loopback (DNS rebinding). */
  private static PublicAddresses rebinding(java.util.concurrent.atomic.AtomicInteger lookups) {
    return new PublicAddresses(
        false,
        host ->
            new InetAddress[] {
              lookups.getAndIncrement() == 0
                  ? InetAddress.getByName("93.184.216.34")
                  : InetAddress.getLoopbackAddress()
            });
  }

  /** An image server on loopback, the private service a rebinding name points at. */
  private static com.sun.net.httpserver.HttpServer imageServer(List<String> requests)
      throws java.io.IOException {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext(
        "/",
        x -> {
          requests.add(x.getRequestURI().toString());
          if (x.getRequestURI().getPath().equals("/moved")) {
            x.getResponseHeaders().add("Location", "http://169.254.169.254/latest");
            x.sendResponseHeaders(302, -1);
            x.close();
            return;
          }
          x.getResponseHeaders().add("Content-Type", "image/png");
          x.sendResponseHeaders(200, PNG.length);
          x.getResponseBody().write(PNG);
          x.close();
        });
    server.start();
    return server;
  }

  @Test
  void aNameThatTurnsPrivateWhenTheFetchConnectsIsRefused() throws Exception {
    List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer server = imageServer(requests);
    try {
      int port = server.getAddress().getPort();
      for (String scheme : List.of("http", "https")) {
        java.util.concurrent.atomic.AtomicInteger lookups =
            new java.util.concurrent.atomic.AtomicInteger();
        PublicAddresses rule = rebinding(lookups);
        ImageFetcher f =
            new ImageFetcher(
                rule, io.junction.provider.support.SiteNamedHttp.under(rule), 1024 * 1024);
        // "localhost": the rule's first answer is public; the connection gets loopback.
        ImageFetcher.Refused e =
            assertThrows(
                ImageFetcher.Refused.class,
                () -> f.fetch(scheme + "://localhost:" + port + "/a.png"),
                scheme);
        assertTrue(e.getMessage().contains("not a public address"), e.getMessage());
      }
      assertTrue(requests.isEmpty(), "the private service got no request: " + requests);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void whereTheSettingAllowsPrivateAddressesAPlainHttpImageIsFetchedAndRedirectsAreNotFollowed()
      throws Exception {
    List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer server = imageServer(requests);
    try {
      int port = server.getAddress().getPort();
      PublicAddresses lifted = new PublicAddresses(true);
      ImageFetcher f =
          new ImageFetcher(lifted, io.junction.provider.support.SiteNamedHttp.under(lifted), 1024);
      UserAction.Image image = f.fetch("http://127.0.0.1:" + port + "/a.png?size=2");
      assertArrayEquals(PNG, image.data());
      assertEquals("image/png", image.contentType());
      assertEquals("/a.png?size=2", requests.get(0));
      assertTrue(
          assertThrows(
                  ImageFetcher.Refused.class, () -> f.fetch("http://127.0.0.1:" + port + "/moved"))
              .getMessage()
              .contains("redirect"));
      assertEquals(2, requests.size(), "the redirect was not followed");
      ImageFetcher small =
          new ImageFetcher(lifted, io.junction.provider.support.SiteNamedHttp.under(lifted), 4);
      assertTrue(
          assertThrows(
                  ImageFetcher.Refused.class, () -> small.fetch("http://127.0.0.1:" + port + "/b"))
              .getMessage()
              .contains("larger than 4"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void thePrivateEndpointsSettingReadsAddressLiteralsAndPortsOnly() throws Exception {
    assertEquals(
        List.of(
            new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 19091),
            new java.net.InetSocketAddress(
                java.net.InetAddress.getByAddress(new byte[] {10, 0, 0, 7}), 8080),
            new java.net.InetSocketAddress(java.net.InetAddress.getByName("[::1]"), 19091)),
        ImageFetcher.endpoints(
            List.of(
                " 127.0.0.1:19091",
                "10.0.0.7:8080",
                "[::1]:19091",
                "",
                "localhost:19091",
                "127.0.0.1",
                "127.0.0.1:0",
                "127.0.0.1:70000",
                "300.0.0.1:80",
                "[zz::1]:80",
                "::1:80",
                "[::1]")));
  }

  @Test
  void narrowedToAnEndpointOnlyThatEndpointIsFetchedFromAtTheCheckAndAtTheConnection()
      throws Exception {
    List<String> allowedRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> otherRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer allowed = imageServer(allowedRequests);
    com.sun.net.httpserver.HttpServer other = imageServer(otherRequests);
    try {
      int port = allowed.getAddress().getPort();
      int otherPort = other.getAddress().getPort();
      PublicAddresses lifted = new PublicAddresses(true);
      PublicAddresses narrowed =
          lifted.liftedOnlyAt(ImageFetcher.endpoints(List.of("127.0.0.1:" + port)));
      io.junction.provider.support.SiteNamedHttp connections =
          io.junction.provider.support.SiteNamedHttp.under(lifted).ruledBy(narrowed);
      ImageFetcher f = new ImageFetcher(narrowed, connections, 1024);
      assertArrayEquals(PNG, f.fetch("http://127.0.0.1:" + port + "/a.png").data());
      assertEquals(List.of("/a.png"), allowedRequests);
      for (String url :
          List.of(
              "http://127.0.0.1:" + otherPort + "/a.png",
              "http://localhost:" + otherPort + "/a.png",
              "https://127.0.0.1:" + otherPort + "/a.png",
              "http://[::1]:" + port + "/a.png",
              "http://169.254.169.254/latest/meta-data/")) {
        ImageFetcher.Refused e = assertThrows(ImageFetcher.Refused.class, () -> f.fetch(url), url);
        assertTrue(e.getMessage().contains("not a public address"), e.getMessage());
      }
      // The connection checks the port as well: past a check that lets everything through.
      ImageFetcher checkedAtTheConnectionOnly = new ImageFetcher(lifted, connections, 1024);
      for (String scheme : List.of("http", "https")) {
        ImageFetcher.Refused e =
            assertThrows(
                ImageFetcher.Refused.class,
                () -> checkedAtTheConnectionOnly.fetch(scheme + "://127.0.0.1:" + otherPort + "/"),
                scheme);
        // https: the checking socket's connect; http: the name resolved for the socket
        assertTrue(
            e.getMessage()
                .contains(
                    scheme.equals("https")
                        ? "the connection would go to 127.0.0.1"
                        : "127.0.0.1 is 127.0.0.1"),
            e.getMessage());
      }
      assertTrue(otherRequests.isEmpty(), "the other service got no request: " + otherRequests);
      assertEquals(1, allowedRequests.size());
    } finally {
      allowed.stop(0);
      other.stop(0);
    }
  }
}
