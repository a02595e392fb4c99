package io.junction.web.oauth;

import io.junction.web.security.Hashes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Pending authorizations: saved when a flow starts, taken away once at the callback. */
@ApplicationScoped
@Transactional
public class PendingAuthorizations {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @WithSpan(value = "db pending.save", kind = SpanKind.CLIENT)
  public void save(PendingAuthorization pending) {
    em.persist(pending);
  }

  /** The pending authorization of the state sent to the provider, if it is still there. */
  public Optional<PendingAuthorization> find(String state) {
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
