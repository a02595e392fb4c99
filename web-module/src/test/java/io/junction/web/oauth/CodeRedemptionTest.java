package io.junction.web.oauth;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.account.AccountService;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * socialize.getToken's authorization codes ({@link TokenService#redeemCode}): single use, short
 * lived, bound to the site and the redirect URI, and burnt by any attempt, on a real database in
 * the transaction the method's {@code @Transactional} asks for.
 */
class CodeRedemptionTest {

  private static final String REDIRECT = "https://shop.example.com/after-login";

  private static TestServices app;
  private static TestDatabase db;
  private static TokenService tokens;

  private String apiKey;
  private String accountId;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
    tokens = app.get(TokenService.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void newSiteAndUser() {
    apiKey = app.newSite().site().apiKey();
    AccountService accounts = app.get(AccountService.class);
    accountId =
        db.transactional(
                AccountService.class, "siteUser", () -> accounts.siteUser(apiKey, "user-1"))
            .id();
  }

  @Test
  void aCodeIsRedeemedOnce() {
    String code = issue(120L);

    AuthorizationCode redeemed = redeem(apiKey, code, REDIRECT);

    assertEquals(accountId, redeemed.accountId());
    assertEquals(apiKey, redeemed.apiKey());
    assertEquals(120L, redeemed.sessionSeconds());
    assertTrue(redeemed.expiresAt().isAfter(Instant.now()));
    assertEquals(0, storedCodes(code));
    GigyaException again =
        assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> redeem(apiKey, code, REDIRECT));
    assertTrue(again.details().contains("code"), again.details());
  }

  @Test
  void anUnknownCodeIsRefused() {
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> redeem(apiKey, "jc1.unknown", REDIRECT));
  }

  @Test
  void anExpiredCodeIsRefusedAndBurnt() {
    String code = "jc1." + Randoms.urlSafe(32);
    db.inTransaction(
        () ->
            db.entityManager()
                .persist(
                    new AuthorizationCode(
                        Hashes.sha256Hex(code),
                        apiKey,
                        accountId,
                        REDIRECT,
                        null,
                        Instant.now().minusSeconds(1))));

    assertRefused(ErrorCode.CODE_EXPIRED, () -> redeem(apiKey, code, REDIRECT));

    assertEquals(0, storedCodes(code));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> redeem(apiKey, code, REDIRECT));
  }

  @Test
  void aCodeOfAnotherClientIsRefusedAndBurnt() {
    String otherSite = app.newSite().site().apiKey();
    String code = issue(null);

    assertRefused(ErrorCode.INVALID_GRANT, () -> redeem(otherSite, code, REDIRECT));

    assertEquals(0, storedCodes(code), "the refused attempt burnt the code");
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> redeem(apiKey, code, REDIRECT));
  }

  @Test
  void aCodeForAnotherRedirectUriIsRefusedAndBurnt() {
    String code = issue(null);

    assertRefused(
        ErrorCode.INVALID_GRANT,
        () -> redeem(apiKey, code, "https://shop.example.com/after-login/"));

    assertEquals(0, storedCodes(code));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> redeem(apiKey, code, REDIRECT));
  }

  @Test
  void oneOfTwoConcurrentRedemptionsWins() throws Exception {
    String code = issue(null);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    return redeem(apiKey, code, REDIRECT).accountId();
                  } catch (GigyaException e) {
                    return String.valueOf(e.code().code());
                  }
                }));
      }
      go.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : outcomes) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(1, results.stream().filter(accountId::equals).count(), results.toString());
      assertEquals(1, results.stream().filter("400006"::equals).count(), results.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  private String issue(Long sessionSeconds) {
    return db.transactional(
        TokenService.class,
        "issueCode",
        () -> tokens.issueCode(apiKey, accountId, REDIRECT, sessionSeconds));
  }

  private static AuthorizationCode redeem(String apiKey, String code, String redirectUri) {
    return db.transactional(
        TokenService.class, "redeemCode", () -> tokens.redeemCode(apiKey, code, redirectUri));
  }

  private static long storedCodes(String code) {
    return db.count(
        "SELECT COUNT(*) FROM authorization_code WHERE code_hash = ?", Hashes.sha256Hex(code));
  }
}
