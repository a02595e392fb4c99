package io.junction.web.oauth;

import jakarta.ws.rs.core.NewCookie;

/**
 * Every cookie Junction sets in a browser, each Secure, HttpOnly and SameSite=Lax (so that the
 * top-level redirect back from a provider still carries it):
 *
 * <ul>
 *   <li>the flow cookie {@value #FLOW}, path {@code /GS}, as long as a browser may stay at the
 *       provider: binds a pending authorization to the browser that started it;
 *   <li>a site's guest cookie {@code jg_<apiKey>}, path {@code /}, a year: the guest account that
 *       holds this browser's connections made with an anonymous token.
 * </ul>
 */
public final class BrowserCookies {

  /** The name of the flow cookie. */
  public static final String FLOW = "junction_flow";

  /** How long a guest cookie lasts: a year. */
  static final int GUEST_MAX_AGE_SECONDS = 365 * 24 * 3600;

  private BrowserCookies() {}

  /** The name of a site's guest cookie. */
  public static String guestCookieName(String apiKey) {
    return "jg_" + apiKey;
  }

  /** The flow cookie with its value, for as long as the flow may last. */
  public static NewCookie flow(String value, long lifetimeSeconds) {
    return cookie(FLOW, value, "/GS", (int) Math.min(Integer.MAX_VALUE, lifetimeSeconds));
  }

  /** A site's guest cookie holding the guest account's key. */
  public static NewCookie guest(String apiKey, String guestKey) {
    return cookie(guestCookieName(apiKey), guestKey, "/", GUEST_MAX_AGE_SECONDS);
  }

  /** Deletes a site's guest cookie (its connections moved to a real account). */
  public static NewCookie guestGone(String apiKey) {
    return cookie(guestCookieName(apiKey), "", "/", 0);
  }

  private static NewCookie cookie(String name, String value, String path, int maxAge) {
    return new NewCookie.Builder(name)
        .value(value)
        .path(path)
        .maxAge(maxAge)
        .secure(true)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
