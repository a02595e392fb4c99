package io.junction.web.oauth;

import io.junction.web.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Pending authorizations: saved when a flow starts, consumed exactly once at the callback. */
@ApplicationScoped
@Transactional
public class PendingAuthorizations {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  public void save(PendingAuthorization pending) {
    em.persist(pending);
  }

  /**
   * Takes the pending authorization of a state away, so that no second callback can use it. Empty
   * when the state is unknown or was already used (two callbacks racing: one wins).
   */
  public Optional<PendingAuthorization> consume(String state) {
    String hash = Hashes.sha256Hex(state);
    PendingAuthorization found = em.find(PendingAuthorization.class, hash);
    if (found == null) {
      return Optional.empty();
    }
    int deleted =
        em.createQuery("DELETE FROM PendingAuthorization p WHERE p.stateHash = :h")
            .setParameter("h", hash)
            .executeUpdate();
    return deleted == 1 ? Optional.of(found) : Optional.empty();
  }
}
