package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.location;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * The social graph and actions end to end over X, LinkedIn, Google and Microsoft, through stand-ins
 * that check each call as the real API does ({@link ProviderStandIns} for X, {@link
 * SocialApiStandIns} for the others, whose users log in through the tests' real OpenID Connect
 * server): the scopes asked and granted, a provider's error in {@code providerErrorCodes}, and a
 * permission the user did not grant (403023).
 */
class SocialNetworksIT {

  private final ProviderStandIns standIn = ProviderStandIns.get();

  private static Sites.Site site(String switches, String... providers) {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"Networks "
                + UUID.randomUUID()
                + "\",\"domains\":[\"shop.example.com\"]"
                + switches
                + "}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject s = json(created);
    for (String p : providers) {
      String app = p.equals("twitter") ? ProviderStandIns.APP : "junction-web-client";
      String secret = p.equals("twitter") ? ProviderStandIns.SECRET : "client-secret";
      HttpResponse<String> put =
          admin(
              "PUT",
              "/admin/sites/" + s.getString("apiKey") + "/providers/" + p,
              "{\"appId\":\"" + app + "\",\"secretKey\":\"" + secret + "\"}");
      assertEquals(201, put.statusCode(), put.body());
    }
    return new Sites.Site(s.getString("apiKey"), s.getString("secret"));
  }

  private static String start(String url, String provider) {
    return url.replace("x_provider=odnoklassniki", "x_provider=" + provider);
  }

