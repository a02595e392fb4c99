package io.junction.web.audit;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.caller.Administrator;
import io.junction.web.db.PageCursor;
import io.junction.web.site.ProviderSettings;
import io.junction.web.site.SiteService;
import io.junction.web.site.SiteSettings;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionalException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Administrators' changes and their audit records, on a real database: each change commits with its
 * record or not at all, and no record holds a secret.
 */
class AdminChangesTest {

  private static final Administrator ADMIN = new Administrator("admin", "192.0.2.7");

  private static TestServices app;
  private static TestDatabase db;
  private static AdminChanges changes;
  private static AuditLog audit;
  private static AccountService accounts;
  private static SiteService sites;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
    changes = app.get(AdminChanges.class);
    audit = app.get(AuditLog.class);
    accounts = app.get(AccountService.class);
    sites = app.get(SiteService.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aNewSiteIsRecordedWithWhoWhenWhereAndItsSettingsButNotItsSecret() {
    Instant before = Instant.now().minusMillis(1);
    SiteService.CreatedSite created = createSite();
    String apiKey = created.site().apiKey();

    AuditEvent e = only(apiKey);
    assertEquals("site.create", e.action());
    assertEquals("admin", e.actor());
    assertEquals("192.0.2.7", e.address());
    assertEquals(apiKey, e.target());
    assertFalse(e.at().isBefore(before));
    JsonObject c = json(e);
    assertEquals("Test shop", c.getString("name"));
    assertEquals("[\"shop.example.com\"]", c.getJsonArray("domains").toString());
    assertEquals("confirm", c.getString("guestMerge"));
    assertFalse(e.changes().contains(created.secret()));
  }

  @Test
  void anUpdateRecordsOnlyTheFieldsItChangedWithBothValues() {
    String apiKey = createSite().site().apiKey();
    SiteSettings s = TestServices.siteSettings(false);
    SiteSettings renamed =
        new SiteSettings(
            "New name",
            s.domains(),
            s.cname(),
            s.dataCenter(),
            true,
            s.revokeTokensOnSecretRotation(),
            s.redirectUris(),
            s.allowImplicit(),
            s.requirePkce(),
            s.connectConfirmation(),
            s.guestMerge());
    tx("updateSite", () -> changes.updateSite(ADMIN, apiKey, renamed));

    AuditEvent update = events(apiKey).get(0);
    assertEquals("site.update", update.action());
    JsonObject c = json(update);
    assertEquals(List.of("name", "retrieveContacts"), List.copyOf(c.keySet()));
    assertEquals("Test shop", c.getJsonObject("name").getString("from"));
    assertEquals("New name", c.getJsonObject("name").getString("to"));
    assertTrue(c.getJsonObject("retrieveContacts").getBoolean("to"));
  }

  @Test
  void secretsAppearOnlyAsRotated() {
    String apiKey = createSite().site().apiKey();
    String siteSecret = tx("rotateSiteSecret", () -> changes.rotateSiteSecret(ADMIN, apiKey));
    ProviderInfo ok = providerInfo("odnoklassniki");
    tx(
        "putProvider",
        () -> changes.putProvider(ADMIN, apiKey, ok, provider("512000", "first-secret-value")));
    tx("putProvider", () -> changes.putProvider(ADMIN, apiKey, ok, provider("512001", null)));
    tx(
        "putProvider",
        () -> changes.putProvider(ADMIN, apiKey, ok, provider("512001", "second-secret-value")));
    SiteService.CreatedApplication app =
        tx(
            "createApplication",
            () -> changes.createApplication(ADMIN, apiKey, "reports", List.of("socialize.*")));
    String appSecret =
        tx(
            "rotateApplicationSecret",
            () -> changes.rotateApplicationSecret(ADMIN, apiKey, app.key().userKey()));
    assertTrue(sites.secretOf(sites.application(apiKey, app.key().userKey())).equals(appSecret));

    List<AuditEvent> log = events(apiKey);
    assertEquals(
        List.of(
            "application.secret.rotate",
            "application.create",
            "provider.update",
            "provider.update",
            "provider.create",
            "site.secret.rotate",
            "site.create"),
        log.stream().map(AuditEvent::action).toList());
    assertEquals("rotated", json(log.get(0)).getString("secret"));
    assertEquals("rotated", json(log.get(2)).getString("secretKey"));
    assertFalse(json(log.get(3)).containsKey("secretKey"), "no new secret key, none recorded");
    assertEquals("512001", json(log.get(3)).getJsonObject("appId").getString("to"));
    assertEquals("rotated", json(log.get(4)).getString("secretKey"));
    assertEquals("rotated", json(log.get(5)).getString("secret"));
    for (AuditEvent e : log) {
      for (String secret :
          List.of(siteSecret, appSecret, app.secret(), "first-secret-value", "second-secret")) {
        assertFalse(e.changes().contains(secret), e.action() + " holds a secret");
      }
    }
    assertEquals(
        0,
        db.count(
            "SELECT COUNT(*) FROM audit_event WHERE changes LIKE ? OR changes LIKE ?",
            "%first-secret%",
            "%second-secret%"));
  }

  @Test
  void aRefusedChangeLeavesNoRecord() {
    String apiKey = createSite().site().apiKey();
    SiteSettings s = TestServices.siteSettings(false);
    SiteSettings publicSuffix =
        new SiteSettings(
            s.name(),
            List.of("co.uk"),
            null,
            "us1",
            false,
            false,
            List.of(),
            true,
            false,
            true,
            s.guestMerge());
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () -> tx("updateSite", () -> changes.updateSite(ADMIN, apiKey, publicSuffix)));
    assertRefused(
        ErrorCode.NOT_FOUND,
        () ->
            tx(
                "deleteApplication",
                () -> {
                  changes.deleteApplication(ADMIN, apiKey, "AKnone");
                  return null;
                }));
    assertEquals(List.of("site.create"), events(apiKey).stream().map(AuditEvent::action).toList());
  }

