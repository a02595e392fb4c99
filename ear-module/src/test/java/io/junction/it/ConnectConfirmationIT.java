package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.connectUrl;
import static io.junction.it.Browser.location;
import static io.junction.it.Browser.loginUrl;
import static io.junction.it.ConfirmationPage.seeOther;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * socialize.addConnection with a user's token from a browser other than the one that obtained it:
 * the oauth_token travels in a URL, so whoever sends a victim a link with their own token would
 * have the victim's social account join their account. Junction asks that browser first.
 */
class ConnectConfirmationIT {

  private static final String PROVIDER =
      "http://localhost:" + Integer.getInteger("junction.ok.port", 19091);

  private final OkStandIn ok = OkStandIn.get();

  /** The first leg went straight to the provider. */
  private static void assertToProvider(HttpResponse<String> r) {
    assertTrue(location(r).startsWith(PROVIDER + "/oauth/authorize?"), location(r));
  }

  private static List<String> identities(String token) {
    return SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token, "")).stream()
        .sorted()
        .toList();
  }

  @Test
  void anotherBrowserUsingTheTokenIsAskedFirst() {
    Sites.Site site = Sites.withOdnoklassniki();
    String siteName =
        json(Junction.admin("GET", "/admin/sites/" + site.apiKey(), null)).getString("name");
    // The attacker logs in in their own browser and keeps the token.
    Browser attacker = new Browser();
    OkStandIn.User eve = OkStandIn.newUser("Eve");
    String token = SocialFlowIT.login(attacker, site, eve);

    // The victim opens the attacker's addConnection link: a page, not a redirect to the provider.
    Browser victim = new Browser();
    OkStandIn.User alice = OkStandIn.newUser("Alice");
    ConfirmationPage page = ConfirmationPage.of(victim.get(connectUrl(token, "")));
    assertTrue(
        page.body()
            .contains(
                siteName
                    + " asks to connect your Odnoklassniki account to this account: "
                    + eve.name()
                    + "."),
        page.body());
    assertTrue(page.body().contains(">Cancel</button>"), page.body());
    assertTrue(
        page.csp().contains("form-action 'self' https://shop.example.com " + PROVIDER + ";"),
        page.csp());

    // Continue without the page's value, or with a forged one, is refused.
    HttpResponse<String> bare = victim.post(ConfirmationPage.ACTION, "choice=continue");
    assertEquals(400, bare.statusCode(), bare.body());
    assertEquals(400002, json(bare).getInt("errorCode"));
    HttpResponse<String> forged =
        victim.post(ConfirmationPage.ACTION, "confirmation=forged&choice=continue");
    assertEquals(400006, json(forged).getInt("errorCode"), forged.body());

    // Cancel: back to the site with 200001 and its state; nothing joins the attacker's account.
    Map<String, String> cancelled = answer(seeOther(page.answer(victim, "cancel")));
    assertEquals("200001", cancelled.get("errorCode"), cancelled.toString());
    assertEquals("cn-1", cancelled.get("state"));
    assertEquals(List.of(eve.uid()), identities(token));
    // ... and a cancelled page cannot be continued afterwards.
    Map<String, String> after = answer(seeOther(page.answer(victim, "continue")));
    assertEquals("400006", after.get("errorCode"), after.toString());

    // Someone who does mean it continues on a new page: on to the provider, and connected.
    ConfirmationPage again = ConfirmationPage.of(victim.get(connectUrl(token, "")));
    String providerPage = seeOther(again.answer(victim, "continue"));
    assertTrue(providerPage.startsWith(PROVIDER + "/oauth/authorize?"), providerPage);
    ok.consentAs(alice);
    Map<String, String> connected =
        answer(location(victim.get(location(victim.get(providerPage)))));
    assertEquals("0", connected.get("errorCode"), connected.toString());
    assertEquals(List.of(alice.uid(), eve.uid()).stream().sorted().toList(), identities(token));

    // The browser that obtained the token goes straight through.
    assertToProvider(attacker.get(connectUrl(token, "")));
  }

  @Test
  void serverMintedTokensAskUnlessTheSiteTurnsThePageOff() {
    Sites.Site site = Sites.withOdnoklassniki();
    String server =
        Sites.token(site, "grant_type=client_credentials&x_siteUID=member-" + System.nanoTime());
    ConfirmationPage page =
        ConfirmationPage.of(new Browser().get(connectUrl(server, "&x_lang=fr")));
    assertTrue(page.body().contains("<html lang=\"fr\">"), page.body());
    assertTrue(page.body().contains(">Continuer</button>"), page.body());
    assertTrue(page.body().contains("member-"), "the site's own user id names the account");

    Sites.Site accepts = Sites.withOdnoklassniki(",\"connectConfirmation\":false", "");
    String own =
        Sites.token(accepts, "grant_type=client_credentials&x_siteUID=member-" + System.nanoTime());
    assertToProvider(new Browser().get(connectUrl(own, "")));
  }

  @Test
  void anonymousTokensAndTheTokensOwnBrowserNeedNoPage() {
    Sites.Site site = Sites.withOdnoklassniki();
    String anonymous = Sites.token(site, "grant_type=none");
    assertToProvider(new Browser().get(connectUrl(anonymous, "")));

    // A token of the implicit flow is bound to its browser too.
    Browser browser = new Browser();
    String page =
        browser.roundTrip(
            loginUrl(site.apiKey(), "").replace("response_type=code", "response_type=token"),
            OkStandIn.newUser("Implicit"));
    String token = answer(page).get("access_token");
    assertToProvider(browser.get(connectUrl(token, "")));
    ConfirmationPage.of(new Browser().get(connectUrl(token, "")));
  }

  @Test
  void refusalsOfTheFirstLegStillGoToTheSite() {
    Sites.Site site = Sites.withOdnoklassniki();
    String token = SocialFlowIT.login(new Browser(), site, OkStandIn.newUser("Bad"));
    Map<String, String> back =
        answer(
            location(
                new Browser()
                    .get(
                        connectUrl(token, "")
                            .replace("x_provider=odnoklassniki", "x_provider=orkut"))));
    assertEquals("400006", back.get("errorCode"), back.toString());
    assertNull(back.get("code"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(1, info.getJsonArray("identities").size());
  }
}
