package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class BrowserCookiesTest {

  /** What the __Host- prefix demands, and what Junction adds. */
  private static void assertHostCookie(NewCookie c) {
    assertTrue(c.getName().startsWith("__Host-"), c.getName());
    assertTrue(c.isSecure(), c.getName() + " is Secure");
    assertEquals("/", c.getPath(), c.getName());
    assertNull(c.getDomain(), c.getName() + " has no Domain");
    assertTrue(c.isHttpOnly(), c.getName() + " is HttpOnly");
    assertEquals(NewCookie.SameSite.LAX, c.getSameSite(), c.getName());
  }

  @Test
  void theBrowserCookieIsAHostCookieThatLastsAYear() {
    String id = BrowserCookies.browserIdOrNew(null);
    NewCookie c = BrowserCookies.browser(id);
    assertEquals("__Host-junction_browser", c.getName());
    assertEquals(BrowserCookies.BROWSER, c.getName());
    assertEquals(id, c.getValue());
    assertEquals(365 * 24 * 3600, c.getMaxAge());
    assertHostCookie(c);
  }

  @Test
  void aBrowserKeepsItsIdAndAMalformedOneIsReplaced() {
    String id = BrowserCookies.browserIdOrNew(null);
    assertTrue(BrowserCookies.isBrowserId(id), id);
    assertEquals(id, BrowserCookies.browserIdOrNew(id), "a browser keeps its id");
    assertNotEquals(id, BrowserCookies.browserIdOrNew(null), "a new browser, a new id");
    for (String bad : new String[] {"", "short", id + "x", id.substring(1) + "=", id + "\n"}) {
      assertFalse(BrowserCookies.isBrowserId(bad), bad);
      assertNotEquals(bad, BrowserCookies.browserIdOrNew(bad));
    }
  }

  @Test
  void aSiteGuestCookieIsNamedAfterItsApiKeyAndLastsAYear() {
    assertEquals("__Host-jg_3_abc", BrowserCookies.guestCookieName("3_abc"));
    NewCookie c = BrowserCookies.guest("3_abc", "guest-key");
    assertEquals("__Host-jg_3_abc", c.getName());
    assertEquals("guest-key", c.getValue());
    assertEquals(365 * 24 * 3600, c.getMaxAge());
    assertHostCookie(c);
  }

  @Test
  void aGoneGuestCookieIsDeletedAtOnce() {
    NewCookie c = BrowserCookies.guestGone("3_abc");
    assertEquals("__Host-jg_3_abc", c.getName());
    assertEquals("", c.getValue());
    assertEquals(0, c.getMaxAge());
    assertHostCookie(c);
  }

  @Test
  void aPlainCallbackBecomesHttps() {
    assertEquals(
        "https://login.shop.example.com/GS/GSLogin.aspx",
        SecureCallback.https("http://login.shop.example.com/GS/GSLogin.aspx"));
    assertEquals(
        "https://localhost:9443/GS/GSLogin.aspx",
        SecureCallback.https("https://localhost:9443/GS/GSLogin.aspx"));
  }
}
