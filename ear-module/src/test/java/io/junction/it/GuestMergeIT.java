package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.connectUrl;
import static io.junction.it.Browser.location;
import static io.junction.it.Browser.loginUrl;
import static io.junction.it.ConfirmationPage.seeOther;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a login does with the browser's guest connections (networks connected there with an
 * anonymous token), which whoever could put a guest cookie into the browser may have planted: by
 * default Junction asks on a page first, and the identity joins the account only when the user says
 * so; a site may choose never or always instead.
 */
class GuestMergeIT {

  private final OkStandIn ok = OkStandIn.get();

  /** A browser whose guest account holds a connection of {@code guest}. */
  private static Browser withGuestConnection(Sites.Site site, OkStandIn.User guest) {
    Browser browser = new Browser();
    String anonymous = Sites.token(site, "grant_type=none");
    assertEquals("0", answer(browser.roundTrip(connectUrl(anonymous, ""), guest)).get("errorCode"));
    assertNotNull(browser.cookie("__Host-jg_" + site.apiKey()));
    return browser;
  }

  /** A login up to the callback, whose answer is returned as it is. */
  private HttpResponse<String> callback(Browser browser, String loginUrl, OkStandIn.User user) {
    String providerPage = browser.start(loginUrl);
    ok.consentAs(user);
    return browser.get(location(browser.get(providerPage)));
  }

