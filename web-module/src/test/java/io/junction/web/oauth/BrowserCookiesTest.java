package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class BrowserCookiesTest {

  private static void assertLocked(NewCookie c) {
    assertTrue(c.isSecure(), c.getName() + " is Secure");
    assertTrue(c.isHttpOnly(), c.getName() + " is HttpOnly");
    assertEquals(NewCookie.SameSite.LAX, c.getSameSite(), c.getName());
  }

  @Test
  void theFlowCookieLivesUnderTheCallbackAsLongAsTheFlow() {
    NewCookie c = BrowserCookies.flow("browser-value", 600);
    assertEquals("junction_flow", c.getName());
    assertEquals(BrowserCookies.FLOW, c.getName());
    assertEquals("browser-value", c.getValue());
    assertEquals("/GS", c.getPath());
    assertEquals(600, c.getMaxAge());
    assertLocked(c);
  }

  @Test
  void aSiteGuestCookieIsNamedAfterItsApiKeyAndLastsAYear() {
    assertEquals("jg_3_abc", BrowserCookies.guestCookieName("3_abc"));
    NewCookie c = BrowserCookies.guest("3_abc", "guest-key");
    assertEquals("jg_3_abc", c.getName());
    assertEquals("guest-key", c.getValue());
    assertEquals("/", c.getPath());
    assertEquals(365 * 24 * 3600, c.getMaxAge());
    assertLocked(c);
  }

  @Test
  void aGoneGuestCookieIsDeletedAtOnce() {
    NewCookie c = BrowserCookies.guestGone("3_abc");
    assertEquals("jg_3_abc", c.getName());
    assertEquals("", c.getValue());
    assertEquals("/", c.getPath(), "the path it was set with, or the browser keeps it");
    assertEquals(0, c.getMaxAge());
    assertLocked(c);
  }
}
