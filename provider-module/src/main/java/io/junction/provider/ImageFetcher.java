package io.junction.provider;

import io.junction.api.UserAction;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.SiteNamedHttp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fetches an image a site names in a user action (a {@code mediaItems} entry), to upload it to a
 * network: an http or https URL whose host passes {@link PublicAddresses} (so {@code
 * junction.provider.allow-private-addresses} decides as it does for OpenID Connect discovery),
 * checked when the URL is read and again on the address the connection actually uses, as it
 * connects ({@link SiteNamedHttp}, as for {@code oidc-<name>} issuers: a name that resolves to a
 * private address the second time, DNS rebinding, gets no connection); no redirect followed, at
 * most {@code junction.social.image-max-bytes} (5 MiB by default), and only JPEG, PNG, GIF or WebP,
 * by the declared type and by the bytes alike.
 *
 * <p>Where {@code junction.provider.allow-private-addresses} lifts the rule (a test server whose
 * networks are stand-ins on loopback), {@code junction.social.image-private-endpoints} narrows it
 * for images: a non-public address is fetched from only at one of those endpoints (an address
 * literal and a port each, {@code 127.0.0.1:19091}, {@code [::1]:19091}), and any other is refused
 * as in production.
 */
@ApplicationScoped
public class ImageFetcher {

  /** The setting that caps an image's size in bytes. */
  public static final String MAX_BYTES = "junction.social.image-max-bytes";

  static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

  /**
   * The setting that narrows a lifted address rule for images to a few endpoints ({@code
   * address:port}, comma-separated).
   */
  public static final String PRIVATE_ENDPOINTS = "junction.social.image-private-endpoints";

  private static final Logger LOG = Logger.getLogger(ImageFetcher.class.getName());

  private static final Map<String, String> TYPES =
      Map.of(
          "image/jpeg", "jpeg",
          "image/jpg", "jpeg",
          "image/pjpeg", "jpeg",
          "image/png", "png",
          "image/gif", "gif",
          "image/webp", "webp");

  /** An image URL that is refused; the message is safe to show the caller. */
  public static final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  @Inject PublicAddresses addresses;
  private ProviderHttp http;
  private SiteNamedHttp siteNamed;
  private int maxBytes = DEFAULT_MAX_BYTES;

  /** For CDI. */
  public ImageFetcher() {}

  /** A fetcher with its parts (tests). */
  public ImageFetcher(PublicAddresses addresses, ProviderHttp http, int maxBytes) {
    this.addresses = addresses;
    this.http = http;
    this.maxBytes = maxBytes;
  }

  /** The connections: those of site-named URLs, checked as they connect. */
  @Inject
  void connections(SiteNamedHttp siteNamed) {
    this.siteNamed = siteNamed;
    this.http = siteNamed;
  }

  @PostConstruct
  void configure() {
    var config = ConfigProvider.getConfig();
    maxBytes = config.getOptionalValue(MAX_BYTES, Integer.class).orElse(DEFAULT_MAX_BYTES);
    List<String> endpoints =
        config.getOptionalValues(PRIVATE_ENDPOINTS, String.class).orElse(List.of());
    if (!endpoints.isEmpty() && addresses.allowsPrivate()) {
      addresses = addresses.liftedOnlyAt(endpoints(endpoints));
      http = siteNamed.ruledBy(addresses);
    }
  }

  /**
   * The endpoints of {@value #PRIVATE_ENDPOINTS}: {@code a.b.c.d:port} or {@code [v6]:port},
   * address literals only (no name is resolved); an entry that is neither is left out, with a
   * warning, which only narrows the rule further.
   */
  static List<InetSocketAddress> endpoints(List<String> entries) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      InetSocketAddress endpoint = endpoint(entry);
      if (endpoint == null) {
        LOG.warning(
            () ->
                PRIVATE_ENDPOINTS
                    + ": "
                    + entry
                    + " is not an address literal and a port (127.0.0.1:8080, [::1]:8080);"
                    + " left out");
      } else {
        out.add(endpoint);
      }
    }
    return out;
  }

  private static InetSocketAddress endpoint(String entry) {
    int colon = entry.lastIndexOf(':');
    if (colon <= 0 || !entry.substring(colon + 1).matches("[0-9]{1,5}")) {
      return null;
    }
    int port = Integer.parseInt(entry.substring(colon + 1));
    String host = entry.substring(0, colon);
    if (port < 1 || port > 0xffff) {
      return null;
    }
    try {
      if (host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
        String[] parts = host.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            return null;
          }
          b[i] = (byte) octet;
        }
        return new InetSocketAddress(InetAddress.getByAddress(b), port);
      }
      if (host.matches("\\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]")) {
        // a bracketed literal: parsed, never looked up (an invalid one is refused)
        return new InetSocketAddress(InetAddress.getByName(host), port);
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }

  /**
   * The image at {@code url}.
   *
   * @throws Refused when the URL, its address, its answer, its size or its type is refused
   * @throws io.junction.api.ProviderException when it cannot be reached
   */
  public UserAction.Image fetch(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new Refused("must be an http or https URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("may not carry user information");
    }
    try {
      addresses.check(uri);
    } catch (PublicAddresses.Refused e) {
      throw new Refused(e.getMessage());
    }
    ProviderHttp.Bytes answer;
    try {
      answer = http.getBytes("image", uri.toString(), maxBytes);
    } catch (PublicAddresses.Refused e) {
      throw new Refused(e.getMessage());
    }
    if (answer.status() >= 300 && answer.status() < 400) {
      throw new Refused("answered a redirect, which is not followed");
    }
    if (!answer.ok()) {
      throw new Refused("answered HTTP " + answer.status());
    }
    if (answer.truncated()) {
      throw new Refused("is larger than " + maxBytes + " bytes");
    }
    String declared = answer.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
    String kind = TYPES.get(declared);
    if (kind == null) {
      throw new Refused("is not an image (JPEG, PNG, GIF or WebP)");
    }
    if (!kind.equals(sniff(answer.body()))) {
      throw new Refused("does not hold the image its type says");
    }
    String type = kind.equals("jpeg") ? "image/jpeg" : "image/" + kind;
    return new UserAction.Image(uri.toString(), type, answer.body());
  }

  /** The image format the bytes begin with, or null. */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "jpeg";
    }
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a) {
      return "png";
    }
    if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "gif";
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "webp";
    }
    return null;
  }
}
