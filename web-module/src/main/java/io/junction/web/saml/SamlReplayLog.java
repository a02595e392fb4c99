package io.junction.web.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The transaction of {@link SamlReplays#accept}: one insert, and now and then a purge. */
@ApplicationScoped
@Transactional
public class SamlReplayLog {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  /** Whether a digest is recorded (kept until its assertion would be refused as expired anyway). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean seen(String key) {
    return em.find(SamlAssertionSeen.class, key) != null;
  }

  /** Records a digest; a constraint violation when it is there already. */
  public void record(String key, Instant keepUntil, boolean purge) {
    if (purge) {
      em.createNamedQuery("SamlAssertionSeen.purge")
          .setParameter("now", Instant.now())
          .executeUpdate();
    }
    em.persist(new SamlAssertionSeen(key, keepUntil));
    em.flush();
  }
}
