package io.junction.web.site;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names as Junction compares them: ASCII (IDNA), lower case, without a trailing dot. A
 * registered domain covers itself and its subdomains.
 */
public final class HostNames {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private HostNames() {}

  /** The normal form of a host name, or empty when it is not one (no scheme, port or path). */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String host = raw.trim();
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.length() > 253) {
      return Optional.empty();
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (host.isEmpty() || host.length() > 253) {
      return Optional.empty();
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(host);
  }

  /** Whether {@code host} (normalised) is {@code domain} or one of its subdomains. */
  public static boolean within(String host, String domain) {
    return host.equals(domain)
        || (host.length() > domain.length()
            && host.endsWith(domain)
            && host.charAt(host.length() - domain.length() - 1) == '.');
  }
}
