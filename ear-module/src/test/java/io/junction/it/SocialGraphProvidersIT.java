package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.location;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The social graph over two connected providers through their stand-ins (VKontakte and Facebook,
 * which check the token, VK's v, Facebook's appsecret_proof and the permissions granted): friends
 * from both, a status on the one that can set it, and Facebook's 400096 for a status.
 */
class SocialGraphProvidersIT {

  private final ProviderStandIns standIn = ProviderStandIns.get();

  @Test
  void friendsFromVkontakteAndFacebookAndAStatusWhereItCanBeSet() {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"Graph "
                + UUID.randomUUID()
                + "\",\"domains\":[\"shop.example.com\"],\"retrieveFriends\":true,"
                + "\"publishStatus\":true}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject s = json(created);
    Sites.Site site = new Sites.Site(s.getString("apiKey"), s.getString("secret"));
    for (String[] p :
        List.of(
            new String[] {"vkontakte", ProviderStandIns.VK_APP, ProviderStandIns.VK_SECRET},
            new String[] {"facebook", ProviderStandIns.FB_APP, ProviderStandIns.FB_SECRET})) {
      HttpResponse<String> put =
          admin(
              "PUT",
              "/admin/sites/" + site.apiKey() + "/providers/" + p[0],
              "{\"appId\":\"" + p[1] + "\",\"secretKey\":\"" + p[2] + "\"}");
      assertEquals(201, put.statusCode(), put.body());
    }
    OkStandIn.User vera = OkStandIn.newUser("Vera");
    OkStandIn.User vkFriend = OkStandIn.newUser("Ilya");
    OkStandIn.User fbFriend = OkStandIn.newUser("Jana");
    standIn.friendsOf(vera, List.of(vkFriend, fbFriend));

    Browser browser = new Browser();
    String vkPage =
        browser.start(
            Browser.loginUrl(site.apiKey(), "")
                .replace("x_provider=odnoklassniki", "x_provider=vkontakte"));
    standIn.consentAs(vera);
    Map<String, String> back = answer(location(browser.get(location(browser.get(vkPage)))));
    String token = Sites.tokenForCode(site, back.get("code"));
    assertEquals("email,friends,status", standIn.last.get("/vk/authorize").get("scope"));

    String fbPage =
        browser.start(
            Browser.connectUrl(token, "")
                .replace("x_provider=odnoklassniki", "x_provider=facebook"));
    standIn.consentAs(vera);
    Map<String, String> connected = answer(location(browser.get(location(browser.get(fbPage)))));
    assertEquals("0", connected.get("errorCode"), connected.toString());
    assertEquals(
        "email,public_profile,user_friends", standIn.last.get("/fb/dialog/oauth").get("scope"));

    JsonObject friends = Sites.call("socialize.getFriendsInfo", token, "&detailLevel=extended");
    assertEquals(0, friends.getInt("errorCode"), friends.toString());
    // Each network's friends, each with a UID of Junction's (neither is a user of the site).
    assertEquals(4, friends.getJsonArray("friends").size(), friends.toString());
    List<String> providers =
        friends.getJsonArray("friends").getValuesAs(JsonObject.class).stream()
            .map(f -> f.getJsonArray("identities").getJsonObject(0).getString("provider"))
            .sorted()
            .toList();
    assertEquals(List.of("facebook", "facebook", "vkontakte", "vkontakte"), providers);
    assertEquals("5.131", standIn.last.get("/vk/method/friends.get").get("v"));
    assertTrue(standIn.last.get("/fb/me/friends").containsKey("appsecret_proof"));

    JsonObject onlyVk =
        Sites.call("socialize.getFriendsInfo", token, "&enabledProviders=vkontakte");
    assertEquals(2, onlyVk.getJsonArray("friends").size(), onlyVk.toString());

    int statuses = standIn.vkStatuses.size();
    JsonObject status = Sites.call("socialize.setStatus", token, "&status=Hi");
    assertEquals(0, status.getInt("errorCode"), status.toString());
    assertTrue(status.getJsonObject("providerPostIDs").containsKey("vkontakte"));
    assertFalse(status.getJsonObject("providerPostIDs").containsKey("facebook"));
    assertEquals(vera.uid(), standIn.vkStatuses.get(statuses)[0]);
    assertEquals("Hi", standIn.vkStatuses.get(statuses)[1]);

    JsonObject facebookOnly =
        Sites.call("socialize.setStatus", token, "&status=Hi&enabledProviders=facebook");
    assertEquals(400096, facebookOnly.getInt("errorCode"), facebookOnly.toString());
    assertEquals(
        "facebook",
        facebookOnly.getJsonArray("providerErrorCodes").getJsonObject(0).getString("provider"));
  }
}
