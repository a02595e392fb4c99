package io.junction.web.account;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.Hashes;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How social identities are linked to site accounts (the merge policy), on a real database: each
 * service call runs in the transaction its {@code @Transactional} asks for.
 */
class AccountServiceTest {

  private static TestServices app;
  private static TestDatabase db;
  private static AccountService accounts;
  private static TokenService tokens;

  private String apiKey;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
    accounts = app.get(AccountService.class);
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

  // ---- login ---------------------------------------------------------------------------------

  @Test
  void firstLoginCreatesTheAccountWithTheIdentity() {
    AccountService.Linked linked = login("facebook", "fb-1", "Ann", null);

    Account account = linked.account();
    assertTrue(account.uid().startsWith("_guid_"), account.uid());
    assertFalse(account.isGuest());
    assertEquals("facebook", account.loginProvider());
    assertNotNull(account.lastLoginAt());
    assertNull(linked.newGuestKey());
    assertFalse(linked.guestConsumed());
    assertEquals(1, accountsOfSite());

    List<SocialIdentity> identities = accounts.identities(account.id());
    assertEquals(1, identities.size());
    SocialIdentity identity = identities.get(0);
    assertEquals(linked.identity().id(), identity.id());
    assertEquals("facebook", identity.provider());
    assertEquals("fb-1", identity.providerUid());
    assertEquals("Ann", identity.nickname());
    assertTrue(identity.connected(Instant.now()));
    assertEquals("access-fb-1", accounts.accessToken(identity));
    assertEquals("refresh-fb-1", accounts.refreshToken(identity));
    assertEquals(
        0,
        db.count("SELECT COUNT(*) FROM social_identity WHERE access_token_enc = 'access-fb-1'"),
        "the provider token is stored encrypted");
  }

  @Test
  void theSameIdentityLogsIntoTheSameAccountWithItsProfileRefreshed() {
    Account first = login("facebook", "fb-1", "Ann", null).account();
    AccountService.Linked second =
        tx(
            "login",
            () ->
                accounts.login(
                    apiKey,
                    "facebook",
                    profile("fb-1", "Ann B."),
                    new ProviderTokens("access-2", null, null, Map.of()),
                    null));

    assertEquals(first.id(), second.account().id());
    assertEquals(first.uid(), second.account().uid());
    assertEquals(1, accountsOfSite());
    SocialIdentity identity = only(accounts.identities(first.id()));
    assertEquals("Ann B.", identity.nickname());
    assertEquals("access-2", accounts.accessToken(identity));
    assertNull(identity.refreshTokenEncrypted());
  }

  @Test
  void anIdentityBelongsToOneAccountPerSite() {
    Account here = login("facebook", "fb-1", "Ann", null).account();
    String otherSite = app.newSite().site().apiKey();
    Account there =
        tx(
                "login",
                () ->
                    accounts.login(
                        otherSite, "facebook", profile("fb-1", "Ann"), tokens("fb-1"), null))
            .account();

    assertNotEquals(here.id(), there.id());
    assertEquals(here.id(), only(accounts.identities(here.id())).accountId());
  }

  @Test
  void loginWithAGuestKeyMovesTheGuestsIdentitiesAndDeletesTheGuest() {
    AccountService.Linked asGuest = connect("twitter", "tw-1", null, null);
    String guestKey = asGuest.newGuestKey();
    String guestId = asGuest.account().id();
    assertEquals(guestId, connect("vkontakte", "vk-1", null, guestKey).account().id());

    AccountService.Linked loggedIn = login("facebook", "fb-1", "Ann", guestKey);

    String accountId = loggedIn.account().id();
    assertNotEquals(guestId, accountId);
    assertTrue(loggedIn.guestConsumed(), "the guest cookie is to be cleared");
    assertEquals(List.of("facebook", "twitter", "vkontakte"), providers(accountId));
    assertTrue(accounts.byId(guestId).isEmpty(), "the guest account is deleted");
    assertEquals(1, accountsOfSite());

    AccountService.Linked later = connect("line", "ln-1", null, guestKey);
    assertNotNull(later.newGuestKey(), "the old guest key finds no guest any more");
    assertNotEquals(accountId, later.account().id());
  }

