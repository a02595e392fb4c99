package io.junction.web.oauth;

import jakarta.ws.rs.core.NewCookie;
import java.util.List;

/** Where a browser flow sends the browser next, and the cookies to set on the way. */
public record BrowserRedirect(String location, List<NewCookie> cookies) implements BrowserAnswer {

  public BrowserRedirect {
    cookies = List.copyOf(cookies);
  }

  /** A redirect that sets no cookie. */
  public static BrowserRedirect to(String location) {
    return new BrowserRedirect(location, List.of());
  }
}