  /**
   * A login (or connection) through the OIDC server's {@code issuer}: the user's access token
   * carries {@code claims} (the scopes the user granted). Returns the scope Junction asked for and
   * what reached the site.
   */
  private static Map<String, String> oidc(
      Browser browser, String url, String issuer, String subject, Map<String, Object> claims) {
    Map<String, Object> all = new HashMap<>(claims);
    all.put("name", "Ada " + subject);
    all.put("email", subject + "@example.com");
    OidcIT.oidc()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                issuer, subject, "JWT", List.of("junction-web-client"), all, 3600));
    String providerPage = browser.start(url);
    String scope = OkStandIn.query(URI.create(providerPage).getRawQuery()).get("scope");
    Map<String, String> back =
        new HashMap<>(answer(location(browser.get(location(browser.get(providerPage))))));
    back.put("askedScope", scope);
    return back;
  }

  private static JsonObject failure(JsonObject answer, String provider) {
    return answer.getJsonArray("providerErrorCodes").getValuesAs(JsonObject.class).stream()
        .filter(f -> f.getString("provider").equals(provider))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no failure of " + provider + " in " + answer));
  }

  @Test
  void theConsoleListsWhatEachNetworkCanDo() {
    HttpResponse<String> info = admin("GET", "/admin/info", null);
    assertEquals(200, info.statusCode(), info.body());
    Map<String, List<String>> can = new HashMap<>();
    for (JsonObject p : json(info).getJsonArray("providers").getValuesAs(JsonObject.class)) {
      can.put(
          p.getString("id"),
          p.getJsonArray("capabilities").getValuesAs(JsonObject.class).stream()
              .map(c -> c.getString("capability"))
              .toList());
    }
    assertEquals(List.of("friends", "status", "userActions"), can.get("twitter"));
    assertEquals(List.of("status", "userActions"), can.get("linkedin"));
    assertEquals(List.of("contacts"), can.get("googleplus"));
    assertEquals(List.of("contacts"), can.get("microsoft"));
    assertEquals(List.of("friends", "status", "userActions", "photos"), can.get("odnoklassniki"));
    assertEquals(List.of(), can.get("wechat"), "login only");
  }

  @Test
  void xPostsAndFriendsWhoFollowBack() {
    Sites.Site site =
        site(
            ",\"retrieveFriends\":true,\"publishStatus\":true,\"publishUserActions\":true",
            "twitter");
    OkStandIn.User vera = OkStandIn.newUser("Vera");
    OkStandIn.User a = OkStandIn.newUser("Anton");
    OkStandIn.User b = OkStandIn.newUser("Bella");
    OkStandIn.User c = OkStandIn.newUser("Cyril");
    OkStandIn.User d = OkStandIn.newUser("Daria");
    standIn.xFollows(vera, List.of(a, b, c), List.of(b, c, d));

    Browser browser = new Browser();
    String page = browser.start(start(Browser.loginUrl(site.apiKey(), ""), "twitter"));
    standIn.consentAs(vera);
    Map<String, String> back = answer(location(browser.get(location(browser.get(page)))));
    String token = Sites.tokenForCode(site, back.get("code"));
    List<String> asked = List.of(standIn.last.get("/twitter/authorize").get("scope").split(" "));
    assertTrue(
        asked.containsAll(List.of("tweet.write", "follows.read", "users.read")), asked.toString());
    String state = standIn.last.get("/twitter/authorize").get("state");
    assertTrue(state.length() <= 500, "X takes a state of at most 500 characters: " + state);

    // Friends: whom the user follows and who follows back, read page by page.
    JsonObject friends = Sites.call("socialize.getFriendsInfo", token, "");
    assertEquals(0, friends.getInt("errorCode"), friends.toString());
    List<String> uids =
        friends.getJsonArray("friends").getValuesAs(JsonObject.class).stream()
            .map(f -> f.getJsonArray("identities").getJsonObject(0).getString("providerUID"))
            .sorted()
            .toList();
    assertEquals(List.of(b.uid(), c.uid()).stream().sorted().toList(), uids, friends.toString());
    assertEquals("1000", standIn.last.get("/twitter/2/users").get("max_results"));

    // setStatus: a post.
    int posts = standIn.xPosts.size();
    JsonObject status = Sites.call("socialize.setStatus", token, "&status=" + enc("Hello, X"));
    assertEquals(0, status.getInt("errorCode"), status.toString());
    String[] post = standIn.xPosts.get(posts);
    assertEquals(vera.uid(), post[0]);
    assertEquals("Hello, X", post[1]);
    assertEquals(post[2], status.getJsonObject("providerPostIDs").getString("twitter"));

    // X refuses a duplicate: its error, reported for the provider.
    JsonObject duplicate = Sites.call("socialize.setStatus", token, "&status=" + enc("Hello, X"));
    assertEquals(500023, duplicate.getInt("errorCode"), duplicate.toString());
    JsonObject why = failure(duplicate, "twitter");
    assertEquals(500023, why.getInt("errorCode"));
    assertTrue(why.getString("errorMessage").contains("duplicate"), why.toString());

    // publishUserAction: the text and the link.
    JsonObject action =
        Sites.call(
            "socialize.publishUserAction",
            token,
            "&userAction="
                + enc(
                    "{\"title\":\"Bought a kettle\",\"userMessage\":\"<i>Shiny</i>\","
                        + "\"linkBack\":\"https://shop.example.com/kettle\"}"));
    assertEquals(0, action.getInt("errorCode"), action.toString());
    String[] actionPost = standIn.xPosts.get(standIn.xPosts.size() - 1);
    assertEquals(actionPost[2], action.getJsonObject("providerPostIDs").getString("twitter"));
    assertTrue(actionPost[1].endsWith(" https://shop.example.com/kettle"), actionPost[1]);
    assertTrue(actionPost[1].startsWith("Shiny"), actionPost[1]);

    // A user who did not grant tweet.write: X's token answer says so, Junction remembers it.
    OkStandIn.User egor = OkStandIn.newUser("Egor");
    standIn.xFollows(egor, List.of(a), List.of(a));
    Browser other = new Browser();
    String page2 = other.start(start(Browser.loginUrl(site.apiKey(), ""), "twitter"));
    standIn.consentAs(egor);
    standIn.declineNext("tweet.write");
    String token2 =
        Sites.tokenForCode(
            site, answer(location(other.get(location(other.get(page2))))).get("code"));
    int before = standIn.xPosts.size();
    JsonObject refused = Sites.call("socialize.setStatus", token2, "&status=hi");
    assertEquals(403023, refused.getInt("errorCode"), refused.toString());
    assertEquals(403023, failure(refused, "twitter").getInt("errorCode"));
    assertTrue(refused.getString("errorDetails").contains("tweet.write"), refused.toString());
    assertEquals(before, standIn.xPosts.size(), "no call to X");
    JsonObject egorsFriends = Sites.call("socialize.getFriendsInfo", token2, "");
    assertEquals(1, egorsFriends.getJsonArray("friends").size(), egorsFriends.toString());
  }

  @Test
  void linkedinPostsAsTheMember() {
    Sites.Site site = site(",\"publishStatus\":true,\"publishUserActions\":true", "linkedin");
    String member = "li" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> back =
        oidc(
            new Browser(),
            start(Browser.loginUrl(site.apiKey(), ""), "linkedin"),
            "linkedin",
            member,
            Map.of("scope", "openid profile email w_member_social"));
    assertTrue(back.get("askedScope").contains("w_member_social"), back.toString());
    String token = Sites.tokenForCode(site, back.get("code"));

    int posts = SocialApiStandIns.LINKEDIN_POSTS.size();
    JsonObject status =
        Sites.call("socialize.setStatus", token, "&status=" + enc("Hello (world) #1"));
    assertEquals(0, status.getInt("errorCode"), status.toString());
    String[] post = SocialApiStandIns.LINKEDIN_POSTS.get(posts);
    assertEquals("urn:li:person:" + member, post[0]);
    // The post's URN, which LinkedIn answers in the x-restli-id header.
    assertTrue(post[2].startsWith("urn:li:share:"), post[2]);
    assertEquals(post[2], status.getJsonObject("providerPostIDs").getString("linkedin"));
    JsonObject body = Json.createReader(new StringReader(post[1])).readObject();
    assertEquals("Hello \\(world\\) \\#1", body.getString("commentary"));
    assertFalse(body.containsKey("content"));

    JsonObject action =
        Sites.call(
            "socialize.publishUserAction",
            token,
            "&userAction="
                + enc(
                    "{\"title\":\"Bought a kettle\",\"description\":\"A fine kettle\","
                        + "\"linkBack\":\"https://shop.example.com/kettle\"}"));
    assertEquals(0, action.getInt("errorCode"), action.toString());
    JsonObject article =
        Json.createReader(
                new StringReader(
                    SocialApiStandIns.LINKEDIN_POSTS
                        .get(SocialApiStandIns.LINKEDIN_POSTS.size() - 1)[1]))
            .readObject()
            .getJsonObject("content")
            .getJsonObject("article");
    assertEquals("https://shop.example.com/kettle", article.getString("source"));
    assertEquals("Bought a kettle", article.getString("title"));
    assertEquals(
        SocialApiStandIns.LINKEDIN_POSTS.get(SocialApiStandIns.LINKEDIN_POSTS.size() - 1)[2],
        action.getJsonObject("providerPostIDs").getString("linkedin"));

    // A link without a title: LinkedIn requires an article's title.
    JsonObject linkOnly =
        Sites.call(
            "socialize.publishUserAction",
            token,
            "&userAction=" + enc("{\"linkBack\":\"https://shop.example.com/teapot\"}"));
    assertEquals(0, linkOnly.getInt("errorCode"), linkOnly.toString());

    // LinkedIn's own refusal (a duplicate post), reported for the provider.
    JsonObject duplicate =
        Sites.call("socialize.setStatus", token, "&status=" + enc("Hello (world) #1"));
    assertEquals(500023, duplicate.getInt("errorCode"), duplicate.toString());
    assertTrue(
        failure(duplicate, "linkedin").getString("errorMessage").contains("duplicate"),
        duplicate.toString());

    // A member who did not grant w_member_social: LinkedIn answers 403, which is 403023.
    String other = "li" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> back2 =
        oidc(
            new Browser(),
            start(Browser.loginUrl(site.apiKey(), ""), "linkedin"),
            "linkedin",
            other,
            Map.of("scope", "openid profile email"));
    String token2 = Sites.tokenForCode(site, back2.get("code"));
    JsonObject refused = Sites.call("socialize.setStatus", token2, "&status=hi");
    assertEquals(403023, refused.getInt("errorCode"), refused.toString());
    assertEquals(403023, failure(refused, "linkedin").getInt("errorCode"));
  }

  @Test
  void contactsFromGoogleAndMicrosoftPageByPage() {
    Sites.Site site = site(",\"retrieveContacts\":true", "googleplus", "microsoft");
    String g = "g-" + UUID.randomUUID();
    String m = "m-" + UUID.randomUUID();
    SocialApiStandIns.CONTACTS.put(
        g,
        List.of(
            new SocialApiStandIns.Contact("ann@example.com", "Ann", "Lee"),
            new SocialApiStandIns.Contact("bob@example.com", "Bob", "Ray"),
            new SocialApiStandIns.Contact("cat@example.com", "Cat", "Fox")));
    SocialApiStandIns.CONTACTS.put(
        m,
        List.of(
            new SocialApiStandIns.Contact("dan@example.org", "Dan", "Orr"),
            new SocialApiStandIns.Contact("eve@example.org", "Eve", "Ng"),
            new SocialApiStandIns.Contact("fay@example.org", "Fay", "Wu")));
    Browser browser = new Browser();
    Map<String, String> back =
        oidc(
            browser,
            start(Browser.loginUrl(site.apiKey(), ""), "googleplus"),
            "google",
            g,
            Map.of(
                "scope", "openid profile email https://www.googleapis.com/auth/contacts.readonly"));
    assertTrue(
        back.get("askedScope").contains("https://www.googleapis.com/auth/contacts.readonly"),
        back.toString());
    String token = Sites.tokenForCode(site, back.get("code"));
    Map<String, String> connected =
        oidc(
            browser,
            start(Browser.connectUrl(token, ""), "microsoft"),
            "microsoft",
            m,
            Map.of("scp", "Contacts.Read User.Read"));
    assertEquals("0", connected.get("errorCode"), connected.toString());
    assertTrue(connected.get("askedScope").contains("Contacts.Read"), connected.toString());

    JsonObject contacts = Sites.call("socialize.getContacts", token, "");
    assertEquals(0, contacts.getInt("errorCode"), contacts.toString());
    List<String> emails =
        contacts.getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
            .map(c -> c.getString("provider") + " " + c.getString("email"))
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "googleplus ann@example.com",
            "googleplus bob@example.com",
            "googleplus cat@example.com",
            "microsoft dan@example.org",
            "microsoft eve@example.org",
            "microsoft fay@example.org"),
        emails,
        contacts.toString());
    JsonObject ann =
        contacts.getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("email").equals("ann@example.com"))
            .findFirst()
            .orElseThrow();
    assertEquals("Ann", ann.getString("firstName"));
    assertEquals("Lee", ann.getString("lastName"));
    assertEquals("2", SocialApiStandIns.LAST.get("microsoft").get("$skip"), "the second page");
    assertEquals("2", SocialApiStandIns.LAST.get("google").get("pageToken"), "the second page");

    // One provider fails: the other's contacts, and the failure in providerErrorCodes.
    SocialApiStandIns.FAIL_NEXT.add("microsoft");
    JsonObject partial = Sites.call("socialize.getContacts", token, "");
    assertEquals(0, partial.getInt("errorCode"), partial.toString());
    assertEquals(3, partial.getJsonArray("contacts").size(), partial.toString());
    JsonObject why = failure(partial, "microsoft");
    assertEquals(500023, why.getInt("errorCode"));
    assertTrue(why.getString("errorMessage").contains("503"), why.toString());

    SocialApiStandIns.FAIL_NEXT.add("google");
    JsonObject none = Sites.call("socialize.getContacts", token, "&enabledProviders=googleplus");
    assertEquals(500023, none.getInt("errorCode"), none.toString());
    assertEquals(500023, failure(none, "googleplus").getInt("errorCode"));
  }

  @Test
  void contactsTheUserDidNotGrant() {
    // Google: the user unticked contacts on Google's consent screen; the People API refuses.
    Sites.Site site = site(",\"retrieveContacts\":true", "googleplus");
    Map<String, String> back =
        oidc(
            new Browser(),
            start(Browser.loginUrl(site.apiKey(), ""), "googleplus"),
            "google",
            "g-" + UUID.randomUUID(),
            Map.of("scope", "openid profile email"));
    String token = Sites.tokenForCode(site, back.get("code"));
    JsonObject refused = Sites.call("socialize.getContacts", token, "");
    assertEquals(403023, refused.getInt("errorCode"), refused.toString());
    assertEquals(403023, failure(refused, "googleplus").getInt("errorCode"));

    // Microsoft: the site switched contacts on after the login; Junction knows the identity was
    // not granted Contacts.Read without asking Microsoft.
    Sites.Site later = site("", "microsoft");
    String m = "m-" + UUID.randomUUID();
    Map<String, String> back2 =
        oidc(
            new Browser(),
            start(Browser.loginUrl(later.apiKey(), ""), "microsoft"),
            "microsoft",
            m,
            Map.of("scp", "User.Read"));
    assertFalse(back2.get("askedScope").contains("Contacts.Read"), back2.toString());
    String token2 = Sites.tokenForCode(later, back2.get("code"));
    HttpResponse<String> put =
        admin(
            "PUT",
            "/admin/sites/" + later.apiKey(),
            "{\"name\":\"Later\",\"domains\":[\"shop.example.com\"],\"retrieveContacts\":true}");
    assertEquals(200, put.statusCode(), put.body());
    Map<String, String> lastCall = SocialApiStandIns.LAST.get("microsoft");
    JsonObject r = Sites.call("socialize.getContacts", token2, "");
    assertEquals(403023, r.getInt("errorCode"), r.toString());
    assertTrue(r.getString("errorDetails").contains("Contacts.Read"), r.toString());
    assertTrue(lastCall == SocialApiStandIns.LAST.get("microsoft"), "no call to Microsoft");
  }
}
