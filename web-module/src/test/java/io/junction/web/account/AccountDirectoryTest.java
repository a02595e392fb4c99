package io.junction.web.account;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.db.PageCursor;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How an administrator finds a site's accounts, on a real database. */
class AccountDirectoryTest {

  private static TestServices app;
  private static TestDatabase db;
  private static AccountService accounts;
  private static AccountDirectory directory;

  private String apiKey;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
    accounts = app.get(AccountService.class);
    directory = app.get(AccountDirectory.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void newSite() {
    apiKey = app.newSite().site().apiKey();
  }

  @Test
  void findsAnAccountByUidProviderUidEmailOrNicknameInAnyCase() {
    Account ann = login("facebook", "fb-1001", "Ann Smith", "ann@shop.example");
    Account bob = login("twitter", "tw-2002", "Bob", "BOB@Mail.example");

    assertEquals(List.of(ann.uid()), uids(search("FB-100")));
    assertEquals(List.of(bob.uid()), uids(search("bob@mail")));
    assertEquals(List.of(ann.uid()), uids(search("smith")));
    assertEquals(List.of(bob.uid()), uids(search(bob.uid().substring(2, 14))));
    assertEquals(List.of(bob.uid(), ann.uid()), uids(search("")), "all, newest first");
    assertEquals(List.of(), uids(search("nobody")));
  }

  @Test
  void wildcardsInTheQueryAreTakenLiterally() {
    login("facebook", "fb_1", "Ann", null);
    login("facebook", "fbx1", "Bob", null);
    login("facebook", "fb-3", "100% Carl", null);

    assertEquals(1, search("fb_").size(), "_ is no single-character wildcard");
    assertEquals(1, search("%").size(), "% is no wildcard");
    assertEquals(0, search("!").size());
  }

  @Test
  void anotherSitesAccountsAreNotFound() {
    login("facebook", "fb-shared", "Ann", null);
    String other = apiKey;
    apiKey = app.newSite().site().apiKey();
    assertEquals(List.of(), uids(search("fb-shared")));
    assertEquals(1, db.count("SELECT COUNT(*) FROM account WHERE api_key = ?", other));
  }

  @Test
  void pagesFollowEachOtherNewestFirstAndStayStableWhenAccountsAreAdded() {
    List<String> made = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      made.add(0, login("facebook", "page-" + n, "User " + n, null).uid());
    }
    AccountDirectory.Page first = directory.search(apiKey, "page-", 2, null);
    assertEquals(made.subList(0, 2), uids(first.accounts()));
    assertNotNull(first.next());

    login("facebook", "page-late", "Late", null);

    AccountDirectory.Page second =
        directory.search(apiKey, "page-", 2, PageCursor.decode(first.next(), "cursor"));
    assertEquals(made.subList(2, 4), uids(second.accounts()));
    AccountDirectory.Page third =
        directory.search(apiKey, "page-", 2, PageCursor.decode(second.next(), "cursor"));
    assertEquals(made.subList(4, 5), uids(third.accounts()));
    assertNull(third.next());
  }

  @Test
  void aCursorOrLimitThatIsNotOneIsRefused() {
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> PageCursor.decode("xyz", "cursor"));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE, () -> PageCursor.decode("!!not-base64!!", "cursor"));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> PageCursor.limit("0", 20, 100));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> PageCursor.limit("101", 20, 100));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> PageCursor.limit("-1", 20, 100));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> PageCursor.limit("ten", 20, 100));
    assertEquals(20, PageCursor.limit(null, 20, 100));
    assertEquals(7, PageCursor.limit("7", 20, 100));
    PageCursor c = new PageCursor(java.time.Instant.parse("2026-01-02T03:04:05.123456Z"), "a_b-C");
    assertEquals(c, PageCursor.decode(c.encode(), "cursor"));
  }

  @Test
  void anUnknownUidIsUidNotFound() {
    assertEquals(
        404,
        assertRefused(ErrorCode.UID_NOT_FOUND, () -> directory.get(apiKey, "_guid_nobody"))
            .httpStatus());
  }

  private List<Account> search(String q) {
    return directory.search(apiKey, q, 100, null).accounts();
  }

  private static List<String> uids(List<Account> list) {
    return list.stream().map(Account::uid).toList();
  }

  private Account login(String provider, String providerUid, String nickname, String email) {
    try {
      // Accounts made in one millisecond are still ordered (by id), but the test reads clearer
      // when each is newer than the last.
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return db.transactional(
            AccountService.class,
            "login",
            () ->
                accounts.login(
                    apiKey,
                    provider,
                    new SocialProfile(
                        providerUid,
                        nickname,
                        null,
                        null,
                        email,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                    new ProviderTokens("access-" + providerUid, null, 3600L, Map.of()),
                    null))
        .account();
  }
}
