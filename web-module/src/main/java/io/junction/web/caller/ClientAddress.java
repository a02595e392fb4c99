package io.junction.web.caller;

import io.junction.web.security.RequestSecurity;
import io.junction.web.security.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client a request comes from, as the key of per-client limits.
 *
 * <p>It is the peer of the connection, unless that peer is a reverse proxy listed in {@code
 * junction.trusted-proxies}: then it is the right-most address of {@code X-Forwarded-For} that is
 * not such a proxy. Addresses further left were written by the client itself and prove nothing, so
 * a client cannot choose its key by sending the header. An IPv6 client is keyed by its /64 network,
 * since one host commonly holds a whole /64 and could otherwise take a new address per request.
 */
@ApplicationScoped
public class ClientAddress {

  /** The longest key kept; anything longer is not an address and is cut. */
  static final int MAX_KEY_LENGTH = 64;

  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final TrustedProxies trustedProxies;

  @Inject
  public ClientAddress(
      @ConfigProperty(name = "junction.trusted-proxies", defaultValue = " ")
          String trustedProxies) {
    this.trustedProxies = RequestSecurity.trustedProxies(trustedProxies);
  }

  protected ClientAddress() {
    this.trustedProxies = TrustedProxies.none();
  }

  /** The key of the client of this request. */
  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /**
   * The address of the client of this request, as a record of who called (the audit log): the same
   * client as {@link #of}, but a whole IPv6 address rather than its /64.
   */
  public String address(HttpServletRequest request) {
    return address(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /**
   * The key of the client, from the connection's peer and the {@code X-Forwarded-For} header lines
   * in the order they came.
   */
  String of(String peer, List<String> forwardedFor) {
    return key(client(peer, forwardedFor));
  }

  /** The address of the client, from the peer and the {@code X-Forwarded-For} lines. */
  String address(String peer, List<String> forwardedFor) {
    String a = plain(client(peer, forwardedFor));
    if (IPV6_LITERAL.matcher(a).matches()) {
      try {
        return InetAddress.getByName(a).getHostAddress();
      } catch (UnknownHostException e) {
        // Not an address after all: kept as written.
      }
    }
    return a.length() > MAX_KEY_LENGTH ? a.substring(0, MAX_KEY_LENGTH) : a;
  }

  /** The hop that is the client: the peer, or the right-most one no trusted proxy wrote. */
  private String client(String peer, List<String> forwardedFor) {
    if (peer == null
        || !trustedProxies.contains(RequestSecurity.normalized(peer))
        || forwardedFor == null) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String line : forwardedFor) {
      for (String hop : line.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trustedProxies.contains(RequestSecurity.normalized(hops.get(i)))) {
        return hops.get(i);
      }
    }
    // Every hop is a trusted proxy: the first of them is as far back as is known.
    return hops.isEmpty() ? peer : hops.get(0);
  }

  /**
   * The key of one address: IPv4 as written (without a port), IPv6 as its /64 network, anything
   * else (which a trusted proxy may have written) as written, cut to {@value #MAX_KEY_LENGTH}.
   */
  static String key(String address) {
    String a = plain(address);
    if (IPV6_LITERAL.matcher(a).matches()) {
      try {
        // A literal with a colon is parsed, never looked up in DNS.
        InetAddress parsed = InetAddress.getByName(a);
        if (parsed instanceof Inet6Address) {
          byte[] b = parsed.getAddress();
          return String.format(
                  "%x:%x:%x:%x",
                  ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                  ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                  ((b[4] & 0xff) << 8) | (b[5] & 0xff),
                  ((b[6] & 0xff) << 8) | (b[7] & 0xff))
              + "::/64";
        }
        return parsed.getHostAddress();
      } catch (UnknownHostException e) {
        // Not an address after all: keyed as written.
      }
    }
    return a.length() > MAX_KEY_LENGTH ? a.substring(0, MAX_KEY_LENGTH) : a;
  }

  /** An address without brackets, IPv4 port or IPv6 zone; "unknown" when there is none. */
  private static String plain(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    String a = address.trim();
    if (a.startsWith("[")) {
      int close = a.indexOf(']');
      a = close > 0 ? a.substring(1, close) : a.substring(1);
    } else if (a.indexOf(':') == a.lastIndexOf(':') && a.indexOf(':') > 0 && a.contains(".")) {
      a = a.substring(0, a.indexOf(':'));
    }
    int zone = a.indexOf('%');
    return zone >= 0 ? a.substring(0, zone) : a;
  }
}
