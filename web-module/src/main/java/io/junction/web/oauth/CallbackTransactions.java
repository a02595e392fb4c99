package io.junction.web.oauth;

import io.junction.api.ProviderApp;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.account.AccountService;
import io.junction.web.security.Hashes;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The database transactions of a callback, each short (one connection, one commit): claim the
 * pending authorization, read the site's application at the provider, then link the identity and
 * issue the code or token.
 *
 * <p>Rule: no transaction spans a call to a provider (code exchange, profile fetch, OpenID Connect
 * discovery). Those calls happen between these methods, so a slow provider holds no database
 * connection or lock, and a failing one leaves nothing half-written.
 */
@ApplicationScoped
@Transactional
public class CallbackTransactions {

  @Inject PendingAuthorizations pending;
  @Inject SiteService sites;
  @Inject AccountService accounts;
  @Inject TokenService tokens;

  /**
   * A pending authorization found at the callback: whether the callback came from the browser that
   * started the flow (its browser cookie's digest is the stored one), and whether the flow had
   * expired.
   */
  public record Claim(PendingAuthorization pending, boolean ownBrowser, boolean expired) {}

  /** A login's link and what goes back to the site (code, or token and expiry). */
  public record LoggedIn(AccountService.Linked linked, Map<String, String> params) {}

  /**
   * Claims the pending authorization of a state. From the browser that started the flow it is taken
   * away, so that no second callback can use it; from any other browser (no browser cookie, or
   * another one) it is left in place, so that whoever merely sees a callback URL cannot cancel the
   * flow; an expired one is taken away whoever calls. Empty when the state is unknown, already used
   * or purged (two callbacks of the same browser racing: one wins).
   */
  public Optional<Claim> claim(String state, String flowCookie) {
    Optional<PendingAuthorization> found = pending.find(state);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PendingAuthorization p = found.get();
    boolean ownBrowser = Hashes.sameDigest(flowCookie, p.browserHash());
    boolean expired = !p.expiresAt().isAfter(Instant.now());
    if (!ownBrowser && !expired) {
      return Optional.of(new Claim(p, false, false));
    }
    return pending.delete(p) ? Optional.of(new Claim(p, ownBrowser, expired)) : Optional.empty();
  }

  /** The site's application for the pending flow (checking the site's data center again). */
  public ProviderApp app(PendingAuthorization p) {
    Site site = sites.siteOrInvalidKey(p.apiKey());
    sites.checkDataCenter(site);
    return sites.providerSetup(site, p.provider()).app();
  }

  /** Links the identity and issues the code or token, together. */
  public LoggedIn login(
      PendingAuthorization p, SocialProfile profile, ProviderTokens t, String guestKey) {
    AccountService.Linked linked = accounts.login(p.apiKey(), p.provider(), profile, t, guestKey);
    Map<String, String> params = new LinkedHashMap<>();
    if (p.responseType().equals("token")) {
      TokenService.Issued issued =
          tokens.issueToken(
              p.apiKey(), linked.account().id(), OAuthToken.Kind.USER, p.sessionSeconds());
      params.put("access_token", issued.token());
      if (issued.expiresIn() != null) {
        params.put("expires_in", Long.toString(issued.expiresIn()));
      }
    } else {
      params.put(
          "code",
          tokens.issueCode(p.apiKey(), linked.account().id(), p.redirectUri(), p.sessionSeconds()));
    }
    return new LoggedIn(linked, params);
  }

  /** Links the identity to the flow's account, or to the browser's guest account. */
  public AccountService.Linked connect(
      PendingAuthorization p, SocialProfile profile, ProviderTokens t, String guestKey) {
    return accounts.connect(p.apiKey(), p.provider(), profile, t, p.accountId(), guestKey);
  }
}
