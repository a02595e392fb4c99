package io.junction.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reverse proxies of {@code junction.trusted-proxies}: comma-separated addresses, and networks
 * in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) for proxies whose addresses change, as an
 * ingress controller's pods in a cluster do. Entries are IP literals; a network's prefix length
 * must fit its family (0 to 32, 0 to 128), else the entry is ignored.
 */
public final class TrustedProxies {

  private record Network(byte[] prefix, int bits) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (prefix[whole] & mask);
    }
  }

  private final Set<String> addresses;
  private final List<Network> networks;

  private TrustedProxies(Set<String> addresses, List<Network> networks) {
    this.addresses = Set.copyOf(addresses);
    this.networks = List.copyOf(networks);
  }

  /** None: no proxy is believed. */
  public static TrustedProxies none() {
    return new TrustedProxies(Set.of(), List.of());
  }

  /** Reads the setting. */
  public static TrustedProxies parse(String setting) {
    Set<String> addresses = new HashSet<>();
    List<Network> networks = new ArrayList<>();
    for (String raw : (setting == null ? "" : setting).split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      if (slash < 0) {
        addresses.add(RequestSecurity.normalizeAddress(entry));
        continue;
      }
      byte[] prefix = literal(entry.substring(0, slash));
      int bits;
      try {
        bits = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (prefix != null && bits >= 0 && bits <= prefix.length * 8) {
        networks.add(new Network(prefix, bits));
      }
    }
    return new TrustedProxies(addresses, networks);
  }

  /** Whether an address (as {@link RequestSecurity#normalized} gives it) is a trusted proxy. */
  public boolean contains(String address) {
    if (address == null) {
      return false;
    }
    if (addresses.contains(address)) {
      return true;
    }
    if (networks.isEmpty()) {
      return false;
    }
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Network n : networks) {
      if (n.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** The bytes of an IP literal (IPv4 or IPv6, never a name to look up), or null. */
  static byte[] literal(String text) {
    String a = text.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (!RequestSecurity.isIpLiteral(a)) {
      return null;
    }
    try {
      byte[] b = InetAddress.getByName(a).getAddress();
      return b.length == 16 && isMappedIpv4(b) ? Arrays.copyOfRange(b, 12, 16) : b;
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  private static boolean isMappedIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  @Override
  public String toString() {
    return (addresses + " " + networks.size() + " networks").toLowerCase(Locale.ROOT);
  }
}
