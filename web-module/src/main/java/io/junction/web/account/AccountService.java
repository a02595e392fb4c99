package io.junction.web.account;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.db.Contention;
import io.junction.web.envelope.GigyaException;
import io.junction.web.saml.SamlIdentityStore;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Links social identities to site accounts. Each method is one transaction: a refusal (an identity
 * that belongs to someone else) writes nothing.
 *
 * <p>Concurrency: every method that changes an account or its identities first takes the row lock
 * of the account(s) concerned ({@code SELECT ... FOR UPDATE}), several in the order of their ids,
 * and only then reads and changes their identities. Requests for one user (logins from several
 * browsers, addConnection and removeConnection, setUID, a guest merge) therefore queue behind one
 * another instead of deadlocking, and each reads what the previous one committed, so no version
 * check fails. What the locks cannot order is settled by the database and retried by the caller
 * ({@link Contention#retry}): two first logins of one identity insert it together and the unique
 * constraint on (site, provider, provider UID) refuses one, whose retry finds the winner's row; an
 * identity that moved to another account between its lookup and the lock is {@link
 * Contention.Lost}.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Inject Secrets secrets;
  @Inject SamlIdentityStore samlIdentities;

  /** The friends kept per identity, forgotten as an identity goes. */
  @Inject io.junction.web.social.FriendsCache friendsCache;

  /**
   * What a link did.
   *
   * @param account the account the identity now belongs to
   * @param identity the identity
   * @param newGuestKey the value of a guest cookie to set, when a guest account was created
   * @param guestConsumed whether the browser's guest account merged into the account (or became
   *     it), so the guest cookie is to be cleared
   */
  public record Linked(
      Account account, SocialIdentity identity, String newGuestKey, boolean guestConsumed) {}

  /** The account of a site user id (client_credentials with x_siteUID), created on first use. */
  public Account siteUser(String apiKey, String siteUid) {
    Optional<Account> found = byUid(apiKey, siteUid);
    if (found.isPresent()) {
      // Locked as by every writer of its rows: the caller issues it a token next.
      Account locked = lock(found.get().id()).get(found.get().id());
      if (locked == null) {
        throw new Contention.Lost("The account was deleted meanwhile");
      }
      return locked;
    }
    Account a = new Account(newId(), apiKey, siteUid, Instant.now());
    a.loggedIn(null, Instant.now());
    em.persist(a);
    em.flush();
    return a;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Account> byUid(String apiKey, String uid) {
    return em.createNamedQuery("Account.findByUid", Account.class)
        .setParameter("apiKey", apiKey)
        .setParameter("uid", uid)
        .getResultStream()
        .findFirst();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Account> byId(String id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SocialIdentity> identities(String accountId) {
    return em.createNamedQuery("SocialIdentity.findByAccount", SocialIdentity.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  /**
   * A social login: the identity's account (created with the identity on first login), with the
   * browser's guest connections merged into it.
   */
  public Linked login(
      String apiKey,
      String provider,
      SocialProfile profile,
      ProviderTokens tokens,
      String guestKey) {
    Instant now = Instant.now();
    String ownerId = ownerOf(apiKey, provider, profile.providerUid()).orElse(null);
    String guestId = guestKey == null ? null : guestId(apiKey, guestKey).orElse(null);
    Map<String, Account> locked = lock(ownerId, guestId);
    SocialIdentity identity;
    Account account;
    if (ownerId == null) {
      account = new Account(newId(), apiKey, "_guid_" + Randoms.urlSafe(18), now);
      em.persist(account);
      identity =
          new SocialIdentity(newId(), account.id(), apiKey, provider, profile.providerUid(), now);
      em.persist(identity);
    } else {
      account = locked.get(ownerId);
      identity = find(apiKey, provider, profile.providerUid()).orElse(null);
      if (account == null || identity == null || !identity.accountId().equals(ownerId)) {
        throw new Contention.Lost("The identity moved or was removed meanwhile");
      }
    }
    refresh(identity, profile, tokens, now);
    Account guest = guestId == null ? null : locked.get(guestId);
    if (guest != null && guest.isGuest() && !guest.id().equals(account.id())) {
      moveAll(guest, account);
    }
    account.loggedIn(provider, now);
    em.flush();
    return new Linked(account, identity, null, guestKey != null);
  }

  /**
   * The connections of a browser's guest account that a login into {@code accountId} would take in:
   * present when the guest key names a guest account of the site other than that account, and it
   * holds identities.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<GuestConnections> guestConnections(
      String apiKey, String guestKey, String accountId) {
    return guest(apiKey, guestKey)
        .filter(g -> !g.id().equals(accountId))
        .map(g -> new GuestConnections(g, identities(g.id())))
        .filter(c -> !c.identities().isEmpty());
  }

  /** A guest account and the identities it holds. */
  public record GuestConnections(Account guest, List<SocialIdentity> identities) {}

  /**
   * Moves a guest account's identities into an account and removes the guest account; false when
   * the guest account is no longer there as a guest of the site (merged or logged into meanwhile),
   * and then nothing changes.
   */
  public boolean mergeGuest(String apiKey, String guestAccountId, String accountId) {
    Map<String, Account> locked = lock(guestAccountId, accountId);
    Account guest = locked.get(guestAccountId);
    Account account = locked.get(accountId);
    if (guest == null
        || account == null
        || !guest.isGuest()
        || !guest.apiKey().equals(apiKey)
        || !account.apiKey().equals(apiKey)
        || guest.id().equals(account.id())) {
      return false;
    }
    moveAll(guest, account);
    em.flush();
    return true;
  }

  private void moveAll(Account guest, Account account) {
    for (SocialIdentity moved : identities(guest.id())) {
      moved.moveTo(account.id());
    }
    em.flush();
    deleteRowsOf(List.of(guest.id()));
    em.remove(guest);
  }

  /** An identity read from its provider, to be linked. */
  public record ProviderIdentity(String provider, SocialProfile profile, ProviderTokens tokens) {}

  /**
   * Links several identities at once (notifyLogin's providerSessions): the first one logs in, the
   * others join its account; 409001 for any that belongs to another account, and then none is
   * linked.
   */
  public Account linkAll(String apiKey, List<ProviderIdentity> identities) {
    Account account = null;
    for (ProviderIdentity i : identities) {
      account =
          account == null
              ? login(apiKey, i.provider(), i.profile(), i.tokens(), null).account()
              : connect(apiKey, i.provider(), i.profile(), i.tokens(), account.id(), null)
                  .account();
    }
    return account;
  }

  /**
   * Connects an identity (socialize.addConnection): to the logged-in account when there is one,
   * else to the browser's guest account (created with a new guest key when the browser has none).
   * 409001 when the identity belongs to another account.
   */
  public Linked connect(
      String apiKey,
      String provider,
      SocialProfile profile,
      ProviderTokens tokens,
      String accountId,
      String guestKey) {
    Instant now = Instant.now();
    Account target;
    String newGuestKey = null;
    if (accountId != null) {
      target = lock(accountId).get(accountId);
      if (target == null) {
        throw new GigyaException(
            ErrorCode.UNAUTHORIZED_USER, "The token's account no longer exists");
      }
    } else {
      String guestId = guestKey == null ? null : guestId(apiKey, guestKey).orElse(null);
      target = guestId == null ? null : lock(guestId).get(guestId);
      if (target != null && !target.isGuest()) {
        // Logged into meanwhile: no longer this browser's guest account.
        target = null;
      }
    }
    SocialIdentity identity = find(apiKey, provider, profile.providerUid()).orElse(null);
    if (identity != null && (target == null || !identity.accountId().equals(target.id()))) {
      throw new GigyaException(
          ErrorCode.IDENTITY_EXISTS,
          "This " + provider + " identity is already linked to another account");
    }
    if (target == null) {
      newGuestKey = Randoms.urlSafe(32);
      target =
          Account.guest(
              newId(), apiKey, "_guid_" + Randoms.urlSafe(18), Hashes.sha256Hex(newGuestKey), now);
      em.persist(target);
    }
    if (identity == null) {
      identity =
          new SocialIdentity(newId(), target.id(), apiKey, provider, profile.providerUid(), now);
      em.persist(identity);
    }
    refresh(identity, profile, tokens, now);
    em.flush();
    return new Linked(target, identity, newGuestKey, false);
  }

  /**
   * socialize.removeConnection: removes the account's identities of a provider (all when null). The
   * last way to log in stays linked unless {@code handling} is {@code remove}: {@code soft} (the
   * default) only ends its provider session, {@code fail} refuses with 400030.
   */
  public void removeConnection(String accountId, String provider, String handling) {
    String mode = handling == null ? "soft" : handling.trim().toLowerCase(Locale.ROOT);
    if (!List.of("soft", "remove", "fail").contains(mode)) {
      throw GigyaException.invalid("lastIdentityHandling", "must be soft, remove or fail");
    }
    lock(accountId);
    List<SocialIdentity> all = identities(accountId);
    List<SocialIdentity> targets = new ArrayList<>();
    for (SocialIdentity i : all) {
      if (provider == null || i.provider().equals(provider)) {
        targets.add(i);
      }
    }
    if (targets.isEmpty()) {
      throw new GigyaException(
          ErrorCode.NOT_CONNECTED,
          "The user is not connected to " + (provider == null ? "any provider" : provider));
    }
    boolean removesAll = targets.size() == all.size();
    Instant now = Instant.now();
    for (int n = 0; n < targets.size(); n++) {
      SocialIdentity i = targets.get(n);
      boolean last = removesAll && n == targets.size() - 1;
      if (last && mode.equals("fail")) {
        throw new GigyaException(
            ErrorCode.OPERATION_NOT_ALLOWED,
            "This is the user's last login identity (lastIdentityHandling=fail)");
      }
      if (last && mode.equals("soft")) {
        i.disconnect(now);
      } else {
        removeIdentity(i);
      }
      forgetFriends(i.id());
    }
    em.flush();
  }

  /**
   * Removes an identity and what hangs on it (a SAML identity's data), which the database no longer
   * deletes by itself. The caller holds the account's row lock.
   */
  private void removeIdentity(SocialIdentity i) {
    em.createQuery("DELETE FROM SamlIdentityData d WHERE d.identityId = :id")
        .setParameter("id", i.id())
        .executeUpdate();
    em.remove(i);
  }

  private void forgetFriends(String identityId) {
    if (friendsCache != null) {
      friendsCache.forget(identityId);
    }
  }

  /** An identity an administrator unlinked, and whether it was the account's last one. */
  public record Unlinked(SocialIdentity identity, boolean wasLast) {}

  /**
   * Unlinks one identity of an account (the administrator's unlink): 404000 when the account holds
   * no such identity; 400030 (HTTP 409) for its last identity, its last way to log in with a
   * provider, unless {@code confirmLast}. The provider is not called: its session is forgotten.
   */
  public Unlinked unlink(
      String accountId, String provider, String providerUid, boolean confirmLast) {
    lock(accountId); // as every writer of an account's identities: the account's row first
    List<SocialIdentity> all = identities(accountId);
    SocialIdentity target =
        all.stream()
            .filter(i -> i.provider().equals(provider) && i.providerUid().equals(providerUid))
            .findFirst()
            .orElseThrow(
                () ->
                    GigyaException.notFound(
                        "The account has no " + provider + " identity " + providerUid));
    boolean last = all.size() == 1;
    if (last && !confirmLast) {
      throw new GigyaException(
          ErrorCode.OPERATION_NOT_ALLOWED,
          "This is the account's last login identity: confirm with confirm=last to unlink it",
          409);
    }
    removeIdentity(target);
    em.flush();
    forgetFriends(target.id());
    return new Unlinked(target, last);
  }

  /**
   * socialize.setUID / notifyRegistration: the account takes the site's own user id as its UID.
   * 400003 when another account of the site has it.
   */
  public Account setUid(String accountId, String siteUid) {
    Account account = lock(accountId).get(accountId);
    if (account == null) {
      throw new GigyaException(ErrorCode.UNAUTHORIZED_USER, "The account no longer exists");
    }
    Optional<Account> other = byUid(account.apiKey(), siteUid);
    if (other.isPresent() && !other.get().id().equals(accountId)) {
      throw new GigyaException(
          ErrorCode.UNIQUE_IDENTIFIER_EXISTS, "Another account has the UID " + siteUid);
    }
    account.uid(siteUid);
    em.flush();
    return account;
  }

  /**
   * socialize.deleteAccount and the administrator's delete: the account, its identities, its
   * sessions (tokens, codes) and its parked logins, after taking the account's row lock as every
   * writer of its rows does.
   */
  public void delete(String accountId) {
    Account account = lock(accountId).get(accountId);
    if (account != null) {
      for (SocialIdentity i : identities(accountId)) {
        forgetFriends(i.id());
      }
      deleteRowsOf(List.of(accountId));
      em.remove(account);
      em.flush();
    }
  }

  /**
   * Deletes every account of a site with all their rows (a site's deletion, which then deletes the
   * site's own rows): the accounts' row locks first, in the order of their ids as everywhere, then
   * their rows as {@link #delete} does. Returns how many accounts there were.
   */
  public int deleteAllOf(String apiKey) {
    List<String> ids =
        em.createQuery(
                "SELECT a.id FROM Account a WHERE a.apiKey = :apiKey ORDER BY a.id", String.class)
            .setParameter("apiKey", apiKey)
            .getResultList();
    lock(ids.toArray(String[]::new));
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> some = ids.subList(from, Math.min(ids.size(), from + 500));
      deleteRowsOf(some);
      em.createQuery("DELETE FROM Account a WHERE a.id IN :ids")
          .setParameter("ids", some)
          .executeUpdate();
    }
    em.flush();
    return ids.size();
  }

  /**
   * The rows that hang on accounts, which the database no longer deletes by itself (no cascading
   * foreign key: its locks would come in an order of the database's own): the accounts' tokens,
   * codes, parked logins, identities and the SAML data of those identities. The caller holds the
   * accounts' row locks and deletes the accounts after.
   */
  private void deleteRowsOf(List<String> accountIds) {
    em.createQuery(
            "DELETE FROM SamlIdentityData d WHERE d.identityId IN"
                + " (SELECT i.id FROM SocialIdentity i WHERE i.accountId IN :ids)")
        .setParameter("ids", accountIds)
        .executeUpdate();
    for (String entity :
        List.of("OAuthToken", "AuthorizationCode", "BrowserConfirmation", "SocialIdentity")) {
      em.createQuery("DELETE FROM " + entity + " e WHERE e.accountId IN :ids")
          .setParameter("ids", accountIds)
          .executeUpdate();
    }
  }

  /**
   * The site accounts (not guests) of a provider's users, by provider UID: the friends of a user
   * who use the site too.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Account> siteUsers(
      String apiKey, String provider, Collection<String> providerUids) {
    Map<String, Account> out = new HashMap<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(providerUids));
    for (int from = 0; from < all.size(); from += 500) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT i.providerUid, a FROM SocialIdentity i, Account a"
                      + " WHERE a.id = i.accountId AND i.apiKey = :apiKey"
                      + " AND i.provider = :provider AND i.providerUid IN :uids",
                  Object[].class)
              .setParameter("apiKey", apiKey)
              .setParameter("provider", provider)
              .setParameter("uids", all.subList(from, Math.min(all.size(), from + 500)))
              .getResultList();
      for (Object[] row : rows) {
        Account a = (Account) row[1];
        if (!a.isGuest()) {
          out.put((String) row[0], a);
        }
      }
    }
    return out;
  }

  /** The provider session of an identity, in clear. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String accessToken(SocialIdentity i) {
    return i.accessTokenEncrypted() == null
        ? null
        : secrets.cipher().decrypt(i.accessTokenEncrypted(), "provider-token:" + i.id());
  }

  /** The refresh token of an identity, in clear, or null. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String refreshToken(SocialIdentity i) {
    return i.refreshTokenEncrypted() == null
        ? null
        : secrets.cipher().decrypt(i.refreshTokenEncrypted(), "provider-refresh:" + i.id());
  }

  /** Stores renewed provider tokens of an identity; returns the identity as stored. */
  public SocialIdentity renewSession(String identityId, ProviderTokens tokens) {
    em.createQuery("SELECT i.accountId FROM SocialIdentity i WHERE i.id = :id", String.class)
        .setParameter("id", identityId)
        .getResultStream()
        .findFirst()
        .ifPresent(this::lock);
    SocialIdentity i = em.find(SocialIdentity.class, identityId);
    if (i == null) {
      throw new GigyaException(ErrorCode.NOT_CONNECTED, "The connection was removed");
    }
    storeSession(i, tokens, Instant.now());
    em.flush();
    return i;
  }

  private void refresh(
      SocialIdentity identity, SocialProfile profile, ProviderTokens tokens, Instant now) {
    identity.profile(profile, now);
    storeSession(identity, tokens, now);
    // A SAML identity's Country, City, Zip and samlData, in the same transaction.
    samlIdentities.store(identity.id(), tokens, now);
  }

  /** The provider session, encrypted, bound to the identity's row. */
  private void storeSession(SocialIdentity identity, ProviderTokens tokens, Instant now) {
    identity.grantedScopes(GrantedScopes.of(tokens));
    identity.session(
        secrets.cipher().encrypt(tokens.accessToken(), "provider-token:" + identity.id()),
        tokens.refreshToken() == null
            ? null
            : secrets.cipher().encrypt(tokens.refreshToken(), "provider-refresh:" + identity.id()),
        tokens.expiresIn() == null ? null : now.plusSeconds(tokens.expiresIn()),
        now);
  }

  private Optional<SocialIdentity> find(String apiKey, String provider, String providerUid) {
    return em.createNamedQuery("SocialIdentity.find", SocialIdentity.class)
        .setParameter("apiKey", apiKey)
        .setParameter("provider", provider)
        .setParameter("providerUid", providerUid)
        .getResultStream()
        .findFirst();
  }

  private Optional<Account> guest(String apiKey, String guestKey) {
    return em.createNamedQuery("Account.findGuest", Account.class)
        .setParameter("apiKey", apiKey)
        .setParameter("hash", Hashes.sha256Hex(guestKey))
        .getResultStream()
        .findFirst();
  }

  /**
   * The id of the account an identity belongs to, read as a value: nothing enters the persistence
   * context before its account is locked, so what is read after the lock is what the previous
   * holder committed.
   */
  private Optional<String> ownerOf(String apiKey, String provider, String providerUid) {
    return em.createNamedQuery("SocialIdentity.findOwner", String.class)
        .setParameter("apiKey", apiKey)
        .setParameter("provider", provider)
        .setParameter("providerUid", providerUid)
        .getResultStream()
        .findFirst();
  }

  /** The id of a browser's guest account, read as a value (see {@link #ownerOf}). */
  private Optional<String> guestId(String apiKey, String guestKey) {
    return em.createNamedQuery("Account.findGuestId", String.class)
        .setParameter("apiKey", apiKey)
        .setParameter("hash", Hashes.sha256Hex(guestKey))
        .getResultStream()
        .findFirst();
  }

  /**
   * Takes the row locks of accounts (in the order of their ids) for a transaction that writes rows
   * hanging on them before it comes here, or without coming here: a code's redemption (the code,
   * then the token), a parked login's answer (the question, then the code). An account's lock comes
   * first for every writer, so such a transaction and the account's deletion (which deletes the
   * account's codes and questions under that lock) queue instead of each holding a row the other
   * waits for. Nulls are skipped; a missing account is no error here.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockFirst(String... accountIds) {
    lock(accountIds);
  }

  /**
   * Takes the row locks of accounts, in the order of their ids (the one order every transaction
   * uses), until the transaction ends; by id, each account as it is now, absent when it is gone.
   * Nulls are skipped.
   */
  private Map<String, Account> lock(String... accountIds) {
    TreeSet<String> ordered = new TreeSet<>();
    for (String id : accountIds) {
      if (id != null) {
        ordered.add(id);
      }
    }
    Map<String, Account> locked = new HashMap<>();
    for (String id : ordered) {
      Account a = em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (a != null) {
        locked.put(id, a);
      }
    }
    return locked;
  }

  private static String newId() {
    return Randoms.urlSafe(18);
  }
}
