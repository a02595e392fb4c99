package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.account.AccountService;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database side of a callback ({@link CallbackTransactions}) on a real database: who may claim
 * a pending flow, what a login hands back to the site (a code bound to the browser and to the
 * site's PKCE challenge), and the guest-merge policy that parks a login.
 */
class CallbackCompletionTest {

  private static final String REDIRECT = "https://shop.example.com/after-login";

  private static TestServices app;
  private static TestDatabase db;
  private static CallbackTransactions callback;
  private static TokenService tokens;

  private String apiKey;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
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

  private PendingAuthorization pending(
      String state, String browserCookie, Instant expiresAt, String challenge) {
    PendingAuthorization p =
        PendingAuthorization.builder()
            .stateHash(Hashes.sha256Hex(state))
            .apiKey(apiKey)
            .provider("odnoklassniki")
            .flow(PendingAuthorization.Flow.LOGIN)
            .browserHash(Hashes.sha256Hex(browserCookie))
            .redirectUri(REDIRECT)
            .responseType("code")
            .clientState("st")
            .lang("en")
            .callbackUrl("https://localhost/GS/GSLogin.aspx")
            .expiresAt(expiresAt)
            .clientCodeChallenge(challenge)
            .build();
    PendingAuthorizations store = app.get(PendingAuthorizations.class);
    db.transactional(
        PendingAuthorizations.class,
        "save",
        () -> {
          store.save(p);
          return null;
        });
    return p;
  }

  private Optional<CallbackTransactions.Claim> claim(String state, String cookie) {
    return db.transactional(
        CallbackTransactions.class, "claim", () -> callback.claim(state, cookie));
  }

  private CallbackTransactions.LoggedIn login(PendingAuthorization p, String uid, String guestKey) {
    return db.transactional(
        CallbackTransactions.class,
        "login",
        () -> callback.login(p, profile(uid), tokens(uid), guestKey));
  }

  private static SocialProfile profile(String uid) {
    return new SocialProfile(
        uid, "User " + uid, null, null, null, null, null, null, null, null, null);
  }

  private static ProviderTokens tokens(String uid) {
    return new ProviderTokens("access-" + uid, null, 3600L, Map.of());
  }

  @Test
  void anotherBrowserCannotTakeAFlowAwayTheOneThatStartedItCanOnce() {
    String state = Randoms.urlSafe(32);
    String cookie = Randoms.urlSafe(32);
    pending(state, cookie, Instant.now().plusSeconds(600), null);

    CallbackTransactions.Claim stranger = claim(state, "someone-else").orElseThrow();
    assertFalse(stranger.ownBrowser());
    assertFalse(stranger.expired());
    assertFalse(claim(state, null).orElseThrow().ownBrowser());

    CallbackTransactions.Claim own = claim(state, cookie).orElseThrow();
    assertTrue(own.ownBrowser());
    assertTrue(claim(state, cookie).isEmpty(), "a state is used once");
  }

  @Test
  void anExpiredFlowIsTakenAwayWhoeverCalls() {
    String state = Randoms.urlSafe(32);
    pending(state, Randoms.urlSafe(32), Instant.now().minusSeconds(1), null);

    CallbackTransactions.Claim late = claim(state, "someone-else").orElseThrow();
    assertTrue(late.expired());
    assertTrue(claim(state, "someone-else").isEmpty());
  }

  @Test
  void aLoginHandsBackACodeBoundToTheBrowserAndTheSitesChallenge() {
    String verifier = Pkce.newVerifier();
    String cookie = Randoms.urlSafe(32);
    PendingAuthorization p =
        pending(
            Randoms.urlSafe(32), cookie, Instant.now().plusSeconds(600), Pkce.challenge(verifier));

    CallbackTransactions.LoggedIn done = login(p, "ok-1", null);
    assertNull(done.question());
    String code = done.params().get("code");
    assertNotNull(code, done.params().toString());

    GigyaException wrong =
        assertThrows(
            GigyaException.class,
            () ->
                db.transactional(
                    TokenService.class,
                    "redeemCode",
                    () -> tokens.redeemCode(apiKey, code, REDIRECT, Pkce.newVerifier())));
    assertEquals(ErrorCode.INVALID_GRANT, wrong.code());

    PendingAuthorization again =
        pending(
            Randoms.urlSafe(32), cookie, Instant.now().plusSeconds(600), Pkce.challenge(verifier));
    String second = login(again, "ok-1", null).params().get("code");
    AuthorizationCode redeemed =
        db.transactional(
            TokenService.class,
            "redeemCode",
            () -> tokens.redeemCode(apiKey, second, REDIRECT, verifier));
    assertEquals(Hashes.sha256Hex(cookie), redeemed.browserHash());
    assertEquals(
        done.linked().account().id(), redeemed.accountId(), "the same identity, one account");
  }

  @Test
  void guestConnectionsOfTheBrowserParkTheLoginUntilTheUserAnswers() {
    AccountService accounts = app.get(AccountService.class);
    AccountService.Linked guest =
        db.transactional(
            AccountService.class,
            "connect",
            () ->
                accounts.connect(apiKey, "vkontakte", profile("vk-9"), tokens("vk-9"), null, null));
    assertNotNull(guest.newGuestKey());

    PendingAuthorization p =
        pending(Randoms.urlSafe(32), Randoms.urlSafe(32), Instant.now().plusSeconds(600), null);
    CallbackTransactions.LoggedIn parked = login(p, "ok-2", guest.newGuestKey());

    assertNotNull(parked.question(), "the default policy asks first");
    assertTrue(parked.params().isEmpty(), "nothing goes to the site before the answer");
    assertFalse(
        parked.linked().account().id().equals(guest.account().id()),
        "the guest account is not merged yet");
  }
}
