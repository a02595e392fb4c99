package io.junction.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.provider.PublicAddresses.Reason;
import io.junction.provider.PublicAddresses.Refused;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicAddressesTest {

  private static final PublicAddresses STRICT = new PublicAddresses(false);

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** An IPv6 address of these 16 bytes, kept IPv6 (InetAddress would turn a mapped one to IPv4). */
  private static InetAddress v6(String hex) {
    try {
      return Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), null);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static Reason refusal(PublicAddresses rule, String url) {
    return assertThrows(Refused.class, () -> rule.check(URI.create(url)), url).reason();
  }

  @Test
  void everyAddressThatIsNotPublicIsRefusedAsALiteral() {
    for (String literal :
        List.of(
            "127.0.0.1",
            "127.1.2.3",
            "10.0.0.1",
            "10.255.255.255",
            "172.16.0.1",
            "172.31.255.254",
            "192.168.0.1",
            "192.168.255.255",
            "169.254.169.254",
            "100.64.0.1",
            "100.100.100.200",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.10",
            "[::1]",
            "[::]",
            "[fe80::1]",
            "[fc00::1]",
            "[fd12:3456:789a::1]",
            "[fec0::1]",
            "[ff02::1]",
            "[::ffff:127.0.0.1]",
            "[::ffff:10.0.0.1]",
            "[::ffff:169.254.169.254]",
            "[::127.0.0.1]",
            "[64:ff9b::a00:1]",
            "[2002:c0a8:101::1]",
            "[2001:db8::1]")) {
      assertEquals(Reason.NOT_PUBLIC, refusal(STRICT, "https://" + literal + "/issuer"), literal);
    }
  }

  @Test
  void publicAddressesPass() {
    for (String literal :
        List.of(
            "8.8.8.8",
            "1.1.1.1",
            "172.15.255.255",
            "172.32.0.1",
            "192.169.0.1",
            "100.128.0.1",
            "169.253.1.1",
            "11.0.0.1",
            "[2606:4700:4700::1111]",
            "[2a00:1450:4001:80b::200e]",
            "[::ffff:8.8.8.8]",
            "[2002:808:808::1]")) {
      assertEquals(1, STRICT.check(URI.create("https://" + literal + ":8443/x")).size(), literal);
    }
  }

  @Test
  void theIpv6FormsOfAnIpv4AddressAreJudgedByThatAddress() {
    assertFalse(PublicAddresses.isPublic(v6("00000000000000000000ffff7f000001")));
    assertFalse(PublicAddresses.isPublic(v6("00000000000000000000ffffa9fea9fe")));
    assertFalse(PublicAddresses.isPublic(v6("00000000000000000000ffff00000000")));
    assertTrue(PublicAddresses.isPublic(v6("00000000000000000000ffff08080808")));
    assertFalse(PublicAddresses.isPublic(v6("0000000000000000000000000a000001")));
    assertFalse(PublicAddresses.isPublic(v6("0064ff9b00000000000000007f000001")));
    assertTrue(PublicAddresses.isPublic(v6("0064ff9b000000000000000008080808")));
    assertFalse(PublicAddresses.isPublic(v6("0064ff9b000100000000000008080808")));
    // Teredo: server 65.54.227.120, client 127.0.0.1 inverted
    assertFalse(PublicAddresses.isPublic(v6("2001000041369c780000000080fffffe")));
    assertTrue(PublicAddresses.isPublic(v6("2001000041369c7800000000f7f7f7f7")));
  }

  @Test
  void namesAreJudgedByEveryAddressTheyResolveTo() {
    Map<String, InetAddress[]> dns =
        Map.of(
            "idp.example",
            new InetAddress[] {ip("93.184.216.34"), ip("2606:2800:220:1::248")},
            "rebound.example",
            new InetAddress[] {ip("93.184.216.34"), ip("10.0.0.7")},
            "metadata.example",
            new InetAddress[] {ip("169.254.169.254")},
            "v6private.example",
            new InetAddress[] {ip("fd00::5")});
    PublicAddresses rule =
        new PublicAddresses(
            false,
            host -> {
              InetAddress[] found = dns.get(host);
              if (found == null) {
                throw new UnknownHostException(host);
              }
              return found;
            });
    assertEquals(2, rule.check(URI.create("https://idp.example/")).size());
    assertEquals(Reason.NOT_PUBLIC, refusal(rule, "https://rebound.example/"));
    assertEquals(Reason.NOT_PUBLIC, refusal(rule, "https://metadata.example/latest"));
    assertEquals(Reason.NOT_PUBLIC, refusal(rule, "https://v6private.example/"));
    assertEquals(Reason.UNRESOLVED, refusal(rule, "https://nowhere.example/"));
    Refused r =
        assertThrows(Refused.class, () -> rule.check(URI.create("https://rebound.example/")));
    assertTrue(r.getMessage().contains("rebound.example is 10.0.0.7"), r.getMessage());
  }

  @Test
  void localhostThroughTheSystemResolverIsRefused() {
    assertEquals(Reason.NOT_PUBLIC, refusal(STRICT, "https://localhost/"));
    assertEquals(Reason.NOT_PUBLIC, refusal(STRICT, "http://LOCALHOST:8080/x"));
  }

  @Test
  void aUrlWithoutAHostIsRefused() {
    assertEquals(Reason.MALFORMED, refusal(STRICT, "https:///path"));
    assertEquals(Reason.MALFORMED, refusal(STRICT, "mailto:a@b.example"));
    assertEquals(Reason.MALFORMED, refusal(STRICT, "https://under_score.example/"));
  }

  @Test
  void httpsIsRequiredWherePlainHttpWouldDo() {
    Reason insecure =
        assertThrows(Refused.class, () -> STRICT.checkHttps(URI.create("http://8.8.8.8/")))
            .reason();
    assertEquals(Reason.INSECURE, insecure);
    assertEquals(
        Reason.INSECURE,
        assertThrows(Refused.class, () -> STRICT.checkHttps(URI.create("ftp://8.8.8.8/")))
            .reason());
    assertEquals(1, STRICT.checkHttps(URI.create("https://8.8.8.8/")).size());
    assertEquals(
        Reason.NOT_PUBLIC,
        assertThrows(Refused.class, () -> STRICT.checkHttps(URI.create("https://127.0.0.1/")))
            .reason());
    assertEquals(
        Reason.INSECURE,
        assertThrows(Refused.class, () -> STRICT.checkHttps(URI.create("http://localhost/")))
            .reason(),
        "plain http on loopback needs the rule lifted");
  }

  @Test
  void liftingTheRuleAllowsPrivateAddressesAndPlainHttpOnLoopbackOnly() {
    PublicAddresses lifted = new PublicAddresses(true);
    assertTrue(lifted.allowsPrivate());
    assertFalse(STRICT.allowsPrivate());
    assertEquals(1, lifted.check(URI.create("https://10.0.0.1/")).size());
    assertEquals(1, lifted.check(URI.create("https://[::1]/")).size());
    assertEquals(1, lifted.checkHttps(URI.create("http://127.0.0.1:19093/x")).size());
    assertTrue(lifted.checkHttps(URI.create("http://localhost:19093/x")).size() >= 1);
    assertEquals(
        Reason.INSECURE,
        assertThrows(Refused.class, () -> lifted.checkHttps(URI.create("http://10.0.0.1/")))
            .reason(),
        "plain http only on loopback");
    assertEquals(
        Reason.INSECURE,
        assertThrows(Refused.class, () -> lifted.checkHttps(URI.create("http://8.8.8.8/")))
            .reason());
    PublicAddresses liftedNoDns =
        new PublicAddresses(
            true,
            host -> {
              throw new UnknownHostException(host);
            });
    assertEquals(
        Reason.INSECURE,
        assertThrows(Refused.class, () -> liftedNoDns.checkHttps(URI.create("http://idp.example/")))
            .reason());
    assertEquals(
        Reason.UNRESOLVED,
        assertThrows(
                Refused.class, () -> liftedNoDns.checkHttps(URI.create("https://idp.example/")))
            .reason());
  }

  @Test
  void aLiftedRuleNarrowedToEndpointsAllowsOnlyThoseAddressesAndPorts() {
    Map<String, InetAddress[]> dns =
        Map.of(
            "localhost", new InetAddress[] {ip("127.0.0.1"), ip("::1")},
            "standin.test", new InetAddress[] {ip("127.0.0.1")},
            "cdn.example.com", new InetAddress[] {ip("93.184.216.34")});
    PublicAddresses lifted =
        new PublicAddresses(
            true,
            host -> {
              InetAddress[] a = dns.get(host);
              if (a != null) {
                return a;
              }
              if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {ip(host)};
              }
              throw new UnknownHostException(host);
            });
    PublicAddresses narrowed =
        lifted.liftedOnlyAt(List.of(new InetSocketAddress(ip("127.0.0.1"), 19091)));
    assertFalse(narrowed.allowsPrivate());

    // The endpoint itself, by address or by a name that resolves to it alone.
    assertEquals(
        List.of(ip("127.0.0.1")), narrowed.check(URI.create("http://127.0.0.1:19091/img/a.png")));
    narrowed.check(URI.create("http://standin.test:19091/"));
    narrowed.checkPeer(ip("127.0.0.1"), 19091);
    // Public addresses pass as ever.
    narrowed.check(URI.create("https://cdn.example.com/a.png"));
    narrowed.checkPeer(ip("93.184.216.34"), 443);

    // Any other port, any other private address, a name that also resolves elsewhere: refused.
    for (String url :
        List.of(
            "http://127.0.0.1:19092/img.png",
            "http://127.0.0.1/img.png",
            "https://127.0.0.1/img.png",
            "http://127.0.0.2:19091/img.png",
            "http://[::1]:19091/img.png",
            "http://localhost:19091/img.png",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1:19091/",
            "http://[::ffff:127.0.0.1]:19092/")) {
      assertEquals(Reason.NOT_PUBLIC, refusal(narrowed, url), url);
    }
    assertThrows(Refused.class, () -> narrowed.checkPeer(ip("127.0.0.1"), 19092));
    assertThrows(Refused.class, () -> narrowed.checkPeer(ip("::1"), 19091));
    assertThrows(Refused.class, () -> narrowed.checkPeer(ip("127.0.0.1")), "no port: refused");
    assertThrows(Refused.class, () -> narrowed.checkPeer(ip("127.0.0.1"), -1));
    assertThrows(Refused.class, () -> narrowed.checkPeer(ip("127.0.0.1"), 70000));
    assertThrows(Refused.class, () -> narrowed.checkPeer(null, 19091));
    assertEquals(
        Reason.INSECURE,
        assertThrows(
                Refused.class, () -> narrowed.checkHttps(URI.create("http://127.0.0.1:19091/")))
            .reason());

    // The lifted rule is left as it was.
    lifted.check(URI.create("http://127.0.0.1:19092/"));
    lifted.checkPeer(ip("10.0.0.1"));

    // A rule that is not lifted is never widened by endpoints.
    assertEquals(
        STRICT, STRICT.liftedOnlyAt(List.of(new InetSocketAddress(ip("127.0.0.1"), 19091))));
    assertEquals(
        Reason.NOT_PUBLIC,
        refusal(
            STRICT.liftedOnlyAt(List.of(new InetSocketAddress(ip("127.0.0.1"), 19091))),
            "http://127.0.0.1:19091/"));
    assertThrows(
        Refused.class,
        () ->
            STRICT
                .liftedOnlyAt(List.of(new InetSocketAddress(ip("127.0.0.1"), 19091)))
                .checkPeer(ip("127.0.0.1"), 19091));
  }
}
