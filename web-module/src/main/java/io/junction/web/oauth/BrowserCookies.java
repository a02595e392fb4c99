package io.junction.web.oauth;

import io.junction.web.security.Randoms;
import jakarta.ws.rs.core.NewCookie;
import java.util.regex.Pattern;

/**
 * Every cookie Junction sets in a browser. Each carries the {@value #HOST_PREFIX} prefix and so is
 * Secure, Path=/ and without a Domain: a browser accepts such a cookie only from this very host
 * over HTTPS, so a sibling subdomain cannot plant one under a parent domain. Junction reads only
 * these names; a cookie of the same name without the prefix is ignored. Each is also HttpOnly and
 * SameSite=Lax (so that the top-level redirect back from a provider still carries it).
 *
 * <ul>
 *   <li>the browser cookie {@value #BROWSER}, a year, renewed by every flow: a random id of the
 *       browser. It binds pending authorizations to the browser that started them (several at once,
 *       from several tabs) and the tokens its logins obtain to it;
 *   <li>a site's guest cookie {@code __Host-jg_<apiKey>}, a year: the guest account that holds this
 *       browser's connections made with an anonymous token.
 * </ul>
 */
public final class BrowserCookies {

  /** The prefix of every cookie name: Secure, Path=/, no Domain, set by this host only. */
  public static final String HOST_PREFIX = "__Host-";

  /** The name of the browser cookie. */
  public static final String BROWSER = HOST_PREFIX + "junction_browser";

  /** How long the browser cookie lasts after the last flow that set it: a year. */
  static final int BROWSER_MAX_AGE_SECONDS = 365 * 24 * 3600;

  /** How long a guest cookie lasts: a year. */
  static final int GUEST_MAX_AGE_SECONDS = 365 * 24 * 3600;

  /** What a browser id looks like: URL-safe Base64 of 32 random bytes (43 characters). */
  private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  private BrowserCookies() {}

  /** The name of a site's guest cookie. */
  public static String guestCookieName(String apiKey) {
    return HOST_PREFIX + "jg_" + apiKey;
  }

  /**
   * The browser id a request's browser cookie holds, when it is one Junction could have issued;
   * else a new one.
   */
  static String browserIdOrNew(String cookieValue) {
    return isBrowserId(cookieValue) ? cookieValue : Randoms.urlSafe(32);
  }

  /** Whether a value has the form of a browser id. */
  static boolean isBrowserId(String value) {
    return value != null && BROWSER_ID.matcher(value).matches();
  }

  /** The browser cookie holding the browser's id, renewed for a year. */
  public static NewCookie browser(String browserId) {
    return cookie(BROWSER, browserId, BROWSER_MAX_AGE_SECONDS);
  }

  /** A site's guest cookie holding the guest account's key. */
  public static NewCookie guest(String apiKey, String guestKey) {
    return cookie(guestCookieName(apiKey), guestKey, GUEST_MAX_AGE_SECONDS);
  }

  /** Deletes a site's guest cookie (its connections moved to a real account). */
  public static NewCookie guestGone(String apiKey) {
    return cookie(guestCookieName(apiKey), "", 0);
  }

  private static NewCookie cookie(String name, String value, int maxAge) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .secure(true)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
