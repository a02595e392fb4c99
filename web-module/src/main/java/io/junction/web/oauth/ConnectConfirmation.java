package io.junction.web.oauth;

import io.junction.api.ProviderInfo;
import io.junction.provider.ProviderCatalog;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.account.SocialIdentity;
import io.junction.web.envelope.ApiCall;
import io.junction.web.security.Hashes;
import io.junction.web.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * socialize.addConnection with a user's token from a browser other than the one that obtained it.
 *
 * <p>The oauth_token travels in a URL, and nothing else ties it to a browser: whoever sends a
 * victim an addConnection link with their own token would have the victim's social account join
 * their account. So Junction remembers which browser obtained a user's token (the browser cookie of
 * the login that issued it, see {@link TokenService#loginAnswer}), and when another browser uses
 * it, or the token was minted server-side (client_credentials with x_siteUID, notifyLogin), it asks
 * first: a page names the site, the network and the account the connection would join, and only its
 * Continue goes on to the provider (see {@link ConfirmationLeg}). An anonymous token needs no
 * question (its connection goes to this browser's guest account), and a site that sets {@code
 * connectConfirmation: false} takes the risk and is never asked.
 *
 * <p>The first leg runs as ever, so its refusals still go to redirect_uri at once; only its
 * redirect to the provider waits, encrypted with the parked question. Without that redirect nobody
 * knows the flow's state, and the flow cannot complete.
 */
@ApplicationScoped
public class ConnectConfirmation {

  @Inject FirstLeg flows;
  @Inject FirstLegTransactions firstLeg;
  @Inject BrowserConfirmations confirmations;
  @Inject AccountService accounts;
  @Inject ProviderCatalog catalog;

  /**
   * The first leg of socialize.addConnection for a token known good: the redirect to the provider,
   * or back to the site with a refusal, or the page that asks first.
   *
   * @param browserCookie the browser cookie's value, or null
   */
  public BrowserAnswer start(ApiCall call, Site site, OAuthToken token, String browserCookie) {
    BrowserRedirect started = flows.startConnect(call, token, browserCookie);
    if (!started.toProvider() || !asks(site, token, browserCookie)) {
      return started;
    }
    String browser =
        started.cookies().stream()
            .filter(c -> c.getName().equals(BrowserCookies.BROWSER))
            .map(NewCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("A started flow sets the browser cookie"));
    String providerParam = call.paramOrNull("x_provider") != null ? "x_provider" : "provider";
    ProviderInfo provider = catalog.resolve(call.paramOrNull(providerParam)).orElseThrow();
    String redirectUri =
        firstLeg.target(token.apiKey(), call.paramOrNull("redirect_uri")).redirectUri();
    String value =
        confirmations.askConnect(
            token.apiKey(),
            Hashes.sha256Hex(browser),
            token.accountId(),
            provider.id(),
            redirectUri,
            call.paramOrNull("response_type"),
            call.param("state"),
            call.lang(),
            started.location());
    return ConfirmationPages.connect(
        call.lang(),
        value,
        site.name(),
        provider.displayName(),
        person(token.accountId()),
        redirectUri,
        started.location(),
        started.cookies());
  }

  /**
   * Whether a connection with this token from this browser asks first: a user's token, a site that
   * asks, and a browser other than the one that obtained the token (or a token no browser
   * obtained).
   */
  static boolean asks(Site site, OAuthToken token, String browserCookie) {
    return token.kind() == OAuthToken.Kind.USER
        && site.connectConfirmation()
        && !Hashes.sameDigest(browserCookie, token.browserHash());
  }

  /**
   * How the page names the account: a name of one of its identities (the login provider's first),
   * else a masked e-mail address, else the site's own user id (masked when it is an e-mail
   * address).
   */
  private String person(String accountId) {
    Optional<Account> account = accounts.byId(accountId);
    String loginProvider = account.map(Account::loginProvider).orElse(null);
    String found = null;
    for (SocialIdentity i : accounts.identities(accountId)) {
      String p = ConfirmationPages.person(i.nickname(), i.firstName(), i.lastName(), i.email());
      if (p != null && (found == null || i.provider().equals(loginProvider))) {
        found = p;
      }
    }
    if (found != null) {
      return found;
    }
    return account
        .map(Account::uid)
        .filter(uid -> !uid.startsWith("_guid_"))
        .map(uid -> uid.contains("@") ? ConfirmationPages.maskEmail(uid) : uid)
        .orElse(null);
  }
}
