package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static boolean trusts(TrustedProxies p, String address) {
    return p.contains(RequestSecurity.normalized(address));
  }

  @Test
  void exactAddressesAsBefore() {
    TrustedProxies p = TrustedProxies.parse(" 127.0.0.2 , ::1");
    assertTrue(trusts(p, "127.0.0.2"));
    assertTrue(trusts(p, "0:0:0:0:0:0:0:1"), "one spelling per address");
    assertFalse(trusts(p, "127.0.0.3"));
    assertFalse(trusts(TrustedProxies.parse(" "), "127.0.0.2"));
    assertFalse(trusts(TrustedProxies.none(), "127.0.0.2"));
  }

  @Test
  void networksInCidrNotation() {
    TrustedProxies p = TrustedProxies.parse("10.0.0.0/8,192.168.4.0/22,fd00::/8");
    assertTrue(trusts(p, "10.42.7.19"));
    assertTrue(trusts(p, "192.168.7.255"));
    assertFalse(trusts(p, "192.168.8.0"), "outside the /22");
    assertFalse(trusts(p, "11.0.0.1"));
    assertTrue(trusts(p, "fd12:3456::1"));
    assertFalse(trusts(p, "fe80::1"));
    assertTrue(trusts(p, "::ffff:10.1.2.3"), "an IPv4-mapped IPv6 address is its IPv4 address");
    assertFalse(trusts(p, "proxy.internal"), "a name is no address");
  }

  @Test
  void aMalformedNetworkTrustsNothing() {
    TrustedProxies p = TrustedProxies.parse("10.0.0.0/33,10.0.0.0/x,ten.example/8,/8");
    assertFalse(trusts(p, "10.0.0.1"));
    assertTrue(trusts(TrustedProxies.parse("0.0.0.0/0"), "203.0.113.9"), "/0 is every address");
  }
}