  @Test
  void aChangeWhoseRecordCannotBeWrittenIsRolledBack() {
    try (TestServices other = TestServices.start()) {
      other
          .beans()
          .add(
              new AuditLog() {
                @Override
                public AuditEvent record(
                    Administrator who,
                    String action,
                    String apiKey,
                    String target,
                    Changes changes) {
                  throw new IllegalStateException("the audit log is unavailable");
                }
              });
      AdminChanges failing = other.get(AdminChanges.class);
      assertThrows(
          IllegalStateException.class,
          () ->
              other
                  .db()
                  .transactional(
                      AdminChanges.class,
                      "createSite",
                      () -> failing.createSite(ADMIN, TestServices.siteSettings(false))));
      assertEquals(0, other.db().count("SELECT COUNT(*) FROM site"));
    }
  }

  @Test
  void aRecordIsWrittenOnlyInsideTheTransactionOfAChange() {
    assertThrows(
        TransactionalException.class,
        () ->
            db.transactional(
                AuditLog.class,
                "record",
                () -> audit.record(ADMIN, "site.update", "3_x", "3_x", Changes.none())));
  }

  @Test
  void unlinkingTheLastIdentityNeedsConfirmationAndDeletingAnAccountIsRecorded() {
    String apiKey = createSite().site().apiKey();
    Account account = login(apiKey, "facebook", "fb-1");
    connect(apiKey, account, "twitter", "tw-1");

    tx(
        "unlinkIdentity",
        () -> changes.unlinkIdentity(ADMIN, apiKey, account.uid(), "twitter", "tw-1", false));
    assertRefused(
        ErrorCode.OPERATION_NOT_ALLOWED,
        () ->
            tx(
                "unlinkIdentity",
                () ->
                    changes.unlinkIdentity(
                        ADMIN, apiKey, account.uid(), "facebook", "fb-1", false)));
    assertEquals(1, accounts.identities(account.id()).size());
    assertRefused(
        ErrorCode.NOT_FOUND,
        () ->
            tx(
                "unlinkIdentity",
                () ->
                    changes.unlinkIdentity(
                        ADMIN, apiKey, account.uid(), "facebook", "fb-other", true)));
    AccountService.Unlinked last =
        tx(
            "unlinkIdentity",
            () -> changes.unlinkIdentity(ADMIN, apiKey, account.uid(), "facebook", "fb-1", true));
    assertTrue(last.wasLast());
    assertEquals(0, accounts.identities(account.id()).size());

    tx(
        "deleteAccount",
        () -> {
          changes.deleteAccount(ADMIN, apiKey, account.uid());
          return null;
        });
    assertTrue(accounts.byUid(apiKey, account.uid()).isEmpty());
    assertRefused(
        ErrorCode.UID_NOT_FOUND,
        () ->
            tx(
                "deleteAccount",
                () -> {
                  changes.deleteAccount(ADMIN, apiKey, account.uid());
                  return null;
                }));

    List<AuditEvent> log = events(apiKey);
    assertEquals(
        List.of(
            "account.delete", "account.identity.unlink", "account.identity.unlink", "site.create"),
        log.stream().map(AuditEvent::action).toList());
    assertEquals(account.uid(), log.get(0).target());
    assertTrue(json(log.get(1)).getBoolean("lastIdentity"));
    assertEquals("fb-1", json(log.get(1)).getString("providerUID"));
    assertFalse(json(log.get(2)).getBoolean("lastIdentity"));
  }

