package io.junction.web.account;

import io.junction.api.ErrorCode;
import io.junction.web.db.PageCursor;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.OAuthToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/**
 * A site's accounts as its administrator finds them: search (by UID, provider UID, e-mail or
 * nickname, newest first, a page at a time), one account with its identities, and the sessions it
 * holds. Reads only; changes go through {@link AccountService}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountDirectory {

  /** The escape character of the search's LIKE patterns. */
  private static final char ESCAPE = '!';

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Inject AccountService accounts;

  /** A page of accounts, newest first, and the cursor of the next page (null after the last). */
  public record Page(List<Account> accounts, String next) {}

  /** An account and its identities, oldest first. */
  public record Entry(Account account, List<SocialIdentity> identities) {}

  /**
   * The site's accounts whose UID, or an identity's provider UID, e-mail or nickname, contains
   * {@code query} (any case); all of them when it is blank. Newest first, after {@code cursor}.
   */
  public Page search(String apiKey, String query, int limit, PageCursor cursor) {
    StringBuilder jpql = new StringBuilder("SELECT a FROM Account a WHERE a.apiKey = :apiKey");
    String pattern = null;
    if (query != null && !query.isBlank()) {
      pattern = "%" + escape(query.trim().toLowerCase(Locale.ROOT)) + "%";
      jpql.append(" AND (LOWER(a.uid) LIKE :q ESCAPE '!' OR EXISTS (SELECT i FROM SocialIdentity i")
          .append(" WHERE i.accountId = a.id AND (LOWER(i.providerUid) LIKE :q ESCAPE '!'")
          .append(
              " OR LOWER(i.email) LIKE :q ESCAPE '!' OR LOWER(i.nickname) LIKE :q ESCAPE '!')))");
    }
    if (cursor != null) {
      jpql.append(
          " AND (a.createdAt < :cursorAt OR (a.createdAt = :cursorAt AND a.id < :cursorId))");
    }
    jpql.append(" ORDER BY a.createdAt DESC, a.id DESC");
    TypedQuery<Account> q =
        em.createQuery(jpql.toString(), Account.class).setParameter("apiKey", apiKey);
    if (pattern != null) {
      q.setParameter("q", pattern);
    }
    if (cursor != null) {
      q.setParameter("cursorAt", cursor.at()).setParameter("cursorId", cursor.id());
    }
    List<Account> rows = q.setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    Account last = rows.get(limit - 1);
    return new Page(rows.subList(0, limit), new PageCursor(last.createdAt(), last.id()).encode());
  }

  /** The site's account of a UID with its identities: 404003 when the site has none. */
  public Entry get(String apiKey, String uid) {
    Account account =
        accounts
            .byUid(apiKey, uid)
            .orElseThrow(
                () ->
                    new GigyaException(
                        ErrorCode.UID_NOT_FOUND, "The site has no account with UID " + uid, 404));
    return new Entry(account, accounts.identities(account.id()));
  }

  /** An account's identities, oldest first. */
  public List<SocialIdentity> identities(String accountId) {
    return accounts.identities(accountId);
  }

  /** The account's Junction sessions (oauth_tokens), by their facts only. */
  public List<OAuthToken> sessions(String accountId) {
    return em.createQuery(
            "SELECT t FROM OAuthToken t WHERE t.accountId = :a ORDER BY t.createdAt",
            OAuthToken.class)
        .setParameter("a", accountId)
        .getResultList();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '%' || c == '_' || c == ESCAPE) {
        out.append(ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }
}
