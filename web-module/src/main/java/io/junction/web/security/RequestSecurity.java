package io.junction.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a call came over HTTPS. Only two things decide: the connection itself (TLS to this
 * server), or a reverse proxy listed in {@code junction.trusted-proxies} (comma-separated IP
 * addresses; none by default) that terminated TLS and says so in {@code X-Forwarded-Proto}.
 *
 * <p>A client cannot claim HTTPS: {@code X-Forwarded-Proto} from any other address is ignored, and
 * the server is configured not to believe the WebSphere plug-in's private headers ({@code $WSIS},
 * {@code $WSSC}, {@code $WSRA}, ...) from anyone. As a second guard, a request that carries such a
 * header and does not come from a trusted proxy is never taken as HTTPS, even if the server had
 * been configured to believe it.
 */
@ApplicationScoped
public class RequestSecurity {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final TrustedProxies trusted;

  @Inject
  public RequestSecurity(
      @ConfigProperty(name = "junction.trusted-proxies", defaultValue = " ")
          String trustedProxies) {
    this.trusted = trustedProxies(trustedProxies);
  }

  /**
   * The addresses and networks of {@code junction.trusted-proxies} (comma-separated): the one
   * reading of the setting for everything that believes a proxy.
   */
  public static TrustedProxies trustedProxies(String setting) {
    return TrustedProxies.parse(setting);
  }

  /** Whether a text is an IPv4 or IPv6 literal (so parsing it looks up no name). */
  static boolean isIpLiteral(String a) {
    return IPV4.matcher(a).matches() || IPV6.matcher(a).matches();
  }

  /** An address as the trusted-proxy list holds it. */
  public static String normalized(String address) {
    return normalizeAddress(address.trim());
  }

  protected RequestSecurity() {
    this.trusted = TrustedProxies.none();
  }

  /** As {@link #secure(boolean, String, String, boolean)} for a call without private headers. */
  public boolean secure(boolean connectionSecure, String remoteAddress, String forwardedProto) {
    return secure(connectionSecure, remoteAddress, forwardedProto, false);
  }

  /**
   * Whether the call reached Junction over HTTPS.
   *
   * @param connectionSecure whether the connection to this server is TLS, as the servlet container
   *     reports it
   * @param remoteAddress the peer's IP address
   * @param forwardedProto the {@code X-Forwarded-Proto} header, or null
   * @param privateHeaders whether the request carries a WebSphere plug-in private header ({@code
   *     $WS...})
   */
  public boolean secure(
      boolean connectionSecure,
      String remoteAddress,
      String forwardedProto,
      boolean privateHeaders) {
    boolean fromProxy = remoteAddress != null && trusted.contains(normalizeAddress(remoteAddress));
    if (fromProxy && forwardedProto != null && !forwardedProto.isBlank()) {
      // A chain of proxies appends: the last value is the one the trusted proxy itself saw.
      String[] values = forwardedProto.split(",");
      return values[values.length - 1].trim().equalsIgnoreCase("https");
    }
    if (privateHeaders && !fromProxy) {
      return false;
    }
    return connectionSecure;
  }

  /** Whether a header name is one of the WebSphere plug-in's private headers. */
  public static boolean isPrivateHeader(String name) {
    return name != null && name.startsWith("$");
  }

  /** One spelling per address, so that "::1" and "0:0:0:0:0:0:0:1" are the same proxy. */
  static String normalizeAddress(String address) {
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (!IPV4.matcher(a).matches() && !IPV6.matcher(a).matches()) {
      return a.toLowerCase(Locale.ROOT);
    }
    try {
      // An IP literal: parsed without any name lookup.
      return InetAddress.getByName(a).getHostAddress();
    } catch (UnknownHostException | SecurityException e) {
      return a.toLowerCase(Locale.ROOT);
    }
  }
}