  private static List<String> identities(Sites.Site site, String code) {
    return SocialFlowIT.identityUids(
            Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, code), ""))
        .stream()
        .sorted()
        .toList();
  }

  private static void assertDirect(HttpResponse<String> r, int errorCode, String detailPart) {
    assertEquals(400, r.statusCode(), r.body());
    JsonObject body = json(r);
    assertEquals(errorCode, body.getInt("errorCode"), r.body());
    assertTrue(body.getString("errorDetails").contains(detailPart), r.body());
  }

  @Test
  void aLoginAsksBeforeTheGuestConnectionsJoinTheAccount() {
    Sites.Site site = Sites.withOdnoklassniki();
    String uid = String.valueOf(580_000_000_000L + (long) (Math.random() * 1_000_000_000L));
    OkStandIn.User guest =
        new OkStandIn.User(uid, "<img src=x>", "O'Brien & Co", "gwen" + uid + "@example.ru");
    Browser browser = withGuestConnection(site, guest);
    OkStandIn.User owner = OkStandIn.newUser("Owner");

    ConfirmationPage page =
        ConfirmationPage.of(callback(browser, loginUrl(site.apiKey(), ""), owner));
    assertTrue(page.body().contains("<html lang=\"en\">"), page.body());
    assertTrue(
        page.body().contains("<li>Odnoklassniki: &lt;img src=x&gt; O&#39;Brien &amp; Co</li>"),
        page.body());
    assertFalse(page.body().contains("<img"), "every value is escaped");
    assertTrue(page.body().contains("as " + owner.name()), page.body());
    assertTrue(page.csp().contains("form-action 'self' https://shop.example.com;"), page.csp());

    // Refused directly: no value, a value Junction never issued, a choice the page did not offer.
    assertDirect(browser.post(ConfirmationPage.ACTION, "choice=continue"), 400002, "confirmation");
    assertDirect(
        browser.post(ConfirmationPage.ACTION, "confirmation=forged-value&choice=continue"),
        400006,
        "confirmation");
    assertDirect(page.answer(browser, "maybe"), 400006, "choice");
    // Another browser (the value alone is not enough) goes back to the site with 403035.
    Map<String, String> stolen = answer(seeOther(page.answer(new Browser(), "continue")));
    assertEquals("403035", stolen.get("errorCode"), stolen.toString());
    assertNull(stolen.get("code"));

    // The browser the page was shown to adds them: the login goes on to the site.
    HttpResponse<String> added = page.answer(browser, "continue");
    Map<String, String> back = answer(seeOther(added));
    assertEquals("st-1", back.get("state"));
    assertNotNull(back.get("code"), back.toString());
    assertNull(browser.cookie("__Host-jg_" + site.apiKey()), "the guest cookie is gone");
    assertEquals(
        List.of(guest.uid(), owner.uid()).stream().sorted().toList(),
        identities(site, back.get("code")));

    // The page is answered once: a second click merges nothing and issues no second code.
    for (String choice : List.of("continue", "skip")) {
      Map<String, String> again = answer(seeOther(page.answer(browser, choice)));
      assertEquals("400006", again.get("errorCode"), again.toString());
      assertEquals("st-1", again.get("state"));
      assertNull(again.get("code"));
    }
  }

  @Test
  void skipLogsInAndLeavesTheGuestConnectionsAloneInTheFlowsLanguage() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User guest = OkStandIn.newUser("Gosha");
    Browser browser = withGuestConnection(site, guest);
    OkStandIn.User owner = OkStandIn.newUser("Vlad");

    ConfirmationPage page =
        ConfirmationPage.of(callback(browser, loginUrl(site.apiKey(), "&x_lang=ru"), owner));
    assertTrue(page.body().contains("<html lang=\"ru\">"), page.body());
    assertTrue(page.body().contains("Добавить эти сети в вашу учётную запись?"), page.body());
    assertTrue(page.body().contains(">Пропустить</button>"), page.body());

    Map<String, String> back = answer(seeOther(page.answer(browser, "skip")));
    assertEquals("st-1", back.get("state"));
    assertNotNull(back.get("code"), back.toString());
    assertEquals(List.of(owner.uid()), identities(site, back.get("code")));
    assertNotNull(browser.cookie("__Host-jg_" + site.apiKey()), "the guest account stays");

    // The guest connection is not the owner's: it logs in to an account of its own.
    String ownerUid =
        Sites.call("socialize.getUserInfo", SocialFlowIT.login(new Browser(), site, owner), "")
            .getString("UID");
    JsonObject guestInfo =
        Sites.call("socialize.getUserInfo", SocialFlowIT.login(new Browser(), site, guest), "");
    assertNotEquals(ownerUid, guestInfo.getString("UID"));
    assertEquals(List.of(guest.uid()), SocialFlowIT.identityUids(guestInfo));
  }

  @Test
  void aPageLeftTooLongExpiresWithTheFlow() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser browser = withGuestConnection(site, OkStandIn.newUser("Late"));
    ConfirmationPage page =
        ConfirmationPage.of(
            callback(browser, loginUrl(site.apiKey(), ""), OkStandIn.newUser("Slow")));
    Thread.sleep((Long.getLong("junction.flow.lifetime", 8) + 1) * 1000);
    Map<String, String> late = answer(seeOther(page.answer(browser, "continue")));
    assertEquals("403011", late.get("errorCode"), late.toString());
    assertNull(late.get("code"));
  }

  @Test
  void aLoginWithTheGuestsOwnIdentityAsksNothing() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User guest = OkStandIn.newUser("Self");
    Browser browser = withGuestConnection(site, guest);
    String token = SocialFlowIT.login(browser, site, guest);
    assertEquals(
        List.of(guest.uid()),
        SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token, "")));
  }

  @Test
  void neverLeavesTheGuestConnectionsAloneAndAlwaysMergesThemSilently() {
    Sites.Site never = Sites.withOdnoklassniki(",\"guestMerge\":\"never\"", "");
    OkStandIn.User guest = OkStandIn.newUser("Nev");
    Browser browser = withGuestConnection(never, guest);
    OkStandIn.User owner = OkStandIn.newUser("Neva");
    String token = SocialFlowIT.login(browser, never, owner);
    assertEquals(
        List.of(owner.uid()),
        SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token, "")));
    assertNotNull(browser.cookie("__Host-jg_" + never.apiKey()));

    Sites.Site always = Sites.withOdnoklassniki(",\"guestMerge\":\"always\"", "");
    OkStandIn.User guest2 = OkStandIn.newUser("Alw");
    Browser browser2 = withGuestConnection(always, guest2);
    OkStandIn.User owner2 = OkStandIn.newUser("Alwa");
    String token2 = SocialFlowIT.login(browser2, always, owner2);
    assertEquals(
        List.of(guest2.uid(), owner2.uid()).stream().sorted().toList(),
        SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token2, "")).stream()
            .sorted()
            .toList());
    assertNull(browser2.cookie("__Host-jg_" + always.apiKey()));
  }
}
