package io.junction.web.audit;

import io.junction.web.caller.Administrator;
import io.junction.web.db.PageCursor;
import io.junction.web.security.Randoms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The audit log of administrators' changes. A record is written only inside the transaction of the
 * change it describes ({@link Transactional.TxType#MANDATORY}), so a change that commits has its
 * record and a change rolled back leaves none.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  /** A page of events, newest first, and the cursor of the next page (null after the last). */
  public record Page(List<AuditEvent> events, String next) {}

  /** Records a change in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEvent record(
      Administrator who, String action, String apiKey, String target, Changes changes) {
    AuditEvent event =
        new AuditEvent(
            Randoms.urlSafe(18),
            Instant.now(),
            clip(who.user(), 200),
            clip(who.address(), 64),
            action,
            apiKey,
            clip(target, 600),
            changes.json());
    em.persist(event);
    return event;
  }

  /**
   * Events newest first: of one site when {@code apiKey} is given (a deleted site's too), from
   * {@code since} on when given, after {@code cursor} when given.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page events(String apiKey, Instant since, int limit, PageCursor cursor) {
    StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
    if (apiKey != null) {
      jpql.append(" AND e.apiKey = :apiKey");
    }
    if (since != null) {
      jpql.append(" AND e.occurredAt >= :since");
    }
    if (cursor != null) {
      jpql.append(
          " AND (e.occurredAt < :cursorAt OR (e.occurredAt = :cursorAt AND e.id < :cursorId))");
    }
    jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
    TypedQuery<AuditEvent> q = em.createQuery(jpql.toString(), AuditEvent.class);
    if (apiKey != null) {
      q.setParameter("apiKey", apiKey);
    }
    if (since != null) {
      q.setParameter("since", since);
    }
    if (cursor != null) {
      q.setParameter("cursorAt", cursor.at()).setParameter("cursorId", cursor.id());
    }
    List<AuditEvent> rows = q.setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    AuditEvent last = rows.get(limit - 1);
    return new Page(rows.subList(0, limit), new PageCursor(last.at(), last.id()).encode());
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