  @Test
  void loginWithTheGuestsOwnIdentityMakesTheGuestTheAccount() {
    AccountService.Linked asGuest = connect("twitter", "tw-1", null, null);
    String guestKey = asGuest.newGuestKey();

    AccountService.Linked loggedIn = login("twitter", "tw-1", "Tom", guestKey);

    assertEquals(asGuest.account().id(), loggedIn.account().id());
    assertFalse(loggedIn.account().isGuest());
    assertTrue(loggedIn.guestConsumed());
    assertEquals(1, accountsOfSite());
    assertEquals(
        0,
        db.count(
            "SELECT COUNT(*) FROM account WHERE guest_key_hash IS NOT NULL AND api_key = ?",
            apiKey));
    assertFalse(accounts.byId(loggedIn.account().id()).orElseThrow().isGuest());
  }

  // ---- connect -------------------------------------------------------------------------------

  @Test
  void connectLinksTheIdentityToTheLoggedInAccount() {
    Account account = login("facebook", "fb-1", "Ann", null).account();

    AccountService.Linked connected = connect("twitter", "tw-1", account.id(), null);

    assertEquals(account.id(), connected.account().id());
    assertNull(connected.newGuestKey());
    assertEquals(List.of("facebook", "twitter"), providers(account.id()));
    // Connecting it again only refreshes it.
    assertEquals(account.id(), connect("twitter", "tw-1", account.id(), null).account().id());
    assertEquals(2, accounts.identities(account.id()).size());
  }

