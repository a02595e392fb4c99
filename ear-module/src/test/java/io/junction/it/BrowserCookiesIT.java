package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.connectUrl;
import static io.junction.it.Browser.location;
import static io.junction.it.Browser.loginUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cookies Junction sets, through real browsers' cookie rules: every one a __Host- cookie
 * (Secure, Path=/, no Domain); one browser runs several flows at once; a cookie without the prefix
 * (planted under a parent domain by a sibling subdomain) counts for nothing; a callback over plain
 * HTTP goes to HTTPS first, where the Secure cookie is sent, and so does a login over plain HTTP.
 */
class BrowserCookiesIT {

  private final OkStandIn ok = OkStandIn.get();

  @Test
  void twoFlowsStartedInOneBrowserBothComplete() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User first = OkStandIn.newUser("Tab");
    OkStandIn.User second = OkStandIn.newUser("Tabby");
    Browser browser = new Browser();

    HttpResponse<String> started = browser.get(loginUrl(site.apiKey(), ""));
    String page1 = location(started);
    String setCookie =
        started.headers().allValues("Set-Cookie").stream()
            .filter(h -> h.startsWith("__Host-junction_browser="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.contains("Path=/;") || setCookie.endsWith("Path=/"), setCookie);
    assertTrue(setCookie.contains("Secure"), setCookie);
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertFalse(setCookie.toLowerCase(java.util.Locale.ROOT).contains("domain="), setCookie);
    HttpCookie cookie = browser.cookie("__Host-junction_browser");
    assertNotNull(cookie);
    String page2 = browser.start(loginUrl(site.apiKey(), "").replace("state=st-1", "state=st-2"));
    assertEquals(
        cookie.getValue(),
        browser.cookie("__Host-junction_browser").getValue(),
        "the second flow keeps the browser's id");

    ok.consentAs(first);
    String callback1 = location(browser.get(page1));
    ok.consentAs(second);
    String callback2 = location(browser.get(page2));

    Map<String, String> back1 = answer(location(browser.get(callback1)));
    assertEquals("st-1", back1.get("state"));
    assertNotNull(back1.get("code"), back1.toString());
    Map<String, String> back2 = answer(location(browser.get(callback2)));
    assertEquals("st-2", back2.get("state"));
    assertNotNull(back2.get("code"), back2.toString());
    assertEquals(
        first.uid(),
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back1.get("code")), "")
            .getString("loginProviderUID"));
    assertEquals(
        second.uid(),
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back2.get("code")), "")
            .getString("loginProviderUID"));
  }

  @Test
  void aGuestCookieWithoutThePrefixIsIgnored() {
    // A site that merges guest connections silently: only the cookie's name stands between a
    // planted guest account and the victim's account.
    Sites.Site site = Sites.withOdnoklassniki(",\"guestMerge\":\"always\"", "");

    // The attacker connects a network of theirs as a guest in their own browser.
    Browser attacker = new Browser();
    OkStandIn.User planted = OkStandIn.newUser("Planted");
    String anonymous = Sites.token(site, "grant_type=none");
    assertEquals(
        "0", answer(attacker.roundTrip(connectUrl(anonymous, ""), planted)).get("errorCode"));
    HttpCookie guest = attacker.cookie("__Host-jg_" + site.apiKey());
    assertNotNull(guest);
    assertNull(attacker.cookie("jg_" + site.apiKey()), "no cookie without the prefix is set");

    // ... and plants its guest key in the victim's browser under the name without the prefix.
    Browser victim = new Browser();
    victim.plant(Junction.HTTPS, "jg_" + site.apiKey() + "=" + guest.getValue() + "; Path=/");
    assertNotNull(victim.cookie("jg_" + site.apiKey()));

    OkStandIn.User owner = OkStandIn.newUser("Victim");
    String token = SocialFlowIT.login(victim, site, owner);
    assertEquals(
        List.of(owner.uid()),
        SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token, "")),
        "the planted guest connection stays out of the victim's account");

    // The attacker's identity still logs in to an account of its own, not the victim's.
    String theirs = SocialFlowIT.login(new Browser(), site, planted);
    assertEquals(
        List.of(planted.uid()),
        SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", theirs, "")));
  }

  @Test
  void aCallbackOverPlainHttpGoesToHttpsFirst() {
    Sites.Site site =
        Sites.withOdnoklassniki(
            ",\"cname\":\"login.shop.example.com\"",
            ",\"cnameEnabled\":true,\"secureRedirectsOnly\":false");
    OkStandIn.User user = OkStandIn.newUser("Plain");
    Browser browser = new Browser();
    String providerPage = browser.start(loginUrl(site.apiKey(), ""));
    assertEquals(
        "https://login.shop.example.com/GS/GSLogin.aspx",
        OkStandIn.query(URI.create(providerPage).getRawQuery()).get("redirect_uri"));
    ok.consentAs(user);
    String callback = location(browser.get(providerPage));
    assertTrue(callback.startsWith("https://login.shop.example.com/GS/GSLogin.aspx?"), callback);
    String query = URI.create(callback).getRawQuery();

    // The CNAME leads to Junction; someone sends the browser to it over plain HTTP, where the
    // browser keeps its Secure cookie to itself.
    HttpResponse<String> plain = browser.get(Junction.HTTP + "/GS/GSLogin.aspx?" + query);
    assertEquals(302, plain.statusCode(), plain.body());
    assertEquals(
        "https://login.shop.example.com/GS/GSLogin.aspx?" + query,
        plain.headers().firstValue("Location").orElseThrow());
    assertEquals("no-store", plain.headers().firstValue("Cache-Control").orElseThrow());

    // Over HTTPS it shows the cookie, and the flow, still pending, completes.
    Map<String, String> back =
        answer(location(browser.get(Junction.HTTPS + "/GS/GSLogin.aspx?" + query)));
    assertEquals("st-1", back.get("state"));
    assertNotNull(back.get("code"), back.toString());
    assertEquals(
        user.uid(),
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "")
            .getString("loginProviderUID"));
  }

  @Test
  void aLoginOverPlainHttpGoesToHttpsBeforeAnythingIsWritten() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    // A site state long enough that the flow is stored rather than sealed into the provider's
    // state (see BoundedWorkIT), so that the database shows whether it was written.
    String state = "plain-" + System.nanoTime() + "-" + "p".repeat(990);
    String query =
        URI.create(loginUrl(site.apiKey(), "").replace("state=st-1", "state=" + state))
            .getRawQuery();
    Browser browser = new Browser();

    HttpResponse<String> plain = browser.get(Junction.HTTP + "/socialize.login?" + query);
    assertEquals(302, plain.statusCode(), plain.body());
    assertEquals(
        Junction.HTTPS + "/socialize.login?" + query,
        plain.headers().firstValue("Location").orElseThrow());
    assertEquals("no-store", plain.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(plain.headers().allValues("Set-Cookie").isEmpty(), plain.headers().toString());
    assertNull(browser.cookie("__Host-junction_browser"));

    // A form POST is repeated, body and all, at the HTTPS address.
    HttpResponse<String> posted = browser.post(Junction.HTTP + "/socialize.login", query);
    assertEquals(307, posted.statusCode(), posted.body());
    assertEquals(
        Junction.HTTPS + "/socialize.login", posted.headers().firstValue("Location").orElseThrow());
    assertTrue(posted.headers().allValues("Set-Cookie").isEmpty(), posted.headers().toString());

    // Through the site's CNAME the browser stays on the CNAME; another Host is not believed.
    Sites.Site cnamed = Sites.withOdnoklassniki(",\"cname\":\"login.shop.example.com\"", "");
    String cq = URI.create(loginUrl(cnamed.apiKey(), "")).getRawQuery();
    RawHttp.Answer viaCname =
        RawHttp.send("GET /socialize.login?" + cq + " HTTP/1.1\r\nHost: login.shop.example.com");
    assertEquals(302, viaCname.status());
    assertEquals(
        "https://login.shop.example.com/socialize.login?" + cq, viaCname.header("Location"));
    RawHttp.Answer elsewhere =
        RawHttp.send("GET /socialize.login?" + cq + " HTTP/1.1\r\nHost: evil.example.org");
    assertEquals(302, elsewhere.status());
    assertEquals(Junction.HTTPS + "/socialize.login?" + cq, elsewhere.header("Location"));

    // Nothing of the plain requests was kept: the flow starts, once, over HTTPS.
    assertFalse(DatabaseContent.contains(state), "no pending authorization for the plain request");
    String providerPage = browser.start(Junction.HTTPS + "/socialize.login?" + query);
    assertTrue(providerPage.startsWith("http://localhost:"), providerPage);
    assertNotNull(browser.cookie("__Host-junction_browser"));
    assertTrue(DatabaseContent.contains(state), "the flow over HTTPS is kept");
  }
}
