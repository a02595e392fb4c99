package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.web.security.Hashes;
import io.junction.web.site.Site;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectConfirmationTest {

  private static OAuthToken token(OAuthToken.Kind kind, String browserHash) {
    OAuthToken t =
        new OAuthToken(
            "hash", "3_key", "account", kind, Instant.now(), null, OAuthToken.Client.BROWSER_FLOW);
    t.browserHash(browserHash);
    return t;
  }

  @Test
  void onlyAUserTokenFromAnotherBrowserAsks() {
    Site site = new Site("3_key", Instant.now());
    String mine = BrowserCookies.browserIdOrNew(null);
    String other = BrowserCookies.browserIdOrNew(null);
    OAuthToken bound = token(OAuthToken.Kind.USER, Hashes.sha256Hex(mine));
    assertFalse(ConnectConfirmation.asks(site, bound, mine), "the token's own browser");
    assertTrue(ConnectConfirmation.asks(site, bound, other), "another browser");
    assertTrue(ConnectConfirmation.asks(site, bound, null), "a browser without its cookie");
    OAuthToken serverMinted = token(OAuthToken.Kind.USER, null);
    assertTrue(ConnectConfirmation.asks(site, serverMinted, mine), "a token no browser obtained");
    assertFalse(
        ConnectConfirmation.asks(site, token(OAuthToken.Kind.ANONYMOUS, null), mine),
        "an anonymous token connects this browser's guest account");
  }
}
