package io.junction.web.saml;

import io.junction.web.db.OncePerInterval;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.Randoms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SAML sessions of a site's users ({@link SamlSession}): recorded when an assertion is
 * accepted, ended by the identity provider's LogoutRequest, read to send one at socialize.logout.
 */
@ApplicationScoped
@Transactional
public class SamlSessions {

  /** How long a session is remembered for single logout. */
  static final Duration KEPT = Duration.ofDays(30);

  private static final OncePerInterval PURGE = new OncePerInterval(Duration.ofMinutes(10));

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Inject TokenService tokens;

  /** Records the session an accepted assertion opened (nothing without a NameID). */
  public void record(String apiKey, String provider, SamlAssertion assertion, String providerUid) {
    if (assertion.nameId() == null) {
      return;
    }
    Instant now = Instant.now();
    if (PURGE.due()) {
      em.createNamedQuery("SamlSession.purge")
          .setParameter("before", now.minus(KEPT))
          .executeUpdate();
    }
    em.persist(
        new SamlSession(
            Randoms.urlSafe(24),
            apiKey,
            provider,
            clip(assertion.nameId(), 1024),
            clip(assertion.nameIdFormat(), 200),
            clip(assertion.sessionIndex(), 512),
            providerUid,
            now));
    em.flush();
  }

  /** The latest session of an identity, if one is remembered. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SamlSession> latest(String apiKey, String provider, String providerUid) {
    return em.createNamedQuery("SamlSession.byIdentity", SamlSession.class)
        .setParameter("apiKey", apiKey)
        .setParameter("provider", provider)
        .setParameter("providerUid", providerUid)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * Ends what an identity provider's LogoutRequest names: the sessions of that NameID (only those
   * of the SessionIndexes given, when any are), and every token of the accounts their identities
   * belong to, as socialize.logout does with the site's credentials.
   *
   * @return the number of accounts logged out
   */
  public int end(String apiKey, String provider, String nameId, List<String> sessionIndexes) {
    List<SamlSession> sessions =
        em.createNamedQuery("SamlSession.bySubject", SamlSession.class)
            .setParameter("apiKey", apiKey)
            .setParameter("provider", provider)
            .setParameter("nameId", nameId)
            .getResultList();
    Set<String> providerUids = new LinkedHashSet<>();
    for (SamlSession s : sessions) {
      if (sessionIndexes.isEmpty() || sessionIndexes.contains(s.sessionIndex())) {
        providerUids.add(s.providerUid());
        em.remove(s);
      }
    }
    Set<String> accounts = new LinkedHashSet<>();
    for (String uid : providerUids) {
      em.createNamedQuery("SocialIdentity.findOwner", String.class)
          .setParameter("apiKey", apiKey)
          .setParameter("provider", provider)
          .setParameter("providerUid", uid)
          .getResultStream()
          .forEach(accounts::add);
    }
    for (String account : accounts) {
      tokens.revokeAll(account);
    }
    em.flush();
    return accounts.size();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
