package io.junction.web.oauth;

import io.junction.web.account.AccountService;
import io.junction.web.account.SocialIdentity;
import io.junction.web.db.OncePerInterval;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The questions put to browsers on a page ({@link BrowserConfirmation}): parked when the page is
 * shown, answered at most once.
 *
 * <p>A parked connection keeps the provider's authorization URL encrypted (it holds the flow's
 * state): it is the one thing the Continue answer gives the browser.
 *
 * <p>An answer is claimed and acted on in one transaction: the claim marks the question used only
 * if no answer did before, and the merge and the code or token it issues commit with it. So a
 * second click, or two racing, finds it used and changes nothing; a failure rolls the claim back
 * with the rest, and nothing is merged or issued twice.
 */
@ApplicationScoped
@Transactional
public class BrowserConfirmations {

  private static final OncePerInterval PURGE = new OncePerInterval(Duration.ofMinutes(1));

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Inject AccountService accounts;
  @Inject TokenService tokens;
  @Inject Secrets secrets;

  /** How long a page may wait for its answer: {@code junction.flow.lifetime-seconds}, 600. */
  @Inject
  @ConfigProperty(name = "junction.flow.lifetime-seconds", defaultValue = "600")
  long lifetimeSeconds;

  /**
   * A question for a page: the page's single-use value (its digest alone is stored) and the
   * browser's guest identities the page names.
   */
  public record GuestQuestion(String value, List<SocialIdentity> guestIdentities) {}

  /** What an answered login sends back to the site, and whether the guest account merged. */
  public record LoginAnswer(Map<String, String> params, boolean merged) {}

  /**
   * Parks a login whose browser holds guest connections: the identity is linked to {@code
   * accountId} already; the merge and the code or token wait for the user's answer.
   */
  public GuestQuestion askGuestMerge(
      PendingAuthorization p, String accountId, AccountService.GuestConnections guest) {
    purgeIfDue();
    String value = newValue();
    em.persist(
        new BrowserConfirmation(
                Hashes.sha256Hex(value),
                BrowserConfirmation.Kind.GUEST_MERGE,
                p.apiKey(),
                p.browserHash(),
                accountId,
                p.provider(),
                p.redirectUri(),
                p.responseType(),
                p.clientState(),
                p.lang(),
                expiry())
            .guestMerge(guest.guest().id(), p.sessionSeconds(), p.clientCodeChallenge()));
    return new GuestQuestion(value, guest.identities());
  }

  /**
   * Parks a connection started from a browser other than the one that obtained the token: the
   * provider's authorization URL (encrypted) waits for the user's Continue. Returns the page's
   * single-use value.
   *
   * @param browserHash the digest of the browser cookie of the browser the page is shown to
   * @param accountId the account the connection would join
   */
  public String askConnect(
      String apiKey,
      String browserHash,
      String accountId,
      String provider,
      String redirectUri,
      String responseType,
      String clientState,
      String lang,
      String providerLocation) {
    purgeIfDue();
    String value = newValue();
    String hash = Hashes.sha256Hex(value);
    em.persist(
        new BrowserConfirmation(
                hash,
                BrowserConfirmation.Kind.CONNECT,
                apiKey,
                browserHash,
                accountId,
                provider,
                redirectUri,
                responseType,
                clientState,
                lang,
                expiry())
            .providerLocation(secrets.cipher().encrypt(providerLocation, locationContext(hash))));
    return value;
  }

  /** The provider's authorization URL a parked connection waits with, in clear. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String providerLocation(BrowserConfirmation c) {
    return secrets.cipher().decrypt(c.locationEncrypted(), locationContext(c.confirmationHash()));
  }

  private static String locationContext(String confirmationHash) {
    return "confirmation-location:" + confirmationHash;
  }

  /** The question of a page's value, answered or not, expired or not; empty when unknown. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<BrowserConfirmation> find(String value) {
    return Optional.ofNullable(em.find(BrowserConfirmation.class, Hashes.sha256Hex(value)));
  }

  /**
   * Answers a parked login, once: with {@code merge} the guest connections join the account (when
   * the guest account is still there), then the code or token is issued. 400006 when the question
   * was answered already, and then nothing changes.
   */
  public LoginAnswer answerLogin(BrowserConfirmation c, boolean merge) {
    // The accounts' locks before the question's row, as every writer of an account's rows.
    accounts.lockFirst(c.accountId(), merge ? c.guestAccountId() : null);
    claim(c);
    boolean merged = merge && accounts.mergeGuest(c.apiKey(), c.guestAccountId(), c.accountId());
    return new LoginAnswer(
        tokens.loginAnswer(
            c.apiKey(),
            c.accountId(),
            c.redirectUri(),
            c.responseType(),
            c.sessionSeconds(),
            c.browserHash(),
            c.clientCodeChallenge()),
        merged);
  }

  /** Marks a question answered: 400006 when an answer came first. */
  public void claim(BrowserConfirmation c) {
    int claimed =
        em.createQuery(
                "UPDATE BrowserConfirmation c SET c.used = TRUE"
                    + " WHERE c.confirmationHash = :h AND c.used = FALSE")
            .setParameter("h", c.confirmationHash())
            .executeUpdate();
    if (claimed != 1) {
      throw GigyaException.invalid("confirmation", "the page was answered already");
    }
  }

  /** When a question parked now expires: with the flow. */
  Instant expiry() {
    return Instant.now().plusSeconds(lifetimeSeconds);
  }

  static String newValue() {
    return Randoms.urlSafe(32);
  }

  private void purgeIfDue() {
    if (PURGE.due()) {
      em.createQuery("DELETE FROM BrowserConfirmation c WHERE c.expiresAt < :now")
          .setParameter("now", Instant.now())
          .executeUpdate();
    }
  }
}
