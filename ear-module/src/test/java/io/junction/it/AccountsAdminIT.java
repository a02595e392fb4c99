package io.junction.it;

import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API's accounts of a site, against the running server: users who logged in through the
 * Odnoklassniki stand-in are found, shown with their identities (never a token), exported, unlinked
 * and deleted; every refusal is a Gigya error.
 */
class AccountsAdminIT {

  private static Sites.Site site;
  private static String base;

  @BeforeAll
  static void site() {
    site = Sites.withOdnoklassniki();
    base = "/admin/sites/" + site.apiKey() + "/accounts";
  }

  /** A login through the stand-in, then a connection of {@code second} in the same browser. */
  private static String loginAndConnect(OkStandIn.User first, OkStandIn.User second) {
    Browser browser = new Browser();
    Map<String, String> login =
        Browser.answer(browser.roundTrip(Browser.loginUrl(site.apiKey(), ""), first));
    String token = Sites.tokenForCode(site, login.get("code"));
    if (second != null) {
      Map<String, String> connected =
          Browser.answer(browser.roundTrip(Browser.connectUrl(token, ""), second));
      assertEquals("0", connected.get("errorCode"), connected.toString());
    }
    return Sites.call("socialize.getUserInfo", token, "").getString("UID");
  }

  private static String siteUser(String siteUid) {
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    JsonObject r = json(signer.send(HTTPS, "socialize.notifyLogin", Map.of("siteUID", siteUid)));
    assertEquals(0, r.getInt("errorCode"), r.toString());
    return r.getString("UID");
  }

