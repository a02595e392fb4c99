package io.junction.web.oauth;

import jakarta.ws.rs.core.NewCookie;
import java.util.List;

/**
 * A page Junction shows the browser in the middle of a flow (see {@link ConfirmationPages}): its
 * HTML, the Content-Security-Policy it is served with, and the cookies to set.
 */
public record BrowserPage(String html, String contentSecurityPolicy, List<NewCookie> cookies)
    implements BrowserAnswer {

  public BrowserPage {
    cookies = List.copyOf(cookies);
  }
}
