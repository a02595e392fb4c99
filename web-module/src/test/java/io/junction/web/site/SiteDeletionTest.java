package io.junction.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.web.account.AccountService;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deletions without cascading foreign keys: the schema has none left, and deleting a site or an
 * account deletes every row that hangs on it (the application's own deletes), leaving other sites'
 * rows alone.
 */
class SiteDeletionTest {

  /** Every table that holds rows of a site, by its api_key column. */
  private static final List<String> SITE_TABLES =
      List.of(
          "site",
          "site_domain",
          "site_redirect_uri",
          "provider_config",
          "saml_idp",
          "saml_sp_key",
          "saml_session",
          "application_key",
          "account",
          "social_identity",
          "oauth_token",
          "authorization_code",
          "pending_authorization",
          "browser_confirmation");

  private static TestServices app;
  private static TestDatabase db;
  private static SiteService sites;
  private static AccountService accounts;
  private static TokenService tokens;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
    sites = app.get(SiteService.class);
    accounts = app.get(AccountService.class);
    tokens = app.get(TokenService.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void noForeignKeyDeletesByItself() {
    assertTrue(db.count("SELECT COUNT(*) FROM SYS.SYSFOREIGNKEYS") >= 14, "the keys are there");
    // Derby's delete rules: R (no action), S (restrict), C (cascade), U (set null).
    assertEquals(
        0,
        db.count("SELECT COUNT(*) FROM SYS.SYSFOREIGNKEYS WHERE DELETERULE IN ('C', 'U')"),
        "every foreign key refuses to delete a parent with children (no cascade, no set null)");
  }

  @Test
  void deletingASiteDeletesEverythingOfItAndNothingElse() {
    String doomed = populatedSite();
    String kept = populatedSite();
    for (String table : SITE_TABLES) {
      assertTrue(rows(table, doomed) > 0, table + " has rows of the site before");
    }
    List<String> doomedIdentities = identityIds(doomed);
    assertEquals(2, samlDataRows(doomedIdentities), "saml_identity_data has rows before");

    db.transactional(
        SiteService.class,
        "delete",
        () -> {
          sites.delete(doomed);
          return null;
        });

    for (String table : SITE_TABLES) {
      assertEquals(0, rows(table, doomed), table + " keeps no row of the deleted site");
      assertTrue(rows(table, kept) > 0, table + " keeps the other site's rows");
    }
    assertEquals(0, samlDataRows(doomedIdentities), "no SAML data of the deleted identities");
    assertEquals(2, samlDataRows(identityIds(kept)), "the other site's SAML data stays");
  }

  @Test
  void removingAnIdentityOrAnAccountDeletesItsSamlData() {
    String apiKey = populatedSite();
    List<String> accountIds =
        db.strings("SELECT id FROM account WHERE api_key = ? ORDER BY id", apiKey);
    String first = accountIds.get(0);
    List<String> firstIdentities =
        db.strings("SELECT id FROM social_identity WHERE account_id = ?", first);
    db.transactional(
        AccountService.class,
        "removeConnection",
        () -> {
          accounts.removeConnection(first, "facebook", "remove");
          return null;
        });
    assertEquals(0, samlDataRows(firstIdentities), "the removed identity's data is gone");

    String second = accountIds.get(1);
    List<String> secondIdentities =
        db.strings("SELECT id FROM social_identity WHERE account_id = ?", second);
    assertEquals(1, samlDataRows(secondIdentities));
    db.transactional(
        AccountService.class,
        "delete",
        () -> {
          accounts.delete(second);
          return null;
        });
    assertEquals(0, samlDataRows(secondIdentities), "the deleted account's identity data is gone");
  }

  @Test
  void deletingAProviderDeletesItsSamlSettings() {
    String apiKey = populatedSite();
    db.transactional(
        SiteService.class,
        "deleteProvider",
        () -> {
          sites.deleteProvider(apiKey, "saml-corp");
          return null;
        });
    assertEquals(0, rows("saml_idp", apiKey));
    assertEquals(
        0,
        db.count(
            "SELECT COUNT(*) FROM provider_config WHERE api_key = ? AND provider = 'saml-corp'",
            apiKey));
    assertEquals(1, rows("provider_config", apiKey), "the other provider stays");
    assertEquals(0, rows("saml_session", apiKey), "the provider's SAML sessions are gone");
  }

  @Test
  void deletingAnAccountDeletesItsParkedLoginsToo() {
    String apiKey = populatedSite();
    String accountId =
        db.transactional(
            AccountService.class,
            "login",
            () ->
                accounts
                    .login(apiKey, "facebook", profile("fb-parked"), providerTokens(), null)
                    .account()
                    .id());
    confirmation(apiKey, accountId);
    db.transactional(
        AccountService.class,
        "delete",
        () -> {
          accounts.delete(accountId);
          return null;
        });
    assertEquals(
        0, db.count("SELECT COUNT(*) FROM browser_confirmation WHERE account_id = ?", accountId));
    assertEquals(0, db.count("SELECT COUNT(*) FROM account WHERE id = ?", accountId));
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A site with a row in every table that holds a site's rows; returns its api_key. */
  private String populatedSite() {
    SiteSettings settings = TestServices.siteSettings(false);
    String apiKey =
        db.transactional(SiteService.class, "create", () -> sites.create(settings)).site().apiKey();
    Timestamp now = Timestamp.from(Instant.now());
    Timestamp later = Timestamp.from(Instant.now().plusSeconds(600));
    db.update(
        "INSERT INTO site_redirect_uri VALUES (?, 0, 'https://shop.example.com/back')", apiKey);
    for (String provider : List.of("facebook", "saml-corp")) {
      db.update(
          "INSERT INTO provider_config (api_key, provider, app_id, secret_key_enc, cname_enabled,"
              + " secure_redirects_only, enabled, permissions, updated_at, row_version)"
              + " VALUES (?, ?, 'app', 'x', FALSE, FALSE, TRUE, '', ?, 0)",
          apiKey,
          provider,
          now);
    }
    db.update(
        "INSERT INTO saml_idp (api_key, provider, entity_id, sso_url, sso_binding, slo_binding,"
            + " name_id_format, attribute_map, certificates, allow_unsolicited, updated_at,"
            + " row_version) VALUES (?, 'saml-corp', 'https://idp.example.com', 'https://idp/sso',"
            + " 'post', 'post', 'unspecified', '{}', '', FALSE, ?, 0)",
        apiKey,
        now);
    db.update(
        "INSERT INTO saml_sp_key (api_key, private_key_enc, certificate, created_at)"
            + " VALUES (?, 'x', 'x', ?)",
        apiKey,
        now);
    db.update(
        "INSERT INTO application_key (user_key, api_key, name, secret_enc, permissions,"
            + " created_at) VALUES (?, ?, 'app', 'x', '', ?)",
        "AK" + apiKey,
        apiKey,
        now);
    db.update(
        "INSERT INTO pending_authorization (state_hash, api_key, provider, flow, browser_hash,"
            + " redirect_uri, response_type, callback_url, expires_at)"
            + " VALUES (?, ?, 'facebook', 'login', 'b', 'https://shop.example.com/back', 'code',"
            + " 'https://localhost/cb', ?)",
        "state-" + apiKey,
        apiKey,
        later);
    for (String uid : List.of("fb-1", "fb-2")) {
      String accountId =
          db.transactional(
              AccountService.class,
              "login",
              () ->
                  accounts
                      .login(apiKey, "facebook", profile(uid), providerTokens(), null)
                      .account()
                      .id());
      db.inTransaction(
          () -> {
            tokens.issueToken(apiKey, accountId, OAuthToken.Kind.USER, null);
            tokens.issueCode(apiKey, accountId, "https://shop.example.com/back", null);
          });
      confirmation(apiKey, accountId);
    }
    db.inTransaction(() -> tokens.issueToken(apiKey, null, OAuthToken.Kind.SERVER, null));
    db.update(
        "INSERT INTO saml_session (id, api_key, provider, name_id, provider_uid, created_at)"
            + " VALUES (?, ?, 'saml-corp', 'alice', 'alice', ?)",
        java.util.UUID.randomUUID().toString(),
        apiKey,
        now);
    samlData(apiKey);
    return apiKey;
  }

  private void confirmation(String apiKey, String accountId) {
    db.update(
        "INSERT INTO browser_confirmation (confirmation_hash, kind, api_key, browser_hash,"
            + " account_id, provider, redirect_uri, response_type, used, expires_at)"
            + " VALUES (?, 'login', ?, 'b', ?, 'facebook', 'https://shop.example.com/back',"
            + " 'code', FALSE, ?)",
        "confirm-" + accountId,
        apiKey,
        accountId,
        Timestamp.from(Instant.now().plusSeconds(600)));
  }

  /** SAML data for every identity of the site. */
  private void samlData(String apiKey) {
    for (String identityId : identityIds(apiKey)) {
      db.update(
          "INSERT INTO saml_identity_data (identity_id, country, updated_at) VALUES (?, 'NZ', ?)",
          identityId,
          Timestamp.from(Instant.now()));
    }
  }

  private List<String> identityIds(String apiKey) {
    return db.strings("SELECT id FROM social_identity WHERE api_key = ?", apiKey);
  }

  private long samlDataRows(List<String> identityIds) {
    long n = 0;
    for (String id : identityIds) {
      n += db.count("SELECT COUNT(*) FROM saml_identity_data WHERE identity_id = ?", id);
    }
    return n;
  }

  private long rows(String table, String apiKey) {
    return db.count("SELECT COUNT(*) FROM " + table + " WHERE api_key = ?", apiKey);
  }

  private static SocialProfile profile(String providerUid) {
    return new SocialProfile(
        providerUid, providerUid, null, null, null, null, null, null, null, null, null);
  }

  private static ProviderTokens providerTokens() {
    return new ProviderTokens("access", null, 3600L, Map.of());
  }
}
