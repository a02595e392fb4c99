package io.junction.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private final ClientAddress none = new ClientAddress(" ");
  private final ClientAddress proxied = new ClientAddress("10.0.0.5, 10.0.0.6");

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
    assertEquals("203.0.113.7", none.of("203.0.113.7", List.of("198.51.100.1")));
    assertEquals("203.0.113.7", none.of("203.0.113.7", List.of()));
  }

  @Test
  void theHeaderOfAnUntrustedPeerIsIgnored() {
    assertEquals("203.0.113.7", proxied.of("203.0.113.7", List.of("198.51.100.1")));
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    assertEquals("198.51.100.1", proxied.of("10.0.0.5", List.of("198.51.100.1")));
    // The client wrote the left-most entries itself: they cannot choose its key.
    assertEquals("198.51.100.1", proxied.of("10.0.0.5", List.of("1.1.1.1, 2.2.2.2, 198.51.100.1")));
    assertEquals(
        "198.51.100.1", proxied.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.1, 10.0.0.6")));
    assertEquals("198.51.100.1", proxied.of("10.0.0.5", List.of("6.6.6.6", "198.51.100.1")));
  }

  @Test
  void aTrustedProxyWithoutTheHeaderIsItselfTheClient() {
    assertEquals("10.0.0.5", proxied.of("10.0.0.5", List.of()));
    assertEquals("10.0.0.5", proxied.of("10.0.0.5", List.of(" , ")));
    assertEquals("10.0.0.6", proxied.of("10.0.0.5", List.of("10.0.0.6")));
  }

  @Test
  void ipv6ClientsAreKeyedByTheirSlash64() {
    assertEquals("2001:db8:1:2::/64", none.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", List.of()));
    assertEquals("2001:db8:1:2::/64", ClientAddress.key("2001:DB8:1:2::1"));
    assertEquals("2001:db8:1:2::/64", ClientAddress.key("[2001:db8:1:2::9]:443"));
    assertEquals("fe80:0:0:0::/64", ClientAddress.key("fe80::1%eth0"));
    assertEquals("0:0:0:0::/64", ClientAddress.key("0:0:0:0:0:0:0:1"));
    assertEquals("192.0.2.1", ClientAddress.key("::ffff:192.0.2.1"));
  }

  @Test
  void portsAreDroppedAndOddValuesKeptShort() {
    assertEquals("192.0.2.1", ClientAddress.key("192.0.2.1:51000"));
    assertEquals("192.0.2.1", ClientAddress.key(" 192.0.2.1 "));
    assertEquals("unknown", ClientAddress.key(null));
    assertEquals("unknown", ClientAddress.key(""));
    assertEquals("not:an:address", ClientAddress.key("not:an:address"));
    assertEquals(ClientAddress.MAX_KEY_LENGTH, ClientAddress.key("x".repeat(500)).length());
  }

  @Test
  void theRecordedAddressIsTheSameClientButAWholeIpv6Address() {
    assertEquals(
        "2001:db8:1:2:aaaa:bbbb:cccc:dddd",
        none.address("2001:db8:1:2:aaaa:bbbb:cccc:dddd", List.of("198.51.100.1")));
    assertEquals("2001:db8:1:2:0:0:0:9", none.address("[2001:db8:1:2::9]:443", List.of()));
    assertEquals("198.51.100.1", proxied.address("10.0.0.5", List.of("6.6.6.6, 198.51.100.1")));
    assertEquals("203.0.113.7", proxied.address("203.0.113.7", List.of("198.51.100.1")));
    assertEquals("192.0.2.1", none.address("192.0.2.1:51000", List.of()));
    assertEquals("unknown", none.address(null, List.of()));
  }
}
