package io.junction.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.db.Contention;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.AuthorizationCode;
import io.junction.web.oauth.CallbackTransactions;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.PendingAuthorization;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.Hashes;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests for one user at the same moment, on a real (in-memory Derby) database, each in its own
 * transaction and thread as the server runs them, through the same retry as the server: logins of
 * one identity from many browsers, removeConnection repeated, addConnection against
 * removeConnection, guest accounts merging, setUID against logins. Every request ends in a result
 * or a Gigya refusal, none in a deadlock, a lock timeout or a version conflict, and the tables hold
 * one account and one identity where one is meant.
 */
class ConcurrentAccountsTest {

  /** No request may wait anywhere near Derby's lock timeout (5 s) or its old 20 s. */
  private static final long STALL_MILLIS = 4000;

  private static TestServices app;
  private static TestDatabase db;
  private static AccountService accounts;
  private static CallbackTransactions callback;
  private static TokenService tokens;

  private String apiKey;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
    accounts = app.get(AccountService.class);
    callback = app.get(CallbackTransactions.class);
    tokens = app.get(TokenService.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void newSite() {
    apiKey = app.newSite().site().apiKey();
  }

  // ---- logins --------------------------------------------------------------------------------

  @Test
  void eightBrowsersLoggingInOneUserAtOnceRoundAfterRoundAllSucceedIntoOneAccount() {
    Set<String> accountIds = new HashSet<>();
    for (int round = 0; round < 8; round++) {
      // Round 0: the identity is new, and all eight insert it at once.
      int r = round;
      List<Outcome> outcomes =
          atOnce(8, n -> () -> callbackLogin("ok-1", "Ann " + r + "." + n, null));
      for (Outcome o : outcomes) {
        CallbackTransactions.LoggedIn done = (CallbackTransactions.LoggedIn) o.value();
        assertNotNull(done.params().get("code"), "a code for every browser");
        accountIds.add(done.linked().account().id());
      }
    }
    assertEquals(1, accountIds.size(), "one account");
    assertEquals(1, count("SELECT COUNT(*) FROM account WHERE api_key = ?"));
    assertEquals(1, count("SELECT COUNT(*) FROM social_identity WHERE api_key = ?"));
    assertEquals(
        64,
        count(
            "SELECT COUNT(*) FROM authorization_code c JOIN account a ON a.id = c.account_id"
                + " WHERE a.api_key = ?"),
        "every login's code is stored");
  }

  @Test
  void aLoginWaitsForTheOneHoldingTheAccountAndThenSeesItsWrite() throws Exception {
    String accountId = login("ok-1", "first", null).account().id();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // A: logs in and keeps its transaction (and its lock on the account) open.
      Future<?> a =
          threads.submit(
              () ->
                  db.inTransaction(
                      () -> {
                        accounts.login(
                            apiKey, "odnoklassniki", profile("ok-1", "A"), tokens(), null);
                        holding.countDown();
                        assertTrue(release.await(20, TimeUnit.SECONDS));
                      }));
      assertTrue(holding.await(20, TimeUnit.SECONDS));
      // B: the same user from another browser, meanwhile.
      Future<AccountService.Linked> b = threads.submit(() -> login("ok-1", "B", null));
      Thread.sleep(300);
      assertFalse(b.isDone(), "B queues behind A's lock on the account");
      release.countDown();
      a.get(20, TimeUnit.SECONDS);
      AccountService.Linked linked = b.get(20, TimeUnit.SECONDS);
      assertEquals(accountId, linked.account().id());
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
    assertEquals("B", only(accounts.identities(accountId)).nickname(), "B wrote last");
  }

  @Test
  void fourUsersLoggingInFromBrowsersSharingOneGuestCookieEachGetTheirAccount() {
    AccountService.Linked guest = connect("vkontakte", "vk-guest", null, null);
    String guestKey = guest.newGuestKey();
    List<Outcome> outcomes = atOnce(4, n -> () -> login("ok-" + n, "User " + n, guestKey));
    Set<String> accountIds = new HashSet<>();
    for (Outcome o : outcomes) {
      accountIds.add(((AccountService.Linked) o.value()).account().id());
    }
    assertEquals(4, accountIds.size(), "four users, four accounts");
    assertEquals(0, count("SELECT COUNT(*) FROM account WHERE api_key = ? AND guest = TRUE"));
    assertEquals(4, count("SELECT COUNT(*) FROM account WHERE api_key = ?"));
    assertEquals(5, count("SELECT COUNT(*) FROM social_identity WHERE api_key = ?"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM social_identity WHERE api_key = ? AND provider_uid = 'vk-guest'"
                + " AND account_id IN (SELECT id FROM account WHERE guest = FALSE)"),
        "the guest connection went to exactly one of them");
  }

  @Test
  void twoGuestBrowsersLoggingInTheSameUserAtOnceMergeIntoOneAccount() {
    String first = connect("vkontakte", "vk-1", null, null).newGuestKey();
    String second = connect("facebook", "fb-2", null, null).newGuestKey();
    for (int round = 0; round < 3; round++) {
      List<String> keys = round == 0 ? List.of(first, second) : new ArrayList<>();
      if (keys.isEmpty()) {
        keys.add(connect("twitter", "tw-" + round + "a", null, null).newGuestKey());
        keys.add(connect("twitter", "tw-" + round + "b", null, null).newGuestKey());
      }
      List<String> guests = keys;
      atOnce(2, n -> () -> login("ok-1", "Ann", guests.get(n)));
    }
    assertEquals(1, count("SELECT COUNT(*) FROM account WHERE api_key = ?"), "one account");
    assertEquals(0, count("SELECT COUNT(*) FROM account WHERE api_key = ? AND guest = TRUE"));
    assertEquals(7, count("SELECT COUNT(*) FROM social_identity WHERE api_key = ?"));
  }

  // ---- connections ---------------------------------------------------------------------------

  @Test
  void removeConnectionFourTimesAtOnceRemovesOnceAndTellsTheOthers() {
    String accountId = login("ok-1", "Ann", null).account().id();
    connect("facebook", "fb-1", accountId, null);
    List<Outcome> outcomes =
        atOnce(4, n -> () -> remove(accountId, "facebook", null), ErrorCode.NOT_CONNECTED);
    long removed = outcomes.stream().filter(o -> o.refusal() == null).count();
    assertEquals(1, removed, "one removes it, the others find it gone (400106)");
    assertEquals(List.of("odnoklassniki"), providers(accountId));
  }

  @Test
  void addConnectionRacingRemoveConnectionOnOneAccountBothHappen() {
    String accountId = login("ok-1", "Ann", null).account().id();
    for (int round = 0; round < 6; round++) {
      connect("facebook", "fb-" + round, accountId, null);
      String vk = "vk-" + round;
      String fb = "fb-" + round;
      atOnce(
          2,
          n ->
              n == 0
                  ? () -> connect("vkontakte", vk, accountId, null)
                  : () -> remove(accountId, "facebook", "remove"));
      assertEquals(
          0,
          count(
              "SELECT COUNT(*) FROM social_identity WHERE api_key = ? AND provider_uid = '"
                  + fb
                  + "'"));
      assertEquals(
          1,
          count(
              "SELECT COUNT(*) FROM social_identity WHERE api_key = ? AND provider_uid = '"
                  + vk
                  + "'"));
    }
    assertEquals(7, count("SELECT COUNT(*) FROM social_identity WHERE api_key = ?"));
  }

  // ---- setUID --------------------------------------------------------------------------------

  @Test
  void setUidRacingLoginsOfTheSameAccountBothTakeEffect() {
    String accountId = login("ok-1", "Ann", null).account().id();
    for (int round = 0; round < 4; round++) {
      String uid = "shop-user-" + round;
      atOnce(6, n -> n == 0 ? () -> setUid(accountId, uid) : () -> login("ok-1", "Ann " + n, null));
      Account a = accounts.byId(accountId).orElseThrow();
      assertEquals(uid, a.uid());
      assertNotNull(a.lastLoginAt());
    }
  }

  @Test
  void twoAccountsTakingOneSiteUidAtOnceOneGetsItTheOther400003() {
    String a = login("ok-1", "Ann", null).account().id();
    String b = login("ok-2", "Bob", null).account().id();
    List<String> ids = List.of(a, b);
    List<Outcome> outcomes =
        atOnce(2, n -> () -> setUid(ids.get(n), "shop-user"), ErrorCode.UNIQUE_IDENTIFIER_EXISTS);
    assertEquals(1, outcomes.stream().filter(o -> o.refusal() == null).count());
    assertEquals(1, count("SELECT COUNT(*) FROM account WHERE api_key = ? AND uid = 'shop-user'"));
  }

  // ---- deletion ------------------------------------------------------------------------------

  @Test
  void deletingAnAccountWhileItsUserLogsInAgainLeavesNoHalfAccount() {
    for (int round = 0; round < 6; round++) {
      String doomed = login("ok-del", "Del", null).account().id();
      List<Outcome> outcomes =
          atOnce(
              5,
              n -> n == 0 ? () -> delete(doomed) : () -> callbackLogin("ok-del", "Del " + n, null));
      assertTrue(accounts.byId(doomed).isEmpty(), "deleted");
      long left = count("SELECT COUNT(*) FROM account WHERE api_key = ?");
      assertTrue(left <= 1, "at most the one a later login made: " + left);
      assertEquals(left, count("SELECT COUNT(*) FROM social_identity WHERE api_key = ?"));
      for (Outcome o : outcomes.subList(1, outcomes.size())) {
        CallbackTransactions.LoggedIn done = (CallbackTransactions.LoggedIn) o.value();
        long codes =
            db.count(
                "SELECT COUNT(*) FROM authorization_code WHERE code_hash = ?",
                Hashes.sha256Hex(done.params().get("code")));
        // A login before the deletion entered the account and its code went with it; one after
        // it made a new account, whose code stays.
        assertEquals(done.linked().account().id().equals(doomed) ? 0 : 1, codes);
      }
      db.inTransaction(
          () -> {
            for (Account a : accountsOfSite()) {
              accounts.delete(a.id());
            }
          });
    }
  }

  @Test
  void deletingAnAccountWhileItsCodesAreRedeemedNeitherWaitsForTheOther() {
    for (int round = 0; round < 6; round++) {
      List<String> codes = new ArrayList<>();
      String accountId = null;
      for (int n = 0; n < 4; n++) {
        CallbackTransactions.LoggedIn done = callbackLogin("ok-code", "Code " + n, null);
        accountId = done.linked().account().id();
        codes.add(done.params().get("code"));
      }
      String doomed = accountId;
      // The server runs neither again: a deadlock would fail the request.
      atOnce(
          5,
          n -> n == 0 ? () -> delete(doomed) : () -> redeem(codes.get(n - 1)),
          ErrorCode.INVALID_PARAMETER_VALUE);
      for (String table :
          List.of("account", "social_identity", "oauth_token", "authorization_code")) {
        assertEquals(0, count("SELECT COUNT(*) FROM " + table + " WHERE api_key = ?"), table);
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** What one task ended with: its value, or the Gigya refusal it was allowed to end with. */
  private record Outcome(Object value, ErrorCode refusal) {}

  /**
   * Runs {@code n} tasks released together, each in its own thread, and waits for all; each must
   * end with a value or with one of the {@code allowed} refusals within {@link #STALL_MILLIS}.
   */
  private static List<Outcome> atOnce(int n, IntFunction<Callable<?>> task, ErrorCode... allowed) {
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService threads = Executors.newFixedThreadPool(n);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<?> work = task.apply(i);
        futures.add(
            threads.submit(
                () -> {
                  start.await(20, TimeUnit.SECONDS);
                  long began = System.nanoTime();
                  Outcome o;
                  try {
                    o = new Outcome(work.call(), null);
                  } catch (GigyaException e) {
                    if (!List.of(allowed).contains(e.code())) {
                      throw e;
                    }
                    o = new Outcome(null, e.code());
                  }
                  long millis = (System.nanoTime() - began) / 1_000_000;
                  assertTrue(millis < STALL_MILLIS, "took " + millis + " ms");
                  return o;
                }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        try {
          outcomes.add(f.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
          fail("A concurrent request failed", e);
        }
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The callback's transaction of a login (link, then the code), with the server's retry. */
  private CallbackTransactions.LoggedIn callbackLogin(
      String providerUid, String nickname, String guestKey) {
    PendingAuthorization p =
        PendingAuthorization.builder()
            .stateHash(Hashes.sha256Hex(providerUid + nickname + System.nanoTime()))
            .apiKey(apiKey)
            .provider("odnoklassniki")
            .flow(PendingAuthorization.Flow.LOGIN)
            .browserHash(Hashes.sha256Hex("browser-" + nickname))
            .redirectUri("https://shop.example.com/after-login")
            .responseType("code")
            .clientState("st")
            .lang("en")
            .callbackUrl("https://localhost/GS/GSLogin.aspx")
            .expiresAt(Instant.now().plusSeconds(600))
            .build();
    return Contention.retry(
        () ->
            db.transactional(
                CallbackTransactions.class,
                "login",
                () -> callback.login(p, profile(providerUid, nickname), tokens(), guestKey)));
  }

  private AccountService.Linked login(String providerUid, String nickname, String guestKey) {
    return Contention.retry(
        () ->
            db.transactional(
                AccountService.class,
                "login",
                () ->
                    accounts.login(
                        apiKey,
                        "odnoklassniki",
                        profile(providerUid, nickname),
                        tokens(),
                        guestKey)));
  }

  private AccountService.Linked connect(
      String provider, String providerUid, String accountId, String guestKey) {
    return Contention.retry(
        () ->
            db.transactional(
                AccountService.class,
                "connect",
                () ->
                    accounts.connect(
                        apiKey,
                        provider,
                        profile(providerUid, providerUid),
                        tokens(),
                        accountId,
                        guestKey)));
  }

  private Object remove(String accountId, String provider, String handling) {
    Contention.retry(
        () ->
            db.transactional(
                AccountService.class,
                "removeConnection",
                () -> {
                  accounts.removeConnection(accountId, provider, handling);
                  return null;
                }));
    return "removed";
  }

  /** An account's deletion, not run again (the administrator's). */
  private Object delete(String accountId) {
    db.transactional(
        AccountService.class,
        "delete",
        () -> {
          accounts.delete(accountId);
          return null;
        });
    return "deleted";
  }

  /** socialize.getToken's redemption of a code and the token it issues, one transaction. */
  private TokenService.Issued redeem(String code) {
    return db.transactional(
        TokenService.class,
        "redeemCode",
        () -> {
          AuthorizationCode c =
              tokens.redeemCode(apiKey, code, "https://shop.example.com/after-login");
          return tokens.issueToken(apiKey, c.accountId(), OAuthToken.Kind.USER, null);
        });
  }

  private Account setUid(String accountId, String uid) {
    return Contention.retry(
        () ->
            db.transactional(
                AccountService.class, "setUid", () -> accounts.setUid(accountId, uid)));
  }

  private static SocialProfile profile(String providerUid, String nickname) {
    return new SocialProfile(
        providerUid, nickname, null, null, null, null, null, null, null, null, null);
  }

  private static ProviderTokens tokens() {
    return new ProviderTokens("access", "refresh", 3600L, Map.of());
  }

  private List<String> providers(String accountId) {
    return accounts.identities(accountId).stream().map(SocialIdentity::provider).toList();
  }

  private List<Account> accountsOfSite() {
    return db.entityManager()
        .createQuery("SELECT a FROM Account a WHERE a.apiKey = :k", Account.class)
        .setParameter("k", apiKey)
        .getResultList();
  }

  private long count(String sql) {
    return db.count(sql, apiKey);
  }

  private static <T> T only(List<T> list) {
    assertEquals(1, list.size(), list.toString());
    return list.get(0);
  }
}
