package io.junction.web.oauth;

import jakarta.ws.rs.core.NewCookie;
import java.util.List;

/** What a browser flow answers: a redirect onwards, or a page that asks the user first. */
public sealed interface BrowserAnswer permits BrowserRedirect, BrowserPage {

  /** The cookies to set on the way. */
  List<NewCookie> cookies();
}