  @Test
  void connectWithoutAnAccountCreatesAGuestWithANewGuestKey() {
    AccountService.Linked connected = connect("twitter", "tw-1", null, null);

    Account guest = connected.account();
    assertTrue(guest.isGuest());
    assertTrue(guest.uid().startsWith("_guid_"));
    String guestKey = connected.newGuestKey();
    assertNotNull(guestKey);
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM account WHERE id = ? AND guest_key_hash = ?",
            guest.id(),
            Hashes.sha256Hex(guestKey)),
        "only the guest key's digest is stored");
    assertEquals(List.of("twitter"), providers(guest.id()));

    AccountService.Linked again = connect("vkontakte", "vk-1", null, guestKey);
    assertEquals(guest.id(), again.account().id());
    assertNull(again.newGuestKey(), "the browser keeps its guest key");
    assertEquals(List.of("twitter", "vkontakte"), providers(guest.id()));
  }

  @Test
  void connectingAnIdentityOfAnotherAccountIsRefusedAndWritesNothing() {
    Account owner = login("facebook", "fb-1", "Ann", null).account();
    Account other = login("twitter", "tw-2", "Bob", null).account();
    AccountService.Linked guest = connect("vkontakte", "vk-3", null, null);
    long accountsBefore = accountsOfSite();
    long identitiesBefore = identitiesOfSite();

    assertRefused(
        ErrorCode.IDENTITY_EXISTS, () -> connect("facebook", "fb-1", "Mallory", other.id(), null));
    assertRefused(
        ErrorCode.IDENTITY_EXISTS, () -> connect("facebook", "fb-1", "Mallory", null, null));
    assertRefused(
        ErrorCode.IDENTITY_EXISTS,
        () -> connect("facebook", "fb-1", "Mallory", null, guest.newGuestKey()));

    assertEquals(accountsBefore, accountsOfSite(), "no guest account was created");
    assertEquals(identitiesBefore, identitiesOfSite());
    SocialIdentity identity = only(accounts.identities(owner.id()));
    assertEquals("fb-1", identity.providerUid());
    assertEquals("Ann", identity.nickname(), "the profile was not overwritten");
    assertEquals("access-fb-1", accounts.accessToken(identity));
    assertEquals(List.of("twitter"), providers(other.id()));
    assertEquals(List.of("vkontakte"), providers(guest.account().id()));
  }

  @Test
  void connectingToAnAccountThatNoLongerExistsIsRefused() {
    Account account = login("facebook", "fb-1", "Ann", null).account();
    tx("delete", () -> run(() -> accounts.delete(account.id())));

    assertRefused(
        ErrorCode.UNAUTHORIZED_USER, () -> connect("twitter", "tw-1", account.id(), null));
    assertEquals(0, identitiesOfSite());
  }

  // ---- removeConnection ----------------------------------------------------------------------

  @Test
  void removeConnectionKeepsTheLastIdentityLinkedUnlessAskedToRemoveIt() {
    String id = login("facebook", "fb-1", "Ann", null).account().id();
    connect("twitter", "tw-1", id, null);

    assertRefused(ErrorCode.NOT_CONNECTED, () -> remove(id, "vkontakte", null));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> remove(id, "twitter", "maybe"));
    assertEquals(List.of("facebook", "twitter"), providers(id));

    // Not the last: removed whatever the handling.
    remove(id, "twitter", "fail");
    assertEquals(List.of("facebook"), providers(id));

    // The last one: fail refuses and changes nothing.
    assertRefused(ErrorCode.OPERATION_NOT_ALLOWED, () -> remove(id, "facebook", "fail"));
    SocialIdentity last = only(accounts.identities(id));
    assertTrue(last.connected(Instant.now()));

    // soft (the default) ends the provider session but keeps the login.
    remove(id, "facebook", null);
    last = only(accounts.identities(id));
    assertEquals("fb-1", last.providerUid());
    assertFalse(last.connected(Instant.now()));
    assertNull(last.accessTokenEncrypted());
    assertNull(last.refreshTokenEncrypted());
    assertEquals(
        id,
        login("facebook", "fb-1", "Ann", null).account().id(),
        "the user can still log in with it");

    // remove takes it away; the account stays.
    remove(id, "facebook", "REMOVE");
    assertEquals(List.of(), providers(id));
    assertTrue(accounts.byId(id).isPresent());
  }

  @Test
  void removeConnectionOfEveryProviderKeepsOnlyTheLastOneSoftly() {
    String id = login("facebook", "fb-1", "Ann", null).account().id();
    connect("twitter", "tw-1", id, null);
    connect("vkontakte", "vk-1", id, null);
    List<SocialIdentity> before = accounts.identities(id);

    remove(id, null, "soft");

    SocialIdentity kept = only(accounts.identities(id));
    assertEquals(before.get(before.size() - 1).id(), kept.id());
    assertFalse(kept.connected(Instant.now()));
  }

  @Test
  void removeConnectionOfEveryProviderWithFailWritesNothing() {
    String id = login("facebook", "fb-1", "Ann", null).account().id();
    connect("twitter", "tw-1", id, null);

    assertRefused(ErrorCode.OPERATION_NOT_ALLOWED, () -> remove(id, null, "fail"));

    assertEquals(List.of("facebook", "twitter"), providers(id), "the transaction rolled back");
  }

  // ---- setUID --------------------------------------------------------------------------------

  @Test
  void setUidGivesTheAccountTheSitesUserIdOnce() {
    Account a = login("facebook", "fb-1", "Ann", null).account();
    Account b = login("twitter", "tw-1", "Bob", null).account();

    assertEquals("user-1", setUid(a.id(), "user-1").uid());
    assertEquals(a.id(), accounts.byUid(apiKey, "user-1").orElseThrow().id());
    assertEquals("user-1", setUid(a.id(), "user-1").uid(), "its own UID again is fine");

    assertRefused(ErrorCode.UNIQUE_IDENTIFIER_EXISTS, () -> setUid(b.id(), "user-1"));
    assertEquals(b.uid(), accounts.byId(b.id()).orElseThrow().uid());

    String otherSite = app.newSite().site().apiKey();
    Account elsewhere =
        tx(
                "login",
                () ->
                    accounts.login(
                        otherSite, "facebook", profile("fb-1", "Ann"), tokens("fb-1"), null))
            .account();
    assertEquals("user-1", setUid(elsewhere.id(), "user-1").uid(), "UIDs are unique per site");
  }

  // ---- linkAll -------------------------------------------------------------------------------

  @Test
  void linkAllLinksSeveralIdentitiesToOneAccount() {
    Account account =
        tx(
            "linkAll",
            () ->
                accounts.linkAll(
                    apiKey,
                    List.of(
                        identity("facebook", "fb-1"),
                        identity("twitter", "tw-1"),
                        identity("vkontakte", "vk-1"))));

    assertFalse(account.isGuest());
    assertEquals("facebook", account.loginProvider());
    assertEquals(List.of("facebook", "twitter", "vkontakte"), providers(account.id()));
    assertEquals(1, accountsOfSite());
  }

  @Test
  void linkAllLinksNoneWhenOneBelongsToAnotherAccount() {
    Account owner = login("vkontakte", "vk-9", "Val", null).account();
    long accountsBefore = accountsOfSite();

    assertRefused(
        ErrorCode.IDENTITY_EXISTS,
        () ->
            tx(
                "linkAll",
                () ->
                    accounts.linkAll(
                        apiKey,
                        List.of(
                            identity("facebook", "fb-1"),
                            identity("twitter", "tw-1"),
                            identity("vkontakte", "vk-9")))));

    assertEquals(accountsBefore, accountsOfSite());
    assertEquals(1, identitiesOfSite());
    assertEquals(List.of("vkontakte"), providers(owner.id()));
  }

  // ---- deleteAccount -------------------------------------------------------------------------

  @Test
  void deleteRemovesTheAccountItsIdentitiesAndItsSessions() {
    String doomed = login("facebook", "fb-1", "Ann", null).account().id();
    connect("twitter", "tw-1", doomed, null);
    String kept = login("vkontakte", "vk-1", "Val", null).account().id();
    db.inTransaction(
        () -> {
          tokens.issueToken(apiKey, doomed, OAuthToken.Kind.USER, null);
          tokens.issueCode(apiKey, doomed, "https://shop.example.com/back", null);
          tokens.issueToken(apiKey, kept, OAuthToken.Kind.USER, null);
        });

    tx("delete", () -> run(() -> accounts.delete(doomed)));

    assertTrue(accounts.byId(doomed).isEmpty());
    assertEquals(0, db.count("SELECT COUNT(*) FROM social_identity WHERE account_id = ?", doomed));
    assertEquals(0, db.count("SELECT COUNT(*) FROM oauth_token WHERE account_id = ?", doomed));
    assertEquals(
        0, db.count("SELECT COUNT(*) FROM authorization_code WHERE account_id = ?", doomed));
    assertEquals(List.of("vkontakte"), providers(kept));
    assertEquals(1, db.count("SELECT COUNT(*) FROM oauth_token WHERE account_id = ?", kept));

    tx("delete", () -> run(() -> accounts.delete(doomed))); // gone already: nothing to do
  }

  // ---- helpers -------------------------------------------------------------------------------

  private <T> T tx(String method, Callable<T> work) {
    return db.transactional(AccountService.class, method, work);
  }

  private static Object run(Runnable work) {
    work.run();
    return null;
  }

  private AccountService.Linked login(
      String provider, String providerUid, String nickname, String guestKey) {
    return tx(
        "login",
        () ->
            accounts.login(
                apiKey, provider, profile(providerUid, nickname), tokens(providerUid), guestKey));
  }

  private AccountService.Linked connect(
      String provider, String providerUid, String accountId, String guestKey) {
    return connect(provider, providerUid, "Nick", accountId, guestKey);
  }

  private AccountService.Linked connect(
      String provider, String providerUid, String nickname, String accountId, String guestKey) {
    return tx(
        "connect",
        () ->
            accounts.connect(
                apiKey,
                provider,
                profile(providerUid, nickname),
                tokens(providerUid),
                accountId,
                guestKey));
  }

  private void remove(String accountId, String provider, String handling) {
    tx(
        "removeConnection",
        () -> run(() -> accounts.removeConnection(accountId, provider, handling)));
  }

  private Account setUid(String accountId, String uid) {
    return tx("setUid", () -> accounts.setUid(accountId, uid));
  }

  private static AccountService.ProviderIdentity identity(String provider, String providerUid) {
    return new AccountService.ProviderIdentity(
        provider, profile(providerUid, "Nick"), tokens(providerUid));
  }

  private static SocialProfile profile(String providerUid, String nickname) {
    return new SocialProfile(
        providerUid, nickname, null, null, null, null, null, null, null, null, null);
  }

  private static ProviderTokens tokens(String providerUid) {
    return new ProviderTokens("access-" + providerUid, "refresh-" + providerUid, 3600L, Map.of());
  }

  private List<String> providers(String accountId) {
    return accounts.identities(accountId).stream().map(SocialIdentity::provider).sorted().toList();
  }

  private long accountsOfSite() {
    return db.count("SELECT COUNT(*) FROM account WHERE api_key = ?", apiKey);
  }

  private long identitiesOfSite() {
    return db.count("SELECT COUNT(*) FROM social_identity WHERE api_key = ?", apiKey);
  }

  private static <T> T only(List<T> list) {
    assertEquals(1, list.size(), () -> "expected one, got " + list);
    return list.get(0);
  }
}
