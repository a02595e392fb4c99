package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestSecurityTest {

  private final RequestSecurity none = new RequestSecurity(" ");
  private final RequestSecurity proxy = new RequestSecurity("10.0.0.5, ::1 ,127.0.0.2");

  @Test
  void theConnectionDecidesWhenNoProxyIsTrusted() {
    assertTrue(none.secure(true, "203.0.113.9", null, false));
    assertFalse(none.secure(false, "203.0.113.9", null, false));
    assertFalse(none.secure(false, "203.0.113.9", "https", false));
    assertFalse(none.secure(false, "127.0.0.1", "https", false));
  }

  @Test
  void forwardedProtoCountsFromATrustedProxyOnly() {
    assertTrue(proxy.secure(false, "10.0.0.5", "https", false));
    assertTrue(proxy.secure(false, "10.0.0.5", " HTTPS ", false));
    assertFalse(proxy.secure(true, "10.0.0.5", "http", false));
    assertFalse(proxy.secure(false, "10.0.0.6", "https", false));
    assertFalse(proxy.secure(false, null, "https", false));
    // Without the header, a trusted proxy's connection is what it is.
    assertFalse(proxy.secure(false, "10.0.0.5", null, false));
    assertTrue(proxy.secure(true, "10.0.0.5", " ", false));
  }

  @Test
  void theTrustedProxysOwnValueIsTheLastOfAChain() {
    assertFalse(proxy.secure(false, "10.0.0.5", "https, http", false));
    assertTrue(proxy.secure(false, "10.0.0.5", "http,https", false));
  }

  @Test
  void addressesAreComparedInOneSpelling() {
    assertTrue(proxy.secure(false, "0:0:0:0:0:0:0:1", "https", false));
    assertTrue(proxy.secure(false, "[::1]", "https", false));
    assertTrue(proxy.secure(false, "::ffff:10.0.0.5", "https", false));
    assertEquals("127.0.0.2", RequestSecurity.normalizeAddress(" 127.0.0.2 "));
    assertEquals("not-an-address", RequestSecurity.normalizeAddress("Not-An-Address"));
    // A dotted name that is no IP literal is kept as it is, never looked up.
    assertEquals("1.2.3.4.5", RequestSecurity.normalizeAddress("1.2.3.4.5"));
  }

  @Test
  void privateHeadersMakeNoCallSecureExceptFromATrustedProxy() {
    assertFalse(none.secure(true, "203.0.113.9", null, true));
    assertFalse(none.secure(true, "203.0.113.9", "https", true));
    assertTrue(proxy.secure(true, "10.0.0.5", null, true));
    assertTrue(proxy.secure(false, "10.0.0.5", "https", true));
    assertTrue(RequestSecurity.isPrivateHeader("$WSIS"));
    assertTrue(RequestSecurity.isPrivateHeader("$wssc"));
    assertFalse(RequestSecurity.isPrivateHeader("X-Forwarded-Proto"));
    assertFalse(RequestSecurity.isPrivateHeader(null));
  }
}
