package io.junction.web.account;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialConnector;
import io.junction.api.TokenRefresher;
import io.junction.provider.ProviderCatalog;
import io.junction.web.db.Contention;
import io.junction.web.envelope.GigyaException;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * A user's live session at a provider, for using it: the identity's access token, renewed with its
 * refresh token when it has expired or is about to (403009 Provider session expired when it cannot
 * be renewed).
 */
@ApplicationScoped
public class ProviderSessions {

  private static final Logger LOG = Logger.getLogger(ProviderSessions.class.getName());

  /** Tokens this close to their expiry are renewed before use. */
  static final Duration RENEW_MARGIN = Duration.ofSeconds(30);

  @Inject AccountService accounts;
  @Inject ProviderCatalog catalog;
  @Inject SiteService sites;

  /** A usable provider session. */
  public record Live(SocialIdentity identity, String accessToken) {}

  public Live session(Site site, Account account, String provider) {
    List<SocialIdentity> ofProvider =
        accounts.identities(account.id()).stream()
            .filter(i -> i.provider().equals(provider) && i.accessTokenEncrypted() != null)
            .sorted(Comparator.comparing(SocialIdentity::updatedAt).reversed())
            .toList();
    if (ofProvider.isEmpty()) {
      throw new GigyaException(ErrorCode.NOT_CONNECTED, "The user is not connected to " + provider);
    }
    SocialIdentity identity = ofProvider.get(0);
    Instant now = Instant.now();
    if (identity.tokenExpiresAt() == null
        || identity.tokenExpiresAt().isAfter(now.plus(RENEW_MARGIN))) {
      return new Live(identity, accounts.accessToken(identity));
    }
    SocialConnector connector = catalog.connector(provider).orElse(null);
    String refreshToken = accounts.refreshToken(identity);
    if (!(connector instanceof TokenRefresher refresher) || refreshToken == null) {
      throw expired(provider, "and cannot be renewed");
    }
    try {
      ProviderTokens renewed =
          refresher.refresh(sites.providerSetup(site, provider).app(), refreshToken);
      SocialIdentity stored = Contention.retry(() -> accounts.renewSession(identity.id(), renewed));
      return new Live(stored, renewed.accessToken());
    } catch (ProviderException e) {
      LOG.warning(provider + " refused to renew a session: " + e.getMessage());
      throw expired(provider, "and " + provider + " refused to renew it");
    }
  }

  private static GigyaException expired(String provider, String why) {
    return new GigyaException(
        ErrorCode.PROVIDER_SESSION_EXPIRED, "The " + provider + " session has expired " + why);
  }
}
