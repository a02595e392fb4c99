package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.location;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests for one user arriving together, as double clicks, several tabs and several browsers send
 * them: the same user logging in from eight browsers at once round after round, removeConnection
 * four times with one token, four users logging in from browsers that share one guest cookie, two
 * guest browsers merging into one account, addConnection against removeConnection, setUID against
 * logins, an administrator deleting an account while its user logs in and redeems codes. Every
 * request is answered (a redirect to the site, or a Gigya answer) within seconds, none with a 500,
 * and the user ends with one account. On PostgreSQL every other request goes to the second node.
 */
class ConcurrencyIT {

  /** Longer than any request may take: Derby's old deadlock detection took 20 s. */
  private static final long STALL_MILLIS = 8000;

  private static final boolean TWO_NODES =
      "postgres".equals(System.getProperty("junction.db.kind"));

  private final OkStandIn ok = OkStandIn.get();

  @Test
  void eightBrowsersLoggingInTheSameUserAtOnceRoundAfterRoundAllGetIn() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("Many");
    Set<String> uids = new HashSet<>();
    for (int round = 0; round < 5; round++) {
      // Round 0: the user is new, so all eight create the identity at once.
      List<String> callbacks = new ArrayList<>();
      List<Browser> browsers = new ArrayList<>();
      for (int n = 0; n < 8; n++) {
        Browser b = new Browser();
        browsers.add(b);
        callbacks.add(upToCallback(b, Browser.loginUrl(site.apiKey(), ""), user, n));
      }
      List<HttpResponse<String>> answers =
          atOnce(8, n -> () -> browsers.get(n).get(callbacks.get(n)));
      for (HttpResponse<String> r : answers) {
        Map<String, String> back = answer(location(r));
        assertNotNull(back.get("code"), "round " + round + ": " + back);
        JsonObject info =
            Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
        uids.add(info.getString("UID"));
        assertEquals(List.of(user.uid()), SocialFlowIT.identityUids(info), info.toString());
      }
    }
    assertEquals(1, uids.size(), "one account: " + uids);
  }

  @Test
  void removeConnectionFourTimesAtOnceWithOneTokenRemovesOnce() {
    Sites.Site site = Sites.withOdnoklassniki();
    String token = SocialFlowIT.login(new Browser(), site, OkStandIn.newUser("Remove"));
    List<HttpResponse<String>> answers =
        atOnce(
            4,
            n ->
                () ->
                    Junction.get(
                        node(n)
                            + "/socialize.removeConnection?provider=odnoklassniki"
                            + "&lastIdentityHandling=remove&oauth_token="
                            + enc(token)));
    List<Integer> codes = new ArrayList<>();
    for (HttpResponse<String> r : answers) {
      assertEquals(200, r.statusCode(), r.body());
      codes.add(json(r).getInt("errorCode"));
    }
    assertEquals(1, codes.stream().filter(c -> c == 0).count(), codes.toString());
    assertEquals(3, codes.stream().filter(c -> c == 400106).count(), codes.toString());
    assertEquals(
        List.of(),
        SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token, "")),
        "removed");
  }

  @Test
  void fourUsersLoggingInFromBrowsersSharingOneGuestCookieEachGetTheirAccount() {
    Sites.Site site = Sites.withOdnoklassniki(",\"guestMerge\":\"always\"", "");
    OkStandIn.User guest = OkStandIn.newUser("Guest");
    HttpCookie cookie = withGuestConnection(site, guest);
    List<OkStandIn.User> users = new ArrayList<>();
    List<Browser> browsers = new ArrayList<>();
    List<String> callbacks = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      OkStandIn.User u = OkStandIn.newUser("Shared" + n);
      Browser b = new Browser();
      b.plant(
          Junction.HTTPS,
          cookie.getName() + "=" + cookie.getValue() + "; Secure; HttpOnly; Path=/");
      users.add(u);
      browsers.add(b);
      callbacks.add(upToCallback(b, Browser.loginUrl(site.apiKey(), ""), u, n));
    }
    List<HttpResponse<String>> answers =
        atOnce(4, n -> () -> browsers.get(n).get(callbacks.get(n)));
    Set<String> uids = new HashSet<>();
    int withGuest = 0;
    for (int n = 0; n < 4; n++) {
      Map<String, String> back = answer(location(answers.get(n)));
      assertNotNull(back.get("code"), back.toString());
      JsonObject info =
          Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
      uids.add(info.getString("UID"));
      List<String> identities = SocialFlowIT.identityUids(info);
      assertTrue(identities.contains(users.get(n).uid()), identities.toString());
      withGuest += identities.contains(guest.uid()) ? 1 : 0;
    }
    assertEquals(4, uids.size(), "four users, four accounts");
    assertEquals(1, withGuest, "the guest connection joined exactly one of them");
  }

  @Test
  void twoGuestBrowsersLoggingInTheSameUserAtOnceMergeIntoOneAccount() {
    Sites.Site site = Sites.withOdnoklassniki(",\"guestMerge\":\"always\"", "");
    OkStandIn.User first = OkStandIn.newUser("GuestA");
    OkStandIn.User second = OkStandIn.newUser("GuestB");
    OkStandIn.User user = OkStandIn.newUser("Merged");
    List<Browser> browsers = List.of(new Browser(), new Browser());
    guestConnection(browsers.get(0), site, first);
    guestConnection(browsers.get(1), site, second);
    List<String> callbacks = new ArrayList<>();
    for (int n = 0; n < 2; n++) {
      callbacks.add(upToCallback(browsers.get(n), Browser.loginUrl(site.apiKey(), ""), user, n));
    }
    List<HttpResponse<String>> answers =
        atOnce(2, n -> () -> browsers.get(n).get(callbacks.get(n)));
    Set<String> uids = new HashSet<>();
    JsonObject info = null;
    for (HttpResponse<String> r : answers) {
      Map<String, String> back = answer(location(r));
      assertNotNull(back.get("code"), back.toString());
      info = Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
      uids.add(info.getString("UID"));
    }
    assertEquals(1, uids.size(), "one account");
    assertEquals(
        List.of(first.uid(), second.uid(), user.uid()).stream().sorted().toList(),
        SocialFlowIT.identityUids(info).stream().sorted().toList());
  }

  @Test
  void addConnectionRacingRemoveConnectionOnOneAccountBothAnswer() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser browser = new Browser();
    OkStandIn.User owner = OkStandIn.newUser("Owner");
    String token = SocialFlowIT.login(browser, site, owner);
    for (int round = 0; round < 3; round++) {
      OkStandIn.User added = OkStandIn.newUser("Added" + round);
      String callback = upToCallback(browser, Browser.connectUrl(token, ""), added, round);
      String removeNode = node(round + 1);
      List<HttpResponse<String>> answers =
          atOnce(
              2,
              n ->
                  n == 0
                      ? () -> browser.get(callback)
                      : () ->
                          Junction.get(
                              removeNode
                                  + "/socialize.removeConnection?provider=odnoklassniki"
                                  + "&lastIdentityHandling=soft&oauth_token="
                                  + enc(token)));
      assertEquals("0", answer(location(answers.get(0))).get("errorCode"), "addConnection");
      assertEquals(0, json(answers.get(1)).getInt("errorCode"), answers.get(1).body());
      // In either order: the connection was added, then everything but the last login removed
      // (one identity left), or the removal came first and the connection joined (two).
      List<String> identities =
          SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token, ""));
      assertTrue(identities.size() == 1 || identities.size() == 2, identities.toString());
      assertTrue(identities.contains(added.uid()) || identities.size() == 1, identities.toString());
    }
  }

  @Test
  void setUidRacingLoginsOfTheSameUserBothTakeEffect() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("Renamed");
    String token = SocialFlowIT.login(new Browser(), site, user);
    for (int round = 0; round < 3; round++) {
      String uid = Sites.call("socialize.getUserInfo", token, "").getString("UID");
      String siteUid = "shop-user-" + round + "-" + System.nanoTime();
      String setUidNode = node(round);
      List<Browser> browsers = new ArrayList<>();
      List<String> callbacks = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        Browser b = new Browser();
        browsers.add(b);
        callbacks.add(upToCallback(b, Browser.loginUrl(site.apiKey(), ""), user, n));
      }
      List<HttpResponse<String>> answers =
          atOnce(
              5,
              n ->
                  n < 4
                      ? () -> browsers.get(n).get(callbacks.get(n))
                      : () ->
                          Junction.postForm(
                              setUidNode + "/socialize.setUID",
                              "apiKey="
                                  + enc(site.apiKey())
                                  + "&secret="
                                  + enc(site.secret())
                                  + "&UID="
                                  + enc(uid)
                                  + "&siteUID="
                                  + enc(siteUid)));
      assertEquals(0, json(answers.get(4)).getInt("errorCode"), answers.get(4).body());
      for (int n = 0; n < 4; n++) {
        assertNotNull(answer(location(answers.get(n))).get("code"), answers.get(n).toString());
      }
      assertEquals(siteUid, Sites.call("socialize.getUserInfo", token, "").getString("UID"));
    }
  }

  @Test
  void deletingAnAccountWhileItsUserLogsInAndRedeemsCodesAnswersEveryone() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User user = OkStandIn.newUser("Deleted");
    for (int round = 0; round < 3; round++) {
      String uid =
          Sites.call("socialize.getUserInfo", SocialFlowIT.login(new Browser(), site, user), "")
              .getString("UID");
      // Codes of earlier logins, waiting for getToken, and logins up to their callback.
      List<String> codes = new ArrayList<>();
      for (int n = 0; n < 2; n++) {
        Browser b = new Browser();
        codes.add(
            answer(location(b.get(upToCallback(b, Browser.loginUrl(site.apiKey(), ""), user, n))))
                .get("code"));
      }
      List<Browser> browsers = List.of(new Browser(), new Browser(), new Browser());
      List<String> callbacks = new ArrayList<>();
      for (int n = 0; n < 3; n++) {
        callbacks.add(upToCallback(browsers.get(n), Browser.loginUrl(site.apiKey(), ""), user, n));
      }
      List<HttpResponse<String>> answers =
          atOnce(
              6,
              n ->
                  switch (n) {
                    case 0 ->
                        () ->
                            Junction.admin(
                                "DELETE",
                                "/admin/sites/" + site.apiKey() + "/accounts/" + enc(uid),
                                null);
                    case 1, 2 ->
                        () ->
                            Sites.getToken(
                                site,
                                "grant_type=authorization_code&code="
                                    + enc(codes.get(n - 1))
                                    + "&redirect_uri="
                                    + enc(Browser.SITE_PAGE));
                    default -> () -> browsers.get(n - 3).get(callbacks.get(n - 3));
                  });
      assertEquals(204, answers.get(0).statusCode(), answers.get(0).body());
      for (int n = 1; n <= 2; n++) {
        // Redeemed before the deletion (and the token went with the account), or found gone.
        int code = json(answers.get(n)).getInt("errorCode");
        assertTrue(code == 0 || code == 400006, answers.get(n).body());
      }
      Set<String> uids = new HashSet<>();
      for (int n = 3; n < 6; n++) {
        // A login before the deletion entered the old account, one after it made a new one.
        Map<String, String> back = answer(location(answers.get(n)));
        assertNotNull(back.get("code"), back.toString());
        HttpResponse<String> token =
            Sites.getToken(
                site,
                "grant_type=authorization_code&code="
                    + enc(back.get("code"))
                    + "&redirect_uri="
                    + enc(Browser.SITE_PAGE));
        JsonObject body = json(token);
        if (body.getInt("errorCode") == 0) {
          uids.add(
              Sites.call("socialize.getUserInfo", body.getString("access_token"), "")
                  .getString("UID"));
        } else {
          assertEquals(400006, body.getInt("errorCode"), token.body());
        }
      }
      assertTrue(!uids.contains(uid), "the deleted account is gone: " + uids);
      assertTrue(uids.size() <= 1, "at most one new account: " + uids);
      assertEquals(
          404,
          Junction.admin("GET", "/admin/sites/" + site.apiKey() + "/accounts/" + enc(uid), null)
              .statusCode());
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The node a request goes to: on PostgreSQL every other one to the second node. */
  private static String node(int n) {
    return TWO_NODES && n % 2 == 1 ? MultiNodeIT.NODE2 : Junction.HTTPS;
  }

  /**
   * A flow up to the callback: the first leg, the user's consent at the stand-in, and the callback
   * URL the stand-in sends the browser to (on PostgreSQL, every other one at the second node).
   */
  private String upToCallback(Browser b, String startUrl, OkStandIn.User user, int n) {
    String providerPage = b.start(startUrl);
    ok.consentAs(user);
    String callback = location(b.get(providerPage));
    return callback.replace(Junction.HTTPS, node(n));
  }

  private static void guestConnection(Browser browser, Sites.Site site, OkStandIn.User guest) {
    String anonymous = Sites.token(site, "grant_type=none");
    assertEquals(
        "0", answer(browser.roundTrip(Browser.connectUrl(anonymous, ""), guest)).get("errorCode"));
  }

  /** A guest cookie whose guest account holds a connection of {@code guest}. */
  private static HttpCookie withGuestConnection(Sites.Site site, OkStandIn.User guest) {
    Browser browser = new Browser();
    guestConnection(browser, site, guest);
    HttpCookie cookie = browser.cookie("__Host-jg_" + site.apiKey());
    assertNotNull(cookie);
    return cookie;
  }

  /** A task per index. */
  private interface Tasks<T> {
    Callable<T> task(int n);
  }

  /**
   * Runs {@code n} requests released together and waits for every answer; none may take {@link
   * #STALL_MILLIS} or answer with a 500.
   */
  private static List<HttpResponse<String>> atOnce(int n, Tasks<HttpResponse<String>> tasks) {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<HttpResponse<String>> task = tasks.task(i);
        futures.add(
            threads.submit(
                () -> {
                  go.await();
                  long began = System.nanoTime();
                  HttpResponse<String> r = task.call();
                  long millis = (System.nanoTime() - began) / 1_000_000;
                  assertTrue(millis < STALL_MILLIS, "took " + millis + " ms: " + r.body());
                  assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
                  assertTrue(!r.body().contains("500001"), r.body());
                  return r;
                }));
      }
      go.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        try {
          answers.add(f.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
          throw new AssertionError("A concurrent request failed: " + e, e);
        }
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }
}
