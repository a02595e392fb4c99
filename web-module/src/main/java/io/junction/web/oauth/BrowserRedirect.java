package io.junction.web.oauth;

import jakarta.ws.rs.core.NewCookie;
import java.util.List;

/**
 * Where a browser flow sends the browser next, and the cookies to set on the way; {@code
 * toProvider} when it is a first leg's redirect to the provider's authorization page (a flow was
 * started), rather than back to the site.
 */
public record BrowserRedirect(String location, List<NewCookie> cookies, boolean toProvider)
    implements BrowserAnswer {

  public BrowserRedirect {
    cookies = List.copyOf(cookies);
  }

  /** A redirect back to the site, or within Junction. */
  public BrowserRedirect(String location, List<NewCookie> cookies) {
    this(location, cookies, false);
  }

  /** A redirect that sets no cookie. */
  public static BrowserRedirect to(String location) {
    return new BrowserRedirect(location, List.of());
  }

  /** A first leg's redirect to the provider, with the cookies that bind the flow to the browser. */
  public static BrowserRedirect toProvider(String location, List<NewCookie> cookies) {
    return new BrowserRedirect(location, cookies, true);
  }
}
