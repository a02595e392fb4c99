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
}
