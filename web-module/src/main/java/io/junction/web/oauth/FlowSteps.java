package io.junction.web.oauth;

import io.junction.api.ProviderApp;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.account.AccountService;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The database steps of a callback, each one transaction (one connection, one commit), so that no
 * transaction stays open while the provider is called between them.
 */
@ApplicationScoped
@Transactional
public class FlowSteps {

  @Inject PendingAuthorizations pending;
  @Inject SiteService sites;
  @Inject AccountService accounts;
  @Inject TokenService tokens;

  /** A login's link and what goes back to the site (code, or token and expiry). */
  public record LoggedIn(AccountService.Linked linked, Map<String, String> params) {}

  public Optional<PendingAuthorization> consume(String state) {
    return pending.consume(state);
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
}
