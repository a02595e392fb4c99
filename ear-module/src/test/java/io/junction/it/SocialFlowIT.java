package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.connectUrl;
import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.location;
import static io.junction.it.Browser.loginUrl;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Socialize browser flows end to end against the real server and the Odnoklassniki stand-in:
 * login, code, getToken, addConnection, getUserInfo, guests, site users, and every way it can go
 * wrong.
 */
class SocialFlowIT {

  private final OkStandIn ok = OkStandIn.get();

  /** Logs in through the stand-in and exchanges the code: the user's oauth_token. */
  static String login(Browser browser, Sites.Site site, OkStandIn.User user) {
    Map<String, String> back = answer(browser.roundTrip(loginUrl(site.apiKey(), ""), user));
    assertEquals("st-1", back.get("state"));
    assertNotNull(back.get("code"), back.toString());
    return Sites.tokenForCode(site, back.get("code"));
  }

  static List<String> identityUids(JsonObject info) {
    return info.getJsonArray("identities").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("providerUID"))
        .toList();
  }

  @Test
  void loginCodeTokenAddConnectionUserInfo() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User anna = OkStandIn.newUser("Anna");
    Browser browser = new Browser();

    String providerPage =
        browser.start(loginUrl(site.apiKey(), "&x_extraPermissions=GET_EMAIL&x_displayMode=touch"));
    Map<String, String> authorize = OkStandIn.query(URI.create(providerPage).getRawQuery());
    assertEquals(OkStandIn.APP_ID, authorize.get("client_id"));
    assertEquals("VALUABLE_ACCESS;SET_STATUS;PHOTO_CONTENT;GET_EMAIL", authorize.get("scope"));
    assertEquals("m", authorize.get("layout"));
    assertEquals(Junction.HTTPS + "/GS/GSLogin.aspx", authorize.get("redirect_uri"));
    assertTrue(authorize.get("state").length() >= 40, "an unguessable state");
    assertNotEquals("st-1", authorize.get("state"), "the site's state never goes to the provider");
    HttpCookie flow = browser.cookie("__Host-junction_browser");
    assertNotNull(flow);
    assertTrue(flow.getSecure() && flow.isHttpOnly());

    ok.consentAs(anna);
    String callback = location(browser.get(providerPage));
    Map<String, String> back = answer(location(browser.get(callback)));
    assertEquals("st-1", back.get("state"));
    String token = Sites.tokenForCode(site, back.get("code"));

    // The token request carried every parameter ok.ru needs, and the API call a valid sig.
    Map<String, String> tokenRequest = ok.tokenRequests.get(ok.tokenRequests.size() - 1);
    assertEquals("authorization_code", tokenRequest.get("grant_type"));
    assertEquals(OkStandIn.SECRET_KEY, tokenRequest.get("client_secret"));
    assertEquals(Junction.HTTPS + "/GS/GSLogin.aspx", tokenRequest.get("redirect_uri"));

    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(0, info.getInt("errorCode"), info.toString());
    String uid = info.getString("UID");
    assertTrue(uid.startsWith("_guid_"), uid);
    assertEquals("odnoklassniki", info.getString("loginProvider"));
    assertEquals(anna.uid(), info.getString("loginProviderUID"));
    assertEquals(anna.firstName(), info.getString("firstName"));
    assertEquals(anna.email(), info.getString("email"));
    assertEquals(anna.name(), info.getString("nickname"));
    assertTrue(info.getBoolean("isConnected"));
    assertEquals(List.of(anna.uid()), identityUids(info));

    // addConnection: a second Odnoklassniki profile joins the same account.
    OkStandIn.User second = OkStandIn.newUser("Anya");
    Map<String, String> connected = answer(browser.roundTrip(connectUrl(token, ""), second));
    assertEquals("0", connected.get("errorCode"), connected.toString());
    assertEquals("200", connected.get("statusCode"));
    assertEquals("OK", connected.get("statusReason"));
    assertEquals("cn-1", connected.get("state"));
    assertTrue(connected.get("callId").matches("[0-9a-f]{32}"));
    assertNotNull(connected.get("time"));
    JsonObject after = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(uid, after.getString("UID"));
    assertEquals(List.of(anna.uid(), second.uid()), identityUids(after));

    // From another computer (a fresh cookie jar), logging in with the second profile: same account.
    String elsewhere = login(new Browser(), site, second);
    JsonObject there = Sites.call("socialize.getUserInfo", elsewhere, "");
    assertEquals(uid, there.getString("UID"));
    assertEquals(2, there.getJsonArray("identities").size());
  }

  @Test
  void tokenFlowAnswersInTheFragment() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser browser = new Browser();
    String page =
        browser.roundTrip(
            loginUrl(site.apiKey(), "&x_session_expiration=3600")
                .replace("response_type=code", "response_type=token"),
            OkStandIn.newUser("Frag"));
    URI u = URI.create(page);
    assertNull(u.getRawQuery());
    Map<String, String> back = answer(page);
    assertEquals("3600", back.get("expires_in"));
    assertEquals("st-1", back.get("state"));
    JsonObject info = Sites.call("socialize.getUserInfo", back.get("access_token"), "");
    assertEquals(0, info.getInt("errorCode"));
  }

  @Test
  void guestConnectionsFollowTheBrowserAndMergeAtLogin() {
    // A site that merges a browser's guest connections at login without asking (GuestMergeIT
    // has the other policies).
    Sites.Site site = Sites.withOdnoklassniki(",\"guestMerge\":\"always\"", "");
    Browser browser = new Browser();
    String anonymous = Sites.token(site, "grant_type=none");
    OkStandIn.User first = OkStandIn.newUser("Guest");
    OkStandIn.User second = OkStandIn.newUser("Guesta");

    assertEquals("0", answer(browser.roundTrip(connectUrl(anonymous, ""), first)).get("errorCode"));
    HttpCookie guest = browser.cookie("__Host-jg_" + site.apiKey());
    assertNotNull(guest, "a guest cookie holds the browser's connections");
    assertTrue(guest.getSecure() && guest.isHttpOnly());
    assertEquals(
        "0", answer(browser.roundTrip(connectUrl(anonymous, ""), second)).get("errorCode"));
    assertEquals(
        guest.getValue(),
        browser.cookie("__Host-jg_" + site.apiKey()).getValue(),
        "the same guest account");

    // An anonymous session has no user of its own.
    assertEquals(403012, Sites.call("socialize.getUserInfo", anonymous, "").getInt("errorCode"));

    // The browser logs in with a third profile: its two guest connections move to the account.
    OkStandIn.User owner = OkStandIn.newUser("Owner");
    String token = login(browser, site, owner);
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(
        List.of(first.uid(), second.uid(), owner.uid()).stream().sorted().toList(),
        identityUids(info).stream().sorted().toList());
    assertNull(
        browser.cookie("__Host-jg_" + site.apiKey()), "the guest cookie is gone after the merge");

    // And the guest identities now log in to that account from anywhere.
    String again = login(new Browser(), site, first);
    assertEquals(
        info.getString("UID"), Sites.call("socialize.getUserInfo", again, "").getString("UID"));
  }

  @Test
  void siteUserConnectsAndLaterLogsInSocially() {
    // The site mints tokens for its own users and connects them without a confirmation page
    // (ConnectConfirmationIT has the page).
    Sites.Site site = Sites.withOdnoklassniki(",\"connectConfirmation\":false", "");
    String siteUid = "member-" + System.nanoTime();
    String server = Sites.token(site, "grant_type=client_credentials&x_siteUID=" + siteUid);
    OkStandIn.User user = OkStandIn.newUser("Member");
    assertEquals(
        "0", answer(new Browser().roundTrip(connectUrl(server, ""), user)).get("errorCode"));

    String social = login(new Browser(), site, user);
    JsonObject info = Sites.call("socialize.getUserInfo", social, "");
    assertEquals(siteUid, info.getString("UID"));
    assertTrue(info.getBoolean("isSiteUID"));
    assertEquals(List.of(user.uid()), identityUids(info));
  }

  @Test
  void anIdentityOfAnotherAccountIsNeverRelinked() {
    // The site mints tokens for its own users and connects them without a confirmation page
    // (ConnectConfirmationIT has the page).
    Sites.Site site = Sites.withOdnoklassniki(",\"connectConfirmation\":false", "");
    OkStandIn.User taken = OkStandIn.newUser("Taken");
    String owner = login(new Browser(), site, taken);
    String ownerUid = Sites.call("socialize.getUserInfo", owner, "").getString("UID");

    String other =
        Sites.token(site, "grant_type=client_credentials&x_siteUID=other-" + System.nanoTime());
    Map<String, String> refused = answer(new Browser().roundTrip(connectUrl(other, ""), taken));
    assertEquals("409001", refused.get("errorCode"), refused.toString());
    assertEquals("cn-1", refused.get("state"));
    assertTrue(identityUids(Sites.call("socialize.getUserInfo", other, "")).isEmpty());
    JsonObject still = Sites.call("socialize.getUserInfo", owner, "");
    assertEquals(ownerUid, still.getString("UID"));
    assertEquals(List.of(taken.uid()), identityUids(still));
  }

  @Test
  void badLoginParametersBeforeTheRedirectUriIsKnownAreAnsweredDirectly() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser b = new Browser();
    String base = Junction.HTTPS + "/socialize.login?x_provider=odnoklassniki&response_type=code";
    assertDirect(b.get(base + "&redirect_uri=" + enc(Browser.SITE_PAGE)), 400, 400002, "client_id");
    assertDirect(
        b.get(base + "&client_id=3_nope&redirect_uri=" + enc(Browser.SITE_PAGE)),
        400,
        400093,
        "3_nope");
    String key = "&client_id=" + enc(site.apiKey());
    assertDirect(b.get(base + key), 400, 400002, "redirect_uri");
    for (String bad :
        List.of(
            "https://evil.example.net/cb",
            "https://shop.example.com.evil.net/",
            "http://shop.example.com/cb",
            "https://user@shop.example.com/",
            "https://shop.example.com/cb#frag",
            "https://shop.example.com\\@evil.net/",
            "javascript:alert(1)",
            "//shop.example.com/cb",
            "https://notshop.example.com.evil/")) {
      HttpResponse<String> r = b.get(base + key + "&redirect_uri=" + enc(bad));
      assertDirect(r, 400, 400011, "redirect_uri");
      assertTrue(r.headers().firstValue("Location").isEmpty(), bad);
    }
    // Subdomains of a registered domain are the site's; loopback http is allowed for development.
    assertEquals(
        302,
        b.get(base + key + "&redirect_uri=" + enc("https://m.shop.example.com/cb")).statusCode());
  }

  @Test
  void badLoginParametersAfterwardsTravelToTheRedirectUri() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser b = new Browser();
    String base = loginUrl(site.apiKey(), "");
    assertRedirected(
        b, base.replace("response_type=code", "response_type=id_token"), "400012", "response_type");
    assertRedirected(b, base.replace("&response_type=code", ""), "400002", "response_type");
    assertRedirected(
        b, base.replace("x_provider=odnoklassniki", "x_provider=myspace"), "400006", "myspace");
    assertRedirected(
        b, base.replace("x_provider=odnoklassniki", "x_provider=facebook"), "500031", "facebook");
    assertRedirected(b, base.replace("x_provider=odnoklassniki&", ""), "400002", "x_provider");
    assertRedirected(b, base + "&x_displayMode=fullscreen", "400006", "x_displayMode");
    assertRedirected(
        b,
        base + "&x_extraPermissions=" + enc("GET_EMAIL,bad perm"),
        "400006",
        "x_extraPermissions");
    assertRedirected(b, base + "&x_session_expiration=soon", "400006", "x_session_expiration");
    assertRedirected(b, base.replace("state=st-1", "state=" + "s".repeat(1100)), "400006", "state");

    Sites.Site noOk = Sites.withOdnoklassniki("", ",\"enabled\":false");
    assertRedirected(b, loginUrl(noOk.apiKey(), ""), "500031", "odnoklassniki");

    Sites.Site elsewhere = Sites.withOdnoklassniki(",\"dataCenter\":\"eu1\"", "");
    assertRedirected(b, loginUrl(elsewhere.apiKey(), ""), "301001", "eu1");

    // x_lang: the message in the user's language.
    Map<String, String> ru =
        answer(
            location(
                b.get(
                    base.replace("x_provider=odnoklassniki", "x_provider=myspace")
                        + "&x_lang=ru")));
    assertEquals("Недопустимое значение параметра", ru.get("errorMessage"));
    Map<String, String> zh =
        answer(
            location(
                b.get(
                    base.replace("x_provider=odnoklassniki", "x_provider=myspace")
                        + "&x_lang=zh-cn")));
    assertEquals("参数值无效", zh.get("errorMessage"));
    Map<String, String> unknown =
        answer(
            location(
                b.get(
                    base.replace("x_provider=odnoklassniki", "x_provider=myspace")
                        + "&x_lang=xx")));
    assertEquals("Invalid parameter value", unknown.get("errorMessage"));
  }

  @Test
  void cnameAndSecureRedirectsChooseTheCallback() {
    Sites.Site site =
        Sites.withOdnoklassniki(",\"cname\":\"login.shop.example.com\"", ",\"cnameEnabled\":true");
    String providerPage = new Browser().start(loginUrl(site.apiKey(), ""));
    assertEquals(
        "https://login.shop.example.com/GS/GSLogin.aspx",
        OkStandIn.query(URI.create(providerPage).getRawQuery()).get("redirect_uri"));
  }

  @Test
  void addConnectionNeedsAGoodTokenOverHttps() {
    Sites.Site site = Sites.withOdnoklassniki();
    String token = Sites.token(site, "grant_type=none");
    Browser b = new Browser();
    HttpResponse<String> plain =
        b.get(connectUrl(token, "").replace(Junction.HTTPS, Junction.HTTP));
    assertDirect(plain, 403, 403025, "HTTPS");
    // A token sent in clear is refused, not redirected to HTTPS: and no cookie is set.
    assertTrue(plain.headers().allValues("Set-Cookie").isEmpty(), plain.headers().toString());
    assertDirect(b.get(connectUrl("jt1.forged", "")), 403, 403025, "invalid_token");
    assertDirect(
        b.get(connectUrl(token, "").replace("oauth_token=" + enc(token) + "&", "")),
        400,
        400002,
        "oauth_token");
    // socialize.login's x_provider and Gigya's provider are both accepted.
    assertEquals(
        302, b.get(connectUrl(token, "").replace("x_provider=", "provider=")).statusCode());
    String unknownProvider =
        location(
            b.get(connectUrl(token, "").replace("x_provider=odnoklassniki", "provider=orkut")));
    assertEquals("400006", answer(unknownProvider).get("errorCode"));
  }

  @Test
  void statesAreSingleUseBoundToTheBrowserAndExpire() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("State");

    Browser browser = new Browser();
    String providerPage = browser.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(user);
    String callback = location(browser.get(providerPage));
    assertNotNull(answer(location(browser.get(callback))).get("code"));
    // Replayed: the state was used.
    assertDirect(browser.get(callback), 400, 400006, "state");
    // Forged: a state Junction never issued.
    assertDirect(
        browser.get(Junction.HTTPS + "/GS/GSLogin.aspx?code=x&state=forged-state-value"),
        400,
        400006,
        "state");
    assertDirect(browser.get(Junction.HTTPS + "/GS/GSLogin.aspx?code=x"), 400, 400002, "state");

    // Another browser cannot complete this browser's flow.
    String page2 = browser.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(user);
    String callback2 = location(browser.get(page2));
    Map<String, String> stolen = answer(location(new Browser().get(callback2)));
    assertEquals("403035", stolen.get("errorCode"), stolen.toString());
    assertNull(stolen.get("code"));

    // Expired: the browser took longer than the flow's lifetime.
    String page3 = browser.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(user);
    String callback3 = location(browser.get(page3));
    Thread.sleep((Long.getLong("junction.flow.lifetime", 8) + 1) * 1000);
    Map<String, String> late = answer(location(browser.get(callback3)));
    assertEquals("403011", late.get("errorCode"), late.toString());
  }

  @Test
  void aCallbackFromAnotherBrowserCannotCancelTheFlow() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("Bound");
    Browser browser = new Browser();
    String providerPage = browser.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(user);
    String callback = location(browser.get(providerPage));

    // Whoever sees the callback URL, without a flow cookie or with one of their own, is refused
    // and gets no code.
    Map<String, String> noCookie = answer(location(new Browser().get(callback)));
    assertEquals("403035", noCookie.get("errorCode"), noCookie.toString());
    assertNull(noCookie.get("code"));
    Browser other = new Browser();
    other.start(loginUrl(site.apiKey(), ""));
    assertNotNull(other.cookie("__Host-junction_browser"));
    Map<String, String> otherCookie = answer(location(other.get(callback)));
    assertEquals("403035", otherCookie.get("errorCode"), otherCookie.toString());
    assertNull(otherCookie.get("code"));

    // The browser that started the flow still completes it, once.
    Map<String, String> back = answer(location(browser.get(callback)));
    assertEquals("st-1", back.get("state"));
    assertNotNull(back.get("code"), back.toString());
    JsonObject info =
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
    assertEquals(user.uid(), info.getString("loginProviderUID"));
    assertDirect(browser.get(callback), 400, 400006, "state");
  }

  @Test
  void providerFailuresEndAsGigyaErrorsAndWriteNothing() {
    // The site mints tokens for its own users and connects them without a confirmation page
    // (ConnectConfirmationIT has the page).
    Sites.Site site = Sites.withOdnoklassniki(",\"connectConfirmation\":false", "");
    String server =
        Sites.token(site, "grant_type=client_credentials&x_siteUID=fail-" + System.nanoTime());
    OkStandIn.User user = OkStandIn.newUser("Fail");

    ok.denyNext();
    Browser b = new Browser();
    String denied = location(b.get(location(b.get(connectUrl(server, "")))));
    assertEquals("200001", answer(location(b.get(denied))).get("errorCode"));

    assertConnectFails(
        server, user, () -> ok.failNextToken(OkStandIn.Failure.ERROR_BODY), "500023");
    assertConnectFails(
        server, user, () -> ok.failNextToken(OkStandIn.Failure.SERVER_ERROR), "500023");
    assertConnectFails(server, user, () -> ok.failNextToken(OkStandIn.Failure.MALFORMED), "500023");
    assertConnectFails(server, user, () -> ok.failNextToken(OkStandIn.Failure.TIMEOUT), "504001");
    assertConnectFails(server, user, () -> ok.failNextApi(OkStandIn.Failure.ERROR_BODY), "500023");
    assertConnectFails(
        server, user, () -> ok.failNextApi(OkStandIn.Failure.SERVER_ERROR), "500023");
    assertConnectFails(server, user, () -> ok.failNextApi(OkStandIn.Failure.MALFORMED), "500023");

    assertTrue(
        identityUids(Sites.call("socialize.getUserInfo", server, "")).isEmpty(),
        "nothing half-written");
    // And once the provider behaves, the same user connects.
    assertEquals(
        "0", answer(new Browser().roundTrip(connectUrl(server, ""), user)).get("errorCode"));
  }

  private void assertConnectFails(
      String token, OkStandIn.User user, Runnable failure, String code) {
    failure.run();
    Map<String, String> back = answer(new Browser().roundTrip(connectUrl(token, ""), user));
    assertEquals(code, back.get("errorCode"), back.toString());
    assertEquals("cn-1", back.get("state"));
    assertFalse(back.toString().contains("okaccess-"), "no provider token in the answer");
  }

  @Test
  void getTokenChecksClientGrantAndCode() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser browser = new Browser();
    String code =
        answer(browser.roundTrip(loginUrl(site.apiKey(), ""), OkStandIn.newUser("Code")))
            .get("code");
    String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=";

    assertEquals(
        400014,
        json(Sites.getToken(site, form + enc("https://shop.example.com/other")))
            .getInt("errorCode"));
    assertEquals(
        400006,
        json(Sites.getToken(site, form + enc(Browser.SITE_PAGE))).getInt("errorCode"),
        "a refused code is burnt");

    String code2 =
        answer(browser.roundTrip(loginUrl(site.apiKey(), ""), OkStandIn.newUser("Code")))
            .get("code");
    String form2 =
        "grant_type=authorization_code&code="
            + enc(code2)
            + "&redirect_uri="
            + enc(Browser.SITE_PAGE);
    assertEquals(
        403010,
        json(Sites.getToken(new Sites.Site(site.apiKey(), "d3Jvbmc="), form2)).getInt("errorCode"));
    HttpResponse<String> basic =
        Junction.send(
            java.net.http.HttpRequest.newBuilder(URI.create(Junction.HTTPS + "/socialize.getToken"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString((site.apiKey() + ":" + site.secret()).getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form2)));
    assertEquals(0, json(basic).getInt("errorCode"), basic.body());
    assertEquals(
        400006, json(Sites.getToken(site, form2)).getInt("errorCode"), "codes are single-use");

    assertEquals(400013, json(Sites.getToken(site, "grant_type=password")).getInt("errorCode"));
    assertEquals(400002, json(Sites.getToken(site, "")).getInt("errorCode"));
    assertEquals(
        400002, json(Sites.getToken(site, "grant_type=authorization_code")).getInt("errorCode"));
    HttpResponse<String> plain =
        Junction.postForm(
            Junction.HTTP + "/socialize.getToken",
            "grant_type=none&client_id="
                + enc(site.apiKey())
                + "&client_secret="
                + enc(site.secret()));
    assertEquals(403006, json(plain).getInt("errorCode"));
    assertEquals(
        400093,
        json(Sites.getToken(new Sites.Site("3_unknown", "x"), "grant_type=none"))
            .getInt("errorCode"));
  }

  @Test
  void removeConnectionKeepsTheLastLoginUnlessAskedAndLogoutEndsTheToken() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser browser = new Browser();
    OkStandIn.User a = OkStandIn.newUser("Remo");
    OkStandIn.User b = OkStandIn.newUser("Remi");
    String token = login(browser, site, a);
    assertEquals("0", answer(browser.roundTrip(connectUrl(token, ""), b)).get("errorCode"));

    JsonObject fail =
        Sites.call(
            "socialize.removeConnection",
            token,
            "&provider=odnoklassniki&lastIdentityHandling=fail");
    assertEquals(400030, fail.getInt("errorCode"), fail.toString());
    assertEquals(
        2,
        identityUids(Sites.call("socialize.getUserInfo", token, "")).size(),
        "fail changes nothing");
    assertEquals(
        400006,
        Sites.call("socialize.removeConnection", token, "&lastIdentityHandling=maybe")
            .getInt("errorCode"));

    JsonObject soft = Sites.call("socialize.removeConnection", token, "&provider=odnoklassniki");
    assertEquals(0, soft.getInt("errorCode"), soft.toString());
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(1, info.getJsonArray("identities").size(), "the last login identity stays");
    assertFalse(info.getBoolean("isConnected"));
    assertTrue(info.getJsonArray("identities").getJsonObject(0).getBoolean("isExpiredSession"));
    assertEquals("odnoklassniki", info.getString("providers"));

    JsonObject logout = Sites.call("socialize.logout", token, "");
    assertEquals(0, logout.getInt("errorCode"));
    assertEquals(403025, Sites.call("socialize.getUserInfo", token, "").getInt("errorCode"));
  }

  @Test
  void anExpiredProviderSessionIsRenewedOnUseOr403009() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("Renew");
    ok.expireNextTokenIn("1");
    String token = login(new Browser(), site, user);
    int before = ok.tokenRequests.size();
    JsonObject session = Sites.call("socialize.getSessionInfo", token, "&provider=odnoklassniki");
    assertEquals(0, session.getInt("errorCode"), session.toString());
    assertEquals(user.uid(), session.getString("providerUID"));
    assertTrue(ok.issuedToken(session.getString("authToken")));
    assertEquals(
        "refresh_token",
        ok.tokenRequests.get(before).get("grant_type"),
        "renewed with the refresh token");
    // Renewed for 1800 s: the next use needs no provider call.
    JsonObject again = Sites.call("socialize.getSessionInfo", token, "&provider=odnoklassniki");
    assertEquals(session.getString("authToken"), again.getString("authToken"));
    assertEquals(before + 1, ok.tokenRequests.size());

    OkStandIn.User other = OkStandIn.newUser("Stale");
    ok.expireNextTokenIn("1");
    String staleToken = login(new Browser(), site, other);
    ok.failNextToken(OkStandIn.Failure.ERROR_BODY);
    assertEquals(
        403009,
        Sites.call("socialize.getSessionInfo", staleToken, "&provider=odnoklassniki")
            .getInt("errorCode"));
    assertEquals(
        400106,
        Sites.call("socialize.getSessionInfo", staleToken, "&provider=vkontakte")
            .getInt("errorCode"));
    assertEquals(
        400002, Sites.call("socialize.getSessionInfo", staleToken, "").getInt("errorCode"));
  }

  @Test
  void concurrentCallbacksForOneIdentityCreateOneAccount() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("Twin");
    Browser one = new Browser();
    Browser two = new Browser();
    String page1 = one.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(user);
    String callback1 = location(one.get(page1));
    String page2 = two.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(user);
    String callback2 = location(two.get(page2));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var f1 = pool.submit(() -> answer(location(one.get(callback1))));
      var f2 = pool.submit(() -> answer(location(two.get(callback2))));
      String uid1 = uidOf(site, f1.get().get("code"));
      String uid2 = uidOf(site, f2.get().get("code"));
      assertEquals(uid1, uid2, "one account for one identity");
    } finally {
      pool.shutdown();
    }
  }

  private static String uidOf(Sites.Site site, String code) {
    assertNotNull(code);
    String token = Sites.tokenForCode(site, code);
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(1, info.getJsonArray("identities").size());
    return info.getString("UID");
  }

  @Test
  void userMethodsAnswerInXmlAndRefuseBadTokens() {
    Sites.Site site = Sites.withOdnoklassniki();
    String token = login(new Browser(), site, OkStandIn.newUser("Xml"));
    HttpResponse<String> xml =
        Junction.get(
            Junction.HTTPS + "/socialize.getUserInfo?format=xml&oauth_token=" + enc(token));
    assertTrue(xml.body().contains("<socialize.getUserInfoResponse"), xml.body());
    assertTrue(xml.body().contains("<loginProvider>odnoklassniki</loginProvider>"), xml.body());
    assertTrue(
        xml.body().contains("<identities><item><provider>odnoklassniki</provider>"), xml.body());
    assertEquals(
        403025,
        json(Junction.get(Junction.HTTP + "/socialize.getUserInfo?oauth_token=" + enc(token)))
            .getInt("errorCode"));
    assertEquals(
        403025, Sites.call("socialize.getUserInfo", "jt1.nothing", "").getInt("errorCode"));
    assertEquals(
        403005,
        Sites.call("socialize.getUserInfo", token, "&UID=someone-else").getInt("errorCode"));
    assertEquals(
        400002, json(Junction.get(Junction.HTTPS + "/socialize.getUserInfo")).getInt("errorCode"));
  }

  @Test
  void providerTokensAreEncryptedAtRest() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    int before = ok.tokenRequests.size();
    login(new Browser(), site, OkStandIn.newUser("Rest"));
    assertTrue(ok.tokenRequests.size() > before);
    // Every token the stand-in issued starts with these; none may appear in the database.
    assertFalse(DatabaseContent.contains("okaccess-"), "a provider access token in clear");
    assertFalse(DatabaseContent.contains("okrefresh-"), "a provider refresh token in clear");
    assertFalse(
        DatabaseContent.anyFileContains(Path.of(Junction.SERVER_DIR, "logs"), "okaccess-"),
        "a provider token in a log");
  }

  private static void assertRedirected(Browser b, String url, String errorCode, String detailPart) {
    Map<String, String> back = answer(location(b.get(url)));
    assertEquals(errorCode, back.get("errorCode"), url + " -> " + back);
    assertTrue(back.getOrDefault("errorDetails", "").contains(detailPart), back.toString());
    assertTrue(back.get("callId").matches("[0-9a-f]{32}"));
    assertNotNull(back.get("errorMessage"));
  }

  private static void assertDirect(
      HttpResponse<String> r, int status, int errorCode, String detailPart) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject body = json(r);
    assertEquals(errorCode, body.getInt("errorCode"), r.body());
    assertTrue(body.getString("errorDetails", "").contains(detailPart), r.body());
  }

  static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(JsonString::getString);
  }
}
