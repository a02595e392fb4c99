package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.provider.PublicAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that resolves to a public address when its URL is checked and to a private
 * one when the call connects gets no connection. A listening socket on loopback stands for the
 * private service the second answer points at: it must never see a connection.
 */
class SiteNamedHttpTest {

  private static final String PUBLIC = "93.184.216.34";

  private ServerSocket privateService;

  @BeforeEach
  void listen() throws IOException {
    privateService = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    privateService.setSoTimeout(300);
  }

  @AfterEach
  void close() throws IOException {
    privateService.close();
  }

  private void assertNothingReachedThePrivateService() {
    assertThrows(
        SocketTimeoutException.class,
        () -> privateService.accept().close(),
        "a connection reached the private address");
  }

  /** A resolver that answers a public address first, then loopback. */
  private static PublicAddresses.Resolver rebinding(AtomicInteger lookups) {
    return host ->
        new InetAddress[] {
          lookups.getAndIncrement() == 0
              ? InetAddress.getByName(PUBLIC)
              : InetAddress.getLoopbackAddress()
        };
  }

  @Test
  void aSecondPrivateResolutionIsNotConnectedTo() {
    AtomicInteger lookups = new AtomicInteger();
    PublicAddresses rule = new PublicAddresses(false, rebinding(lookups));
    URI issuer = URI.create("https://rebind.example:" + privateService.getLocalPort() + "/");
    assertEquals(PUBLIC, rule.checkHttps(issuer).get(0).getHostAddress(), "the check passes");

    PublicPeersOnly sockets =
        new PublicPeersOnly(HttpsURLConnection.getDefaultSSLSocketFactory(), rule);
    IOException refused =
        assertThrows(
            IOException.class,
            () -> sockets.createSocket("rebind.example", privateService.getLocalPort()));
    assertInstanceOf(PublicAddresses.Refused.class, refused.getCause(), refused.toString());
    assertTrue(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
    assertEquals(2, lookups.get(), "the connection resolved the name itself, once");
    assertNothingReachedThePrivateService();
  }

  @Test
  void theCallChecksTheAddressItConnectsToNotTheNameItChecked() {
    // The rule's resolver says the name is public; the connection resolves it to loopback.
    PublicAddresses rule =
        new PublicAddresses(false, host -> new InetAddress[] {InetAddress.getByName(PUBLIC)});
    SiteNamedHttp http = new SiteNamedHttp(rule);
    String url = "https://localhost:" + privateService.getLocalPort() + "/token";
    rule.checkHttps(URI.create(url));

    ProviderException get =
        assertThrows(ProviderException.class, () -> http.get("oidc", url, Map.of(), null));
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, get.code(), get.getMessage());
    assertTrue(get.getMessage().contains("not a public address"), get.getMessage());
    ProviderException post =
        assertThrows(
            ProviderException.class, () -> http.postForm("oidc", url, Map.of("code", "c")));
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, post.code(), post.getMessage());
    assertNothingReachedThePrivateService();
  }

  @Test
  void aSocketConnectedElsewhereIsNotWrappedInTls() throws IOException {
    PublicAddresses rule =
        new PublicAddresses(false, host -> new InetAddress[] {InetAddress.getByName(PUBLIC)});
    PublicPeersOnly sockets =
        new PublicPeersOnly(HttpsURLConnection.getDefaultSSLSocketFactory(), rule);
    Socket plain = new Socket();
    plain.connect(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), privateService.getLocalPort()));
    Socket accepted = privateService.accept();
    try (accepted) {
      IOException refused =
          assertThrows(
              IOException.class,
              () ->
                  sockets.createSocket(
                      plain, "issuer.example", privateService.getLocalPort(), true));
      assertInstanceOf(PublicAddresses.Refused.class, refused.getCause());
      assertTrue(plain.isClosed(), "the refused socket is closed");
      assertEquals(-1, accepted.getInputStream().read(), "not a byte was sent");
    }
  }

  @Test
  void plainHttpIsRefusedUnderTheRuleAndPrivateAddressesPassWhereItIsLifted() throws IOException {
    PublicAddresses strict =
        new PublicAddresses(false, host -> new InetAddress[] {InetAddress.getByName(PUBLIC)});
    ProviderException insecure =
        assertThrows(
            ProviderException.class,
            () ->
                new SiteNamedHttp(strict)
                    .get(
                        "oidc",
                        "http://localhost:" + privateService.getLocalPort() + "/x",
                        Map.of(),
                        null));
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, insecure.code());
    assertNothingReachedThePrivateService();

    PublicPeersOnly lifted =
        new PublicPeersOnly(
            HttpsURLConnection.getDefaultSSLSocketFactory(), new PublicAddresses(true));
    try (Socket s = lifted.createSocket("localhost", privateService.getLocalPort());
        Socket accepted = privateService.accept()) {
      assertInstanceOf(SSLSocket.class, s);
      assertTrue(accepted.isConnected());
    }
  }
}