  @Test
  void theLogIsReadBySiteFromATimeOnAPageAtATime() {
    String apiKey = createSite().site().apiKey();
    String otherSite = createSite().site().apiKey();
    for (int n = 0; n < 4; n++) {
      tx("rotateSiteSecret", () -> changes.rotateSiteSecret(ADMIN, apiKey));
    }
    List<AuditEvent> all = events(apiKey);
    assertEquals(5, all.size());
    assertTrue(all.stream().allMatch(e -> e.apiKey().equals(apiKey)));

    AuditLog.Page first = audit.events(apiKey, null, 2, null);
    assertEquals(all.subList(0, 2).stream().map(AuditEvent::id).toList(), ids(first));
    tx("rotateSiteSecret", () -> changes.rotateSiteSecret(ADMIN, apiKey));
    AuditLog.Page second = audit.events(apiKey, null, 2, PageCursor.decode(first.next(), "cursor"));
    assertEquals(all.subList(2, 4).stream().map(AuditEvent::id).toList(), ids(second));
    AuditLog.Page third = audit.events(apiKey, null, 2, PageCursor.decode(second.next(), "cursor"));
    assertEquals(List.of(all.get(4).id()), ids(third));
    assertNull(third.next());

    Instant since = all.get(1).at();
    List<AuditEvent> recent = audit.events(apiKey, since, 100, null).events();
    assertTrue(recent.size() >= 3, "the new rotation and the two events from `since` on");
    assertTrue(recent.stream().noneMatch(e -> e.at().isBefore(since)));
    assertNotNull(
        audit.events(null, null, 200, null).events().stream()
            .filter(e -> e.apiKey().equals(otherSite))
            .findFirst()
            .orElse(null));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static SiteService.CreatedSite createSite() {
    return tx("createSite", () -> changes.createSite(ADMIN, TestServices.siteSettings(false)));
  }

  private static <T> T tx(String method, Callable<T> work) {
    return db.transactional(AdminChanges.class, method, work);
  }

  private static List<AuditEvent> events(String apiKey) {
    return audit.events(apiKey, null, 100, null).events();
  }

  private static List<String> ids(AuditLog.Page page) {
    return page.events().stream().map(AuditEvent::id).toList();
  }

  private static AuditEvent only(String apiKey) {
    List<AuditEvent> list = events(apiKey);
    assertEquals(1, list.size(), list.toString());
    return list.get(0);
  }

  private static JsonObject json(AuditEvent e) {
    return Json.createReader(new StringReader(e.changes())).readObject();
  }

  private static ProviderInfo providerInfo(String id) {
    return new ProviderInfo(id, "Odnoklassniki", true, List.of("VALUABLE_ACCESS"), "Its keys.");
  }

  private static ProviderSettings provider(String appId, String secretKey) {
    return new ProviderSettings(
        appId, "PUBLIC", secretKey, false, true, true, List.of("VALUABLE_ACCESS"), null, List.of());
  }

  private static Account login(String apiKey, String provider, String providerUid) {
    return db.transactional(
            AccountService.class,
            "login",
            () ->
                accounts.login(
                    apiKey,
                    provider,
                    profile(providerUid),
                    new ProviderTokens("token-" + providerUid, null, 3600L, Map.of()),
                    null))
        .account();
  }

  private static void connect(String apiKey, Account account, String provider, String uid) {
    db.transactional(
        AccountService.class,
        "connect",
        () ->
            accounts.connect(
                apiKey,
                provider,
                profile(uid),
                new ProviderTokens("token-" + uid, null, 3600L, Map.of()),
                account.id(),
                null));
  }

  private static SocialProfile profile(String providerUid) {
    return new SocialProfile(
        providerUid, "Ann", null, null, null, null, null, null, null, null, null);
  }
}
