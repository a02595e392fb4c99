package io.junction.web.security;

import io.junction.api.ErrorCode;
import io.junction.web.db.Constraints;
import io.junction.web.db.OncePerInterval;
import io.junction.web.envelope.GigyaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The nonces of signed calls and the {@code jti} of application keys' JWTs, kept (in the shared
 * database, so on every node) for as long as their timestamp could still be accepted: a second use
 * is refused with 403004.
 */
@ApplicationScoped
public class Nonces {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  /** Expired nonces are deleted at most once a minute per node, by the call that finds it due. */
  private final OncePerInterval purge = new OncePerInterval(Duration.ofMinutes(1));

  /**
   * On PostgreSQL a nonce's commit need not wait for the disk: a crash would forget the nonces of
   * the last moments, whose timestamps stop being accepted within the skew anyway.
   */
  @Inject
  @ConfigProperty(name = "DB_KIND", defaultValue = "derby")
  String dbKind;

  /**
   * Records a nonce; 403004 when the site has seen it already. Its own transaction, so a replay is
   * refused whatever the method then does.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void use(String apiKey, String nonce, Duration keep) {
    record(apiKey, nonce, keep, "This nonce was used already");
  }

  /**
   * Records the {@code jti} of a JWT; 403004 when the site has seen it already. A JWT's id is kept
   * as {@code jti:} and the hex SHA-256 of the id, so an id of any length fits and never meets a
   * signed call's nonce by accident. Its own transaction, as {@link #use}.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void useJwtId(String apiKey, String jti, Duration keep) {
    record(
        apiKey,
        "jti:" + Hashes.sha256Hex(jti),
        keep,
        "This JWT was used already (its jti is single-use)");
  }

  /**
   * Records that the sealed state of a flow (its digest {@code stateHash}) reached its callback;
   * 403004 when it did already. Kept until {@code until} (the flow's expiry; an expired state is
   * refused without this record) as {@code flow:} and the digest. Its own transaction, committed
   * before the provider is called, and committed to the disk on every database: a state is used
   * once even across a crash.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void useFlowState(String apiKey, String stateHash, Instant until) {
    insert(
        apiKey, "flow:" + stateHash, until.plusSeconds(60), "This state was used already", false);
  }

  private void record(String apiKey, String nonce, Duration keep, String reused) {
    insert(apiKey, nonce, Instant.now().plus(keep), reused, true);
  }

  private void insert(
      String apiKey, String nonce, Instant until, String reused, boolean lazyCommit) {
    try {
      if (lazyCommit && "postgres".equals(dbKind)) {
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
      }
      em.createNativeQuery("INSERT INTO used_nonce (api_key, nonce, expires_at) VALUES (?, ?, ?)")
          .setParameter(1, apiKey)
          .setParameter(2, nonce)
          .setParameter(3, Timestamp.from(until))
          .executeUpdate();
    } catch (PersistenceException e) {
      if (Constraints.isViolation(e)) {
        throw new GigyaException(ErrorCode.DUPLICATE_NONCE, reused);
      }
      throw e;
    }
    if (purge.due()) {
      em.createNativeQuery("DELETE FROM used_nonce WHERE expires_at < ?")
          .setParameter(1, Timestamp.from(Instant.now()))
          .executeUpdate();
    }
  }
}
