package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.account.AccountService;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Hashes;
import io.junction.web.security.Nonces;
import io.junction.web.site.GuestMerge;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
  @Inject BrowserConfirmations confirmations;
  @Inject Nonces nonces;

  /**
   * A pending authorization found at the callback: whether the callback came from the browser that
   * started the flow (its browser cookie's digest is the stored one), and whether the flow had
   * expired.
   */
  public record Claim(PendingAuthorization pending, boolean ownBrowser, boolean expired) {}

  /**
   * A login's link and what goes back to the site (code, or token and expiry); or, when the user is
   * to be asked about the browser's guest connections first, the question and nothing to send yet.
   */
  public record LoggedIn(
      AccountService.Linked linked,
      Map<String, String> params,
      BrowserConfirmations.GuestQuestion question) {}

  /**
   * Claims the pending authorization of a state. From the browser that started the flow it is taken
   * away, so that no second callback can use it; from any other browser (no browser cookie, or
   * another one) it is left in place, so that whoever merely sees a callback URL cannot cancel the
   * flow; an expired one is taken away whoever calls. A sealed state ({@link SealedStates}) is
   * recorded as used instead of taken away. Empty when the state is unknown, already used or purged
   * (two callbacks of the same browser racing: one wins).
   */
  @WithSpan(value = "db callback.claim", kind = SpanKind.CLIENT)
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
    if (SealedStates.isSealed(state)) {
      // Nothing stored to take away: an expired state stays refused by its expiry, and one from
      // its browser is recorded as used, once.
      if (expired) {
        return Optional.of(new Claim(p, ownBrowser, true));
      }
      try {
        nonces.useFlowState(p.apiKey(), p.stateHash(), p.expiresAt());
      } catch (GigyaException e) {
        if (e.code() != ErrorCode.DUPLICATE_NONCE) {
          throw e;
        }
        return Optional.empty();
      }
      return Optional.of(new Claim(p, true, false));
    }
    return pending.delete(p) ? Optional.of(new Claim(p, ownBrowser, expired)) : Optional.empty();
  }

  /** The site's application for the pending flow (checking the site's data center again). */
  @WithSpan(value = "db callback.app", kind = SpanKind.CLIENT)
  public ProviderApp app(PendingAuthorization p) {
    Site site = sites.siteOrInvalidKey(p.apiKey());
    sites.checkDataCenter(site);
    return sites.providerSetup(site, p.provider()).app();
  }

  /**
   * Links the identity and issues the code or token, together; the browser's guest connections
   * (behind {@code guestKey}) follow the site's {@link GuestMerge} policy: {@code always} merges
   * them into the account, {@code never} leaves them alone, and {@code confirm} leaves them alone
   * and, when they hold identities, parks the login instead of issuing anything: the user is asked
   * first (see {@link BrowserConfirmations}).
   */
  @WithSpan(value = "db callback.login", kind = SpanKind.CLIENT)
  public LoggedIn login(
      PendingAuthorization p, SocialProfile profile, ProviderTokens t, String guestKey) {
    GuestMerge policy =
        guestKey == null ? GuestMerge.ALWAYS : sites.siteOrInvalidKey(p.apiKey()).guestMerge();
    AccountService.Linked linked =
        accounts.login(
            p.apiKey(), p.provider(), profile, t, policy == GuestMerge.ALWAYS ? guestKey : null);
    if (policy == GuestMerge.CONFIRM) {
      Optional<AccountService.GuestConnections> guest =
          accounts.guestConnections(p.apiKey(), guestKey, linked.account().id());
      if (guest.isPresent()) {
        return new LoggedIn(
            linked, Map.of(), confirmations.askGuestMerge(p, linked.account().id(), guest.get()));
      }
    }
    return new LoggedIn(
        linked,
        tokens.loginAnswer(
            p.apiKey(),
            linked.account().id(),
            p.redirectUri(),
            p.responseType(),
            p.sessionSeconds(),
            p.browserHash(),
            p.clientCodeChallenge()),
        null);
  }

  /** Links the identity to the flow's account, or to the browser's guest account. */
  @WithSpan(value = "db callback.connect", kind = SpanKind.CLIENT)
  public AccountService.Linked connect(
      PendingAuthorization p, SocialProfile profile, ProviderTokens t, String guestKey) {
    return accounts.connect(p.apiKey(), p.provider(), profile, t, p.accountId(), guestKey);
  }
}
