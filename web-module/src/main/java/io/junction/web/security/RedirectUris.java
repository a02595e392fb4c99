package io.junction.web.security;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.site.HostNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The redirect_uri rules (RFC 9700): an absolute https URL (http only to the loopback host), with
 * no user info, fragment, backslash, white space or control character, and no port but a number
 * from 1 to 65535. When the site registered exact redirect URIs, it must be one of them, character
 * for character, and nothing else is compared; otherwise its host, compared after normalisation,
 * must be one of the site's domains or a subdomain of one. Anything else is 400011, and Junction
 * never redirects to it.
 */
public final class RedirectUris {

  private static final int MAX_LENGTH = 2048;

  private RedirectUris() {}

  /** {@code raw} checked against the site's domains (a site that registered no exact URI). */
  public static String validate(String raw, List<String> siteDomains) {
    return validate(raw, siteDomains, List.of());
  }

  /**
   * {@code raw} checked: with {@code registered} URIs, an exact string match of one of them (no
   * normalisation: a registered URI is kept as the administrator wrote it, so another case, port,
   * path, query or encoding is another URI); without, a URL on one of {@code siteDomains}.
   *
   * @return {@code raw}, unchanged
   */
  public static String validate(String raw, List<String> siteDomains, List<String> registered) {
    if (raw == null || raw.isEmpty()) {
      throw GigyaException.missing("redirect_uri");
    }
    if (raw.length() > MAX_LENGTH) {
      throw invalid("longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' || c <= 0x20 || c == 0x7f || Character.isISOControl(c)) {
        throw invalid("contains a backslash, white space or a control character");
      }
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw invalid("not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
      throw invalid("not an absolute URL");
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
      throw invalid("user info is not allowed");
    }
    if (uri.getRawFragment() != null) {
      throw invalid("a fragment is not allowed");
    }
    checkPort(uri.getRawAuthority());
    String host = uri.getHost();
    if (host == null) {
      throw invalid("no host");
    }
    // An IPv6 literal is no host name: it never normalises to one, nor matches a site's domain.
    String normalized = host.startsWith("[") ? null : HostNames.normalize(host).orElse(null);
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    if (scheme.equals("http")) {
      if (!loopback) {
        throw invalid("must use https");
      }
    } else if (!scheme.equals("https")) {
      throw invalid("must use https");
    }
    if (normalized == null && !host.equals("[::1]")) {
      throw invalid("the host is not a valid host name");
    }
    if (!registered.isEmpty()) {
      if (registered.contains(raw)) {
        return raw;
      }
      throw invalid("is not one of the site's registered redirect URIs");
    }
    String compared = normalized == null ? host : normalized;
    for (String domain : siteDomains) {
      if (HostNames.within(compared, domain)) {
        return raw;
      }
    }
    throw invalid("the host " + compared + " is not one of the site's domains");
  }

  /**
   * The port, when the authority names one (after the host, or after an IPv6 literal's closing
   * bracket): 1 to 65535 in decimal digits. An empty port ({@code host:}) is refused too, so that
   * one URL is never written two ways.
   */
  private static void checkPort(String authority) {
    int colon = authority.indexOf(':', authority.lastIndexOf(']') + 1);
    if (colon < 0) {
      return;
    }
    String port = authority.substring(colon + 1);
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("has a port that is not a number from 1 to 65535");
    }
    int number = Integer.parseInt(port);
    if (number < 1 || number > 65535) {
      throw invalid("has a port that is not a number from 1 to 65535");
    }
  }

  private static GigyaException invalid(String why) {
    return new GigyaException(ErrorCode.INVALID_REDIRECT_URI, "redirect_uri " + why);
  }

  /**
   * Appends parameters to a validated redirect URI: in the query (keeping the one it has) or, for
   * the implicit flow, in the fragment.
   */
  public static String append(String redirectUri, Map<String, String> params, boolean inFragment) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach(
        (k, v) -> {
          if (v != null) {
            joined.add(enc(k) + "=" + enc(v));
          }
        });
    if (inFragment) {
      return redirectUri + "#" + joined;
    }
    return redirectUri + (redirectUri.contains("?") ? "&" : "?") + joined;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