  private static void assertError(HttpResponse<String> r, int status, int code) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject body = json(r);
    assertEquals(code, body.getInt("errorCode"), r.body());
    assertTrue(body.containsKey("callId"), r.body());
  }

  private static List<String> uids(JsonObject list) {
    return list.getJsonArray("accounts").stream()
        .map(v -> v.asJsonObject().getString("UID"))
        .toList();
  }

  @Test
  void anAccountIsFoundShownAndExportedWithoutAnyToken() {
    OkStandIn.User ann = OkStandIn.newUser("Annika");
    OkStandIn.User second = OkStandIn.newUser("Annika");
    String uid = loginAndConnect(ann, second);
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String authToken =
        json(signer.send(
                HTTPS, "socialize.getSessionInfo", Map.of("UID", uid, "provider", "odnoklassniki")))
            .getString("authToken");

    for (String q : List.of(ann.uid(), ann.email().toUpperCase(), uid)) {
      HttpResponse<String> found = admin("GET", base + "?q=" + Browser.enc(q), null);
      assertEquals(200, found.statusCode(), found.body());
      assertEquals(List.of(uid), uids(json(found)), q);
    }

    HttpResponse<String> read = admin("GET", base + "/" + Browser.enc(uid), null);
    assertEquals(200, read.statusCode(), read.body());
    JsonObject account = json(read);
    assertEquals(uid, account.getString("UID"));
    assertFalse(account.getBoolean("guest"));
    assertEquals("odnoklassniki", account.getString("loginProvider"));
    assertNotNull(account.getString("created"));
    assertNotNull(account.getString("lastLogin"));
    JsonArray identities = account.getJsonArray("identities");
    assertEquals(2, identities.size(), read.body());
    JsonObject first = identities.getJsonObject(0);
    assertEquals("odnoklassniki", first.getString("provider"));
    assertEquals(ann.uid(), first.getString("providerUID"));
    assertNotNull(first.getString("linkedAt"));
    assertNotNull(first.getString("lastUsed"));
    assertTrue(first.getBoolean("connected"));
    String nickname = first.getString("nickname");
    assertFalse(read.body().contains(authToken), "never a provider token");
    assertFalse(read.body().toLowerCase().contains("token\""), read.body());

    HttpResponse<String> byNickname =
        admin("GET", base + "?q=" + Browser.enc(nickname.toLowerCase()), null);
    assertTrue(uids(json(byNickname)).contains(uid), byNickname.body());

    HttpResponse<String> export = admin("GET", base + "/" + Browser.enc(uid) + "/export", null);
    assertEquals(200, export.statusCode(), export.body());
    assertTrue(
        export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    JsonObject data = json(export);
    assertEquals(uid, data.getString("UID"));
    assertEquals(site.apiKey(), data.getString("apiKey"));
    assertEquals(ann.email(), data.getJsonArray("identities").getJsonObject(0).getString("email"));
    assertEquals(
        ann.firstName(), data.getJsonArray("identities").getJsonObject(0).getString("firstName"));
    assertFalse(data.getJsonArray("sessions").isEmpty(), export.body());
    assertFalse(export.body().contains(authToken), "never a provider token");
    assertFalse(export.body().contains(site.secret()));
    assertEquals("no-store", export.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void anIdentityWhoseProviderUidHoldsASlashIsUnlinkedByItsEncodedPath() {
    OkStandIn.User ann = OkStandIn.newUser("Cilla");
    OkStandIn.User slashed = OkStandIn.newUser("Cilla");
    slashed =
        new OkStandIn.User(
            "tenant/" + slashed.uid(), slashed.firstName(), slashed.lastName(), slashed.email());
    String uid = loginAndConnect(ann, slashed);
    String identities = base + "/" + Browser.enc(uid) + "/identities/odnoklassniki/";

    // Its slash stays a slash: Liberty refuses %2F in a path.
    String path = identities + "tenant/" + Browser.enc(slashed.uid().substring("tenant/".length()));
    HttpResponse<String> unlinked = admin("DELETE", path, null);
    assertEquals(204, unlinked.statusCode(), unlinked.body());
    assertError(admin("DELETE", path, null), 404, 404000);
    JsonArray left =
        json(admin("GET", base + "/" + Browser.enc(uid), null)).getJsonArray("identities");
    assertEquals(1, left.size());
    assertEquals(ann.uid(), left.getJsonObject(0).getString("providerUID"));
  }

  @Test
  void theLastIdentityIsUnlinkedOnlyWithConfirmationAndADeletedAccountIsGone() {
    OkStandIn.User ann = OkStandIn.newUser("Berit");
    OkStandIn.User other = OkStandIn.newUser("Berit");
    String uid = loginAndConnect(ann, other);
    String identities = base + "/" + Browser.enc(uid) + "/identities/odnoklassniki/";

    assertEquals(204, admin("DELETE", identities + other.uid(), null).statusCode());
    assertError(admin("DELETE", identities + other.uid(), null), 404, 404000);
    assertError(admin("DELETE", identities + ann.uid(), null), 409, 400030);
    assertError(admin("DELETE", identities + ann.uid() + "?confirm=yes", null), 400, 400006);
    assertEquals(
        1,
        json(admin("GET", base + "/" + Browser.enc(uid), null)).getJsonArray("identities").size());
    assertEquals(204, admin("DELETE", identities + ann.uid() + "?confirm=last", null).statusCode());
    JsonObject after = json(admin("GET", base + "/" + Browser.enc(uid), null));
    assertEquals(0, after.getJsonArray("identities").size(), after.toString());

    // The identity is free again: a new login with it makes a new account.
    String again = loginAndConnect(ann, null);
    assertFalse(again.equals(uid));

    assertEquals(204, admin("DELETE", base + "/" + Browser.enc(again), null).statusCode());
    assertError(admin("GET", base + "/" + Browser.enc(again), null), 404, 404003);
    assertError(admin("DELETE", base + "/" + Browser.enc(again), null), 404, 404003);
    assertEquals(List.of(), uids(json(admin("GET", base + "?q=" + ann.uid(), null))));
  }

  @Test
  void pagesAreNewestFirstWithAnOpaqueCursorThatNewAccountsDoNotDisturb() {
    String tag = "pg" + UUID.randomUUID().toString().substring(0, 8);
    List<String> made = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      made.add(0, siteUser(tag + "-" + n));
    }
    JsonObject first = json(admin("GET", base + "?q=" + tag + "&limit=2", null));
    assertEquals(made.subList(0, 2), uids(first));
    String next = first.getString("next");
    siteUser(tag + "-late");
    JsonObject second =
        json(admin("GET", base + "?q=" + tag + "&limit=2&cursor=" + Browser.enc(next), null));
    assertEquals(made.subList(2, 4), uids(second));
    JsonObject third =
        json(
            admin(
                "GET",
                base + "?q=" + tag + "&limit=2&cursor=" + Browser.enc(second.getString("next")),
                null));
    assertEquals(made.subList(4, 5), uids(third));
    assertFalse(third.containsKey("next"), third.toString());
  }

  @Test
  void badInputIsAGigyaError() {
    assertError(admin("GET", "/admin/sites/3_nosuchsite/accounts", null), 404, 404000);
    assertError(admin("GET", "/admin/sites/3_nosuchsite/accounts/x", null), 404, 404000);
    assertError(admin("DELETE", "/admin/sites/3_nosuchsite/accounts/x", null), 404, 404000);
    assertError(admin("GET", base + "/_guid_nobody", null), 404, 404003);
    assertError(admin("GET", base + "/_guid_nobody/export", null), 404, 404003);
    assertError(
        admin("DELETE", base + "/_guid_nobody/identities/odnoklassniki/1", null), 404, 404003);
    assertError(admin("GET", base + "?limit=0", null), 400, 400006);
    assertError(admin("GET", base + "?limit=1000", null), 400, 400006);
    assertError(admin("GET", base + "?limit=abc", null), 400, 400006);
    assertError(admin("GET", base + "?cursor=not-a-cursor", null), 400, 400006);
    assertError(admin("GET", base + "?q=" + "x".repeat(300), null), 400, 400006);
  }
}
