package io.junction.provider;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address rule for a URL that Junction fetches because someone else named it (an OpenID Connect
 * issuer, the endpoints of its discovery document): its host must resolve, and every address it
 * resolves to must be public. Refused are loopback (127.0.0.0/8, ::1), link-local (169.254.0.0/16,
 * fe80::/10), private (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, the shared 100.64.0.0/10), unique
 * local (fc00::/7), site-local (fec0::/10), unspecified (0.0.0.0/8, ::), multicast, reserved and
 * documentation addresses, and the IPv6 forms that carry an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo) when that address is one of these. A
 * host with one public and one private address is refused.
 *
 * <p>Names are resolved when the check is made: check right before each use, never once at
 * configuration time only, since what a name resolves to may change; and since it may change
 * between the check and the connection (DNS rebinding), the connection checks the address it
 * actually uses too ({@link #checkPeer}; see {@code provider.support.SiteNamedHttp}).
 *
 * <p>{@code junction.provider.allow-private-addresses=true} (MicroProfile Config, default false)
 * lifts the rule for servers whose providers are stand-ins on loopback (the integration tests);
 * with it, {@link #checkHttps} also accepts plain http on a host that resolves to loopback only.
 * Never set it in production. {@link #liftedOnlyAt} narrows the lifted rule to a few endpoints (an
 * address and a port each) for one kind of fetch: the images of user actions.
 */
@ApplicationScoped
public class PublicAddresses {

  /** The setting that lifts the rule. */
  public static final String ALLOW_PRIVATE = "junction.provider.allow-private-addresses";

  /** Why a URL was refused. */
  public enum Reason {
    /** No host, or not a URL at all. */
    MALFORMED,
    /** Not https where https is required. */
    INSECURE,
    /** The host does not resolve. */
    UNRESOLVED,
    /** The host is, or resolves to, an address that is not public. */
    NOT_PUBLIC
  }

  /** A URL the rule refuses; the message is safe to show (host and address, nothing secret). */
  public static final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public Refused(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Resolves a host name (or an address literal) to its addresses. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private boolean allowPrivate;
  private Resolver resolver = InetAddress::getAllByName;

  /** The non-public endpoints (address and port) a narrowed rule allows; none otherwise. */
  private Set<InetSocketAddress> privateEndpoints = Set.of();

  /** For CDI, which reads {@value #ALLOW_PRIVATE}. */
  public PublicAddresses() {}

  /** The rule with the system's resolver; {@code allowPrivate} lifts it. */
  public PublicAddresses(boolean allowPrivate) {
    this(allowPrivate, InetAddress::getAllByName);
  }

  /** The rule with another resolver (tests). */
  public PublicAddresses(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  @PostConstruct
  void configure() {
    allowPrivate =
        ConfigProvider.getConfig().getOptionalValue(ALLOW_PRIVATE, Boolean.class).orElse(false);
  }

  /**
   * This rule, narrowed where it is lifted: a non-public address passes only as one of {@code
   * endpoints} (the address a connection goes to and its port), any other is refused as if the rule
   * were not lifted, and so is plain http where https is required. Where the rule is not lifted,
   * this rule itself: the endpoints never widen it.
   */
  public PublicAddresses liftedOnlyAt(Collection<InetSocketAddress> endpoints) {
    if (!allowPrivate) {
      return this;
    }
    PublicAddresses narrowed = new PublicAddresses(false, resolver);
    narrowed.privateEndpoints = Set.copyOf(endpoints);
    return narrowed;
  }

  /** Whether {@value #ALLOW_PRIVATE} lifts the rule. */
  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /**
   * The addresses {@code url}'s host resolves to, every one of them public (unless the rule is
   * lifted).
   *
   * @throws Refused MALFORMED without a host, UNRESOLVED when the host does not resolve, NOT_PUBLIC
   *     when an address is not public
   */
  public List<InetAddress> check(URI url) {
    String host = host(url);
    int port = url.getPort() >= 0 ? url.getPort() : defaultPort(url.getScheme());
    InetAddress[] all;
    try {
      all = resolver.resolve(host);
    } catch (UnknownHostException | SecurityException e) {
      throw new Refused(Reason.UNRESOLVED, host + " cannot be resolved");
    }
    if (all == null || all.length == 0) {
      throw new Refused(Reason.UNRESOLVED, host + " cannot be resolved");
    }
    if (!allowPrivate) {
      for (InetAddress a : all) {
        if (!isPublic(a) && !allowedAt(a, port)) {
          throw new Refused(
              Reason.NOT_PUBLIC,
              host + " is " + a.getHostAddress() + ", which is not a public address");
        }
      }
    }
    return List.of(all);
  }

  /**
   * The check of an address a connection is about to use (or uses), whatever name it came from:
   * refused unless public (or the rule is lifted).
   *
   * @throws Refused NOT_PUBLIC when {@code address} is not public
   */
  public void checkPeer(InetAddress address) {
    checkPeer(address, -1);
  }

  /**
   * {@link #checkPeer(InetAddress)} of a connection to {@code port}, which a narrowed rule ({@link
   * #liftedOnlyAt}) may allow at a non-public address.
   *
   * @throws Refused NOT_PUBLIC when {@code address} is not public, nor allowed with this port
   */
  public void checkPeer(InetAddress address, int port) {
    if (!allowPrivate && (address == null || (!isPublic(address) && !allowedAt(address, port)))) {
      throw new Refused(
          Reason.NOT_PUBLIC,
          "the connection would go to "
              + (address == null ? "an unknown address" : address.getHostAddress())
              + ", which is not a public address");
    }
  }

  /**
   * {@link #check} for a URL that must be https; plain http passes only when the rule is lifted and
   * the host resolves to loopback addresses only.
   *
   * @throws Refused INSECURE for another scheme, else as {@link #check}
   */
  public List<InetAddress> checkHttps(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return check(url);
    }
    if (scheme.equals("http") && allowPrivate) {
      try {
        List<InetAddress> all = check(url);
        if (all.stream().allMatch(InetAddress::isLoopbackAddress)) {
          return all;
        }
      } catch (Refused e) {
        if (e.reason() == Reason.MALFORMED) {
          throw e;
        }
      }
      throw new Refused(Reason.INSECURE, "must be https (plain http only on a loopback host)");
    }
    host(url);
    throw new Refused(Reason.INSECURE, "must be https");
  }

  /** Whether a narrowed rule allows this non-public address with this port. */
  private boolean allowedAt(InetAddress address, int port) {
    return port >= 0
        && port <= 0xffff
        && !privateEndpoints.isEmpty()
        && privateEndpoints.contains(new InetSocketAddress(address, port));
  }

  private static int defaultPort(String scheme) {
    String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    return s.equals("https") ? 443 : s.equals("http") ? 80 : -1;
  }

  /** The URL's host, without the brackets of an IPv6 literal. */
  private static String host(URI url) {
    String host = url == null ? null : url.getHost();
    if (host == null || host.isEmpty()) {
      throw new Refused(Reason.MALFORMED, "has no host");
    }
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** Whether {@code a} is a public unicast address (see the class description). */
  public static boolean isPublic(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if ((b0 & 0xfe) == 0xfc) {
      return false; // fc00::/7, unique local
    }
    if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return isPublicV4(slice(b, 12)); // ::ffff:a.b.c.d, IPv4-mapped
    }
    if (zeros(b, 0, 12)) {
      return isPublicV4(slice(b, 12)); // ::a.b.c.d, IPv4-compatible
    }
    if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      // 64:ff9b::/96 carries an IPv4 address through NAT64; 64:ff9b:1::/48 is for local use
      return zeros(b, 4, 12) && isPublicV4(slice(b, 12));
    }
    if (b0 == 0x20 && b1 == 0x02) {
      return isPublicV4(slice(b, 2)); // 2002::/16, 6to4
    }
    if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) {
      byte[] client = slice(b, 12); // 2001::/32, Teredo: the client's address, inverted
      for (int i = 0; i < 4; i++) {
        client[i] = (byte) ~client[i];
      }
      return isPublicV4(slice(b, 4)) && isPublicV4(client);
    }
    if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
      return false; // 2001:db8::/32, documentation
    }
    if (b0 == 0x01 && b1 == 0x00 && zeros(b, 2, 8)) {
      return false; // 100::/64, discard-only
    }
    return true;
  }

  private static boolean isPublicV4(byte[] b) {
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    int b2 = b[2] & 0xff;
    return !(b0 == 0 // 0.0.0.0/8, this network (0.0.0.0 is every local address)
        || b0 == 10 // 10.0.0.0/8
        || b0 == 127 // 127.0.0.0/8, loopback
        || (b0 == 100 && (b1 & 0xc0) == 64) // 100.64.0.0/10, shared (carrier-grade NAT)
        || (b0 == 169 && b1 == 254) // 169.254.0.0/16, link-local (cloud metadata services)
        || (b0 == 172 && (b1 & 0xf0) == 16) // 172.16.0.0/12
        || (b0 == 192 && b1 == 168) // 192.168.0.0/16
        || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // 192.0.0.0/24, 192.0.2.0/24
        || (b0 == 198 && (b1 & 0xfe) == 18) // 198.18.0.0/15, benchmarking
        || (b0 == 198 && b1 == 51 && b2 == 100) // 198.51.100.0/24, documentation
        || (b0 == 203 && b1 == 0 && b2 == 113) // 203.0.113.0/24, documentation
        || b0 >= 224); // multicast, reserved, broadcast
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] slice(byte[] b, int from) {
    return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
  }
}
