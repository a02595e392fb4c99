package io.junction.web.oauth;

import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.ApiCall;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * socialize.login reached over plain HTTP is sent to the same request over HTTPS first, before
 * anything is read from the flow or written: the browser cookie the flow sets is a Secure {@code
 * __Host-} cookie, which a browser refuses over plain HTTP, so the flow would break at its
 * callback.
 *
 * <p>The HTTPS address is the site's CNAME when the browser came through it (the Host header names
 * the CNAME of the site of {@code client_id}), else Junction's public URL: never another host taken
 * from the request. When the public URL itself is plain http (a local server) nothing changes.
 */
@ApplicationScoped
public class HttpsFirst {

  @Inject JunctionConfig config;
  @Inject SiteService sites;

  /**
   * Where to send a first leg first: the same path and query over HTTPS when it came over plain
   * HTTP and the public URL is https; empty otherwise.
   *
   * @param path the request's path below the application's root, as it came
   * @param rawQuery the request's query string as it came, or null
   */
  public Optional<String> httpsLocation(ApiCall call, String path, String rawQuery) {
    if (call.secure() || !isHttps(config.publicUrl())) {
      return Optional.empty();
    }
    String apiKey = call.paramOrNull("client_id");
    String cname = apiKey == null ? null : sites.find(apiKey.trim()).map(Site::cname).orElse(null);
    return Optional.of(location(config.publicUrl(), call.hostHeader(), cname, path, rawQuery));
  }

  /**
   * The HTTPS form of a request: on {@code https://<cname>} when the Host header names the site's
   * CNAME, else on the public URL.
   */
  static String location(
      String publicUrl, String hostHeader, String cname, String path, String rawQuery) {
    String host = hostName(hostHeader);
    String base =
        cname != null && host != null && host.equals(normalized(cname))
            ? "https://" + normalized(cname)
            : publicUrl;
    String p = path == null ? "" : path;
    return base + (p.startsWith("/") ? "" : "/") + p + (rawQuery == null ? "" : "?" + rawQuery);
  }

  private static boolean isHttps(String url) {
    return url.regionMatches(true, 0, "https://", 0, 8);
  }

  /** The host name of a Host header, lower case, without port or trailing dot; null if none. */
  static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank() || hostHeader.startsWith("[")) {
      return null;
    }
    String h = hostHeader.trim();
    int colon = h.indexOf(':');
    return normalized(colon >= 0 ? h.substring(0, colon) : h);
  }

  private static String normalized(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
