package io.junction.it;

import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.loginUrl;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The social graph and actions end to end through the Odnoklassniki stand-in, which checks every
 * call as ok.ru does (the MD5 sig, the scopes the token was granted, the multipart upload):
 * getFriendsInfo, setStatus, publishUserAction with an image, getAlbums and getPhotos, by
 * oauth_token and by signed server call with UID, and their refusals (403022 when the site's switch
 * is off, 403023 when the user did not grant the permission, a provider's error).
 */
class SocialGraphIT {

  private static final String ALL_SWITCHES =
      ",\"retrieveFriends\":true,\"publishStatus\":true,\"publishUserActions\":true,"
          + "\"retrievePhotos\":true";

  private final OkStandIn ok = OkStandIn.get();

  private static String login(Sites.Site site, OkStandIn.User user) {
    return SocialFlowIT.login(new Browser(), site, user);
  }

  private static String uid(String token) {
    return Sites.call("socialize.getUserInfo", token, "").getString("UID");
  }

  @Test
  void friendsStatusUserActionsAlbumsAndPhotos() throws Exception {
    Sites.Site site =
        Sites.withOdnoklassniki(ALL_SWITCHES, ",\"permissions\":[\"VALUABLE_ACCESS\"]");
    OkStandIn.User anna = OkStandIn.newUser("Anna");
    OkStandIn.User boris = OkStandIn.newUser("Boris");
    OkStandIn.User clara = OkStandIn.newUser("Clara");
    String borisUid = uid(login(site, boris));
    ok.friendsOf(anna, List.of(boris, clara));

    // The switches add the permissions they need to the configured ones.
    String providerPage = new Browser().start(loginUrl(site.apiKey(), ""));
    assertEquals(
        "VALUABLE_ACCESS;SET_STATUS;PHOTO_CONTENT",
        OkStandIn.query(URI.create(providerPage).getRawQuery()).get("scope"));

    String token = login(site, anna);
    String annaUid = uid(token);

    JsonObject friends = Sites.call("socialize.getFriendsInfo", token, "&signIDs=true");
    assertEquals(0, friends.getInt("errorCode"), friends.toString());
    JsonArray list = friends.getJsonArray("friends");
    assertEquals(2, list.size(), friends.toString());
    JsonObject b = find(list, borisUid);
    assertTrue(b.getBoolean("isSiteUser"));
    assertEquals(boris.name(), b.getString("nickname"));
    assertEquals(
        boris.uid(), b.getJsonArray("identities").getJsonObject(0).getString("providerUID"));
    JsonObject c =
        list.getValuesAs(JsonObject.class).stream()
            .filter(f -> !f.getString("UID").equals(borisUid))
            .findFirst()
            .orElseThrow();
    assertTrue(c.getString("UID").startsWith("_gid_"), c.toString());
    assertFalse(c.getBoolean("isSiteUser"));
    assertEquals(
        GigyaSigner.uidSignature(
            site.secret(), b.getString("signatureTimestamp"), borisUid + "_" + annaUid),
        b.getString("friendshipSignature"));
    JsonObject again = Sites.call("socialize.getFriendsInfo", token, "&siteUsersOnly=true");
    assertEquals(1, again.getJsonArray("friends").size());
    assertEquals(borisUid, again.getJsonArray("friends").getJsonObject(0).getString("UID"));
    assertEquals(
        c.getString("UID"),
        Sites.call("socialize.getFriendsInfo", token, "&UIDs=" + enc(c.getString("UID")))
            .getJsonArray("friends")
            .getJsonObject(0)
            .getString("UID"),
        "a friend's UID is stable");
    assertTrue(
        ok.apiRequests.stream()
            .anyMatch(
                p ->
                    "users.getInfo".equals(p.get("method"))
                        && p.get("uids").contains(clara.uid())));

    // A signed server call with UID, in XML.
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    HttpResponse<String> xml =
        signer.send(
            Junction.HTTP,
            "socialize.getFriendsInfo",
            Map.of("UID", annaUid, "format", "xml", "detailLevel", "extended"));
    assertTrue(xml.body().contains("<socialize.getFriendsInfoResponse"), xml.body());
    assertTrue(xml.body().contains("<errorCode>0</errorCode>"), xml.body());
    assertTrue(xml.body().contains("<firstName>" + clara.firstName() + "</firstName>"), xml.body());

    // setStatus: a topic that sets the status.
    int topics = ok.topics.size();
    JsonObject status = Sites.call("socialize.setStatus", token, "&status=" + enc("Привет"));
    assertEquals(0, status.getInt("errorCode"), status.toString());
    Map<String, String> topic = ok.topics.get(topics);
    assertEquals(
        topic.get("topicId"), status.getJsonObject("providerPostIDs").getString("odnoklassniki"));
    assertEquals(anna.uid(), topic.get("uid"));
    assertEquals("true", topic.get("set_status"));
    assertTrue(topic.get("attachment").contains("Привет"), topic.toString());

    // publishUserAction with an image: fetched by Junction, uploaded, posted by its token.
    String action =
        "{\"title\":\"Bought a kettle\",\"linkBack\":\"https://shop.example.com/kettle\","
            + "\"userMessage\":\"<b>Look</b>\",\"mediaItems\":[{\"type\":\"image\",\"src\":\""
            + ok.imageUrl("kettle.png")
            + "\",\"href\":\"https://shop.example.com/kettle\"}]}";
    int uploads = ok.uploadedTypes.size();
    JsonObject posted =
        json(
            signer.send(
                Junction.HTTP,
                "socialize.publishUserAction",
                Map.of("UID", annaUid, "userAction", action)));
    assertEquals(0, posted.getInt("errorCode"), posted.toString());
    assertEquals(List.of("image/png"), ok.uploadedTypes.subList(uploads, uploads + 1));
    JsonObject attachment =
        Json.createReader(new StringReader(ok.topics.get(topics + 1).get("attachment")))
            .readObject();
    JsonArray media = attachment.getJsonArray("media");
    assertEquals("Look\n\nBought a kettle", media.getJsonObject(0).getString("text"));
    assertEquals("https://shop.example.com/kettle", media.getJsonObject(1).getString("url"));
    assertEquals("photo", media.getJsonObject(2).getString("type"));

    // An image URL that is no image: refused before any provider call.
    int before = ok.topics.size();
    JsonObject notImage =
        Sites.call(
            "socialize.publishUserAction",
            token,
            "&userAction="
                + enc(
                    "{\"title\":\"x\",\"mediaItems\":[{\"type\":\"image\",\"src\":\""
                        + ok.imageUrl("page.html")
                        + "\"}]}"));
    assertEquals(400006, notImage.getInt("errorCode"), notImage.toString());
    assertTrue(notImage.getString("errorDetails").contains("mediaItems[0].src"));
    assertEquals(before, ok.topics.size());

    // Albums and their photos.
    JsonObject albums = Sites.call("socialize.getAlbums", token, "");
    assertEquals(0, albums.getInt("errorCode"), albums.toString());
    JsonObject album = albums.getJsonArray("albums").getJsonObject(0);
    assertEquals("odnoklassniki:9100" + anna.uid(), album.getString("albumID"));
    assertEquals("public", album.getString("privacyLevel"));
    JsonObject photos =
        Sites.call("socialize.getPhotos", token, "&albumIDs=" + enc(album.getString("albumID")));
    assertEquals(0, photos.getInt("errorCode"), photos.toString());
    assertEquals(
        "https://i.ok.example/lake.jpg",
        photos.getJsonArray("photos").getJsonObject(0).getString("URL"));

    // getContacts: the site did not switch retrieveContacts on; Odnoklassniki has no contacts.
    assertEquals(403022, Sites.call("socialize.getContacts", token, "").getInt("errorCode"));
  }

  @Test
  void aSwitchThatIsOffIs403022() {
    Sites.Site site = Sites.withOdnoklassniki();
    String token = login(site, OkStandIn.newUser("Dima"));
    int calls = ok.apiRequests.size();
    for (String method :
        List.of("socialize.getFriendsInfo", "socialize.getAlbums", "socialize.setStatus")) {
      JsonObject r = Sites.call(method, token, "&status=hi&albumIDs=odnoklassniki:1");
      assertEquals(403022, r.getInt("errorCode"), method + " " + r);
    }
    JsonObject action =
        Sites.call("socialize.publishUserAction", token, "&userAction=" + enc("{\"title\":\"t\"}"));
    assertEquals(403022, action.getInt("errorCode"), action.toString());
    assertEquals(calls, ok.apiRequests.size(), "no provider call");
  }

  @Test
  void aPermissionTheUserDidNotGrantIs403023() {
    // The user declined SET_STATUS at ok.ru, which refuses the topic (PERMISSION_DENIED).
    Sites.Site site = Sites.withOdnoklassniki(ALL_SWITCHES, "");
    ok.declineNext("SET_STATUS");
    String token = login(site, OkStandIn.newUser("Egor"));
    JsonObject r = Sites.call("socialize.setStatus", token, "&status=hi");
    assertEquals(403023, r.getInt("errorCode"), r.toString());
    JsonObject failure = r.getJsonArray("providerErrorCodes").getJsonObject(0);
    assertEquals("odnoklassniki", failure.getString("provider"));
    assertEquals(403023, failure.getInt("errorCode"));

    // A switch turned on after the login: the identity was not granted what it needs, and
    // Junction knows it without asking the provider.
    Sites.Site later = Sites.withOdnoklassniki("", ",\"permissions\":[\"VALUABLE_ACCESS\"]");
    String token2 = login(later, OkStandIn.newUser("Fedor"));
    HttpResponse<String> put =
        admin(
            "PUT",
            "/admin/sites/" + later.apiKey(),
            "{\"name\":\"Later\",\"domains\":[\"shop.example.com\"],\"publishStatus\":true}");
    assertEquals(200, put.statusCode(), put.body());
    assertTrue(json(put).getBoolean("publishStatus"));
    int calls = ok.apiRequests.size();
    JsonObject r2 = Sites.call("socialize.setStatus", token2, "&status=hi");
    assertEquals(403023, r2.getInt("errorCode"), r2.toString());
    assertTrue(r2.getString("errorDetails").contains("SET_STATUS"), r2.toString());
    assertEquals(calls, ok.apiRequests.size(), "no provider call");
  }

  @Test
  void aProviderErrorIsReportedPerProvider() {
    Sites.Site site = Sites.withOdnoklassniki(ALL_SWITCHES, "");
    OkStandIn.User gleb = OkStandIn.newUser("Gleb");
    ok.friendsOf(gleb, List.of(OkStandIn.newUser("Hanna")));
    String token = login(site, gleb);
    ok.failNextMethod("friends.get");
    JsonObject r = Sites.call("socialize.getFriendsInfo", token, "");
    assertEquals(500023, r.getInt("errorCode"), r.toString());
    JsonObject failure = r.getJsonArray("providerErrorCodes").getJsonObject(0);
    assertEquals("odnoklassniki", failure.getString("provider"));
    assertEquals(500023, failure.getInt("errorCode"));
    assertTrue(failure.getString("errorMessage").contains("error_code=5000"), r.toString());

    // disabledProviders leaves no provider to call: 400106; the next call succeeds.
    assertEquals(
        400106,
        Sites.call("socialize.getFriendsInfo", token, "&disabledProviders=odnoklassniki")
            .getInt("errorCode"));
    assertEquals(
        1, Sites.call("socialize.getFriendsInfo", token, "").getJsonArray("friends").size());
  }

  private long friendsCalls() {
    return ok.apiRequests.stream().filter(p -> "friends.get".equals(p.get("method"))).count();
  }

  @Test
  void friendsAreKeptAShortTimeAndNotServedOnceTheirConnectionIsRemoved() {
    Sites.Site site = Sites.withOdnoklassniki(ALL_SWITCHES, "");
    OkStandIn.User ivan = OkStandIn.newUser("Ivan");
    OkStandIn.User x = OkStandIn.newUser("Xenia");
    OkStandIn.User y = OkStandIn.newUser("Yakov");
    ok.friendsOf(ivan, List.of(x));
    Browser browser = new Browser();
    String token = SocialFlowIT.login(browser, site, ivan);

    long before = friendsCalls();
    assertEquals(
        1, Sites.call("socialize.getFriendsInfo", token, "").getJsonArray("friends").size());
    ok.friendsOf(ivan, List.of(x, y));
    JsonObject second = Sites.call("socialize.getFriendsInfo", token, "&detailLevel=extended");
    assertEquals(0, second.getInt("errorCode"), second.toString());
    assertEquals(1, second.getJsonArray("friends").size(), "the friends kept from the first call");
    assertEquals(before + 1, friendsCalls(), "the second call did not ask Odnoklassniki");

    // The connection removed: its friends are not served.
    JsonObject removed = Sites.call("socialize.removeConnection", token, "&provider=odnoklassniki");
    assertEquals(0, removed.getInt("errorCode"), removed.toString());
    JsonObject none = Sites.call("socialize.getFriendsInfo", token, "");
    assertEquals(400106, none.getInt("errorCode"), none.toString());
    assertFalse(none.containsKey("friends"), none.toString());

    // Connected again: read afresh.
    assertEquals(
        "0",
        Browser.answer(browser.roundTrip(Browser.connectUrl(token, ""), ivan)).get("errorCode"));
    JsonObject again = Sites.call("socialize.getFriendsInfo", token, "");
    assertEquals(0, again.getInt("errorCode"), again.toString());
    assertEquals(2, again.getJsonArray("friends").size(), again.toString());
    assertEquals(before + 2, friendsCalls());
  }

  private static JsonObject find(JsonArray friends, String uid) {
    return friends.getValuesAs(JsonObject.class).stream()
        .filter(f -> f.getString("UID").equals(uid))
        .findFirst()
        .orElseThrow(() -> new AssertionError(uid + " not in " + friends));
  }
}
