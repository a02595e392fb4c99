package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Hashes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pending authorizations: sealed into the state sent to the provider ({@link SealedStates}), or,
 * for the flows that cannot carry them so (SAML, whose RelayState is limited to 80 bytes, and flows
 * whose sealed state would be too long), saved when a flow starts, taken away once at the callback,
 * purged when expired ({@link TokenService#purgeExpired}). Anyone may start flows without proving
 * anything, so a site holds at most {@code junction.flow.max-pending-per-site} unexpired ones
 * (10,000): beyond that, a new flow is refused with 400124 until callbacks or expiry free some
 * room. The count and the insert are not one atomic step: flows started at the same moment may pass
 * the limit by as many as there are at once.
 */
@ApplicationScoped
@Transactional
public class PendingAuthorizations {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Inject SealedStates sealed;

  @Inject
  @ConfigProperty(name = "junction.flow.max-pending-per-site", defaultValue = "10000")
  long maxPerSite;

  /** Saves a new pending authorization; 400124 when its site has the most it may have. */
  @WithSpan(value = "db pending.save", kind = SpanKind.CLIENT)
  public void save(PendingAuthorization pending) {
    long live =
        em.createQuery(
                "SELECT COUNT(p) FROM PendingAuthorization p"
                    + " WHERE p.apiKey = :k AND p.expiresAt > :now",
                Long.class)
            .setParameter("k", pending.apiKey())
            .setParameter("now", Instant.now())
            .getSingleResult();
    if (live >= maxPerSite) {
      throw new GigyaException(
          ErrorCode.LIMIT_REACHED,
          "Too many logins and connections of this site are waiting for the provider ("
              + maxPerSite
              + "); try again in a few minutes");
    }
    em.persist(pending);
  }

  /**
   * The pending authorization of the state sent to the provider: the one sealed in it (whether used
   * or expired is the caller's to check), or the stored one if it is still there.
   */
  public Optional<PendingAuthorization> find(String state) {
    if (SealedStates.isSealed(state)) {
      return sealed.open(state);
    }
    return Optional.ofNullable(em.find(PendingAuthorization.class, Hashes.sha256Hex(state)));
  }

  /** How many flows are pending and not expired, on every node. */
  public long countUnexpired() {
    return em.createQuery(
            "SELECT COUNT(p) FROM PendingAuthorization p WHERE p.expiresAt > :now", Long.class)
        .setParameter("now", Instant.now())
        .getSingleResult();
  }

  /**
   * Takes a pending authorization away, so that no second callback can use it; false when another
   * callback took it first (two callbacks racing: one wins).
   */
  public boolean delete(PendingAuthorization pending) {
    return em.createQuery("DELETE FROM PendingAuthorization p WHERE p.stateHash = :h")
            .setParameter("h", pending.stateHash())
            .executeUpdate()
        == 1;
  }
}
