package io.junction.provider.odnoklassniki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.Album;
import io.junction.api.Capability;
import io.junction.api.ErrorCode;
import io.junction.api.Photo;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import io.junction.api.UserAction;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Odnoklassniki's social calls, on saved ok.ru answers. */
class OdnoklassnikiSocialTest {

  private static final ProviderApp APP =
      new ProviderApp("512000", "CBAPUBLIC", "APPSECRET", List.of());
  private static final ProviderSession SESSION = new ProviderSession("571234567890", "tkn-1");

  private final OdnoklassnikiConnector ok = new OdnoklassnikiConnector();

  private ScriptedHttp script(String... bodies) {
    List<ProviderHttp.Answer> answers = new ArrayList<>();
    for (String b : bodies) {
      answers.add(new ProviderHttp.Answer(200, "application/json;charset=utf-8", b));
    }
    ScriptedHttp http = new ScriptedHttp(answers);
    http.install(ok);
    return http;
  }

  /** Every REST call is signed as ok.ru checks it, with the public key and the token. */
  private static void assertSigned(Map<String, String> form, String method) {
    assertEquals(method, form.get("method"));
    assertEquals("CBAPUBLIC", form.get("application_key"));
    assertEquals("tkn-1", form.get("access_token"));
    assertEquals("json", form.get("format"));
    assertEquals(OdnoklassnikiSignature.sign(form, "tkn-1", "APPSECRET"), form.get("sig"));
  }

  @Test
  void friendsAreReadOneHundredAtATime() throws IOException {
    StringBuilder ids = new StringBuilder("[");
    for (int i = 1; i <= 150; i++) {
      ids.append(i > 1 ? "," : "")
          .append("\"5710000000")
          .append(String.format("%02d", i % 100))
          .append(i / 100)
          .append('"');
    }
    ids.append(']');
    ScriptedHttp http = script(ids.toString(), saved("users-getinfo.json"), "[]");
    List<SocialProfile> friends = ok.friends(APP, SESSION);

    assertEquals(3, http.forms().size());
    assertSigned(http.forms().get(0), "friends.get");
    Map<String, String> first = http.forms().get(1);
    assertSigned(first, "users.getInfo");
    assertEquals(100, first.get("uids").split(",").length);
    assertTrue(first.get("fields").contains("pic_3"));
    Map<String, String> second = http.forms().get(2);
    assertSigned(second, "users.getInfo");
    assertEquals(50, second.get("uids").split(",").length);

    assertEquals(2, friends.size());
    SocialProfile olga = friends.get(0);
    assertEquals("571000000001", olga.providerUid());
    assertEquals("Olga Smirnova", olga.nickname());
    assertEquals("f", olga.gender());
    assertEquals("https://i.mycdn.me/i?r=olga128", olga.photoUrl());
    assertEquals("https://ok.ru/profile/571000000002", friends.get(1).profileUrl());
  }

  @Test
  void aStatusIsATopicThatSetsTheStatus() {
    ScriptedHttp http = script("\"6721234567\"");
    assertEquals("6721234567", ok.setStatus(APP, SESSION, "Привет, мир"));
    Map<String, String> form = http.forms().get(0);
    assertSigned(form, "mediatopic.post");
    assertEquals("USER", form.get("type"));
    assertEquals("true", form.get("set_status"));
    JsonArray media = json(form.get("attachment")).getJsonArray("media");
    assertEquals(1, media.size());
    assertEquals("text", media.getJsonObject(0).getString("type"));
    assertEquals("Привет, мир", media.getJsonObject(0).getString("text"));
  }

  @Test
  void aUserActionUploadsItsImageAndPostsItsToken() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    ScriptedHttp http =
        script(saved("photos-getuploadurl.json"), saved("photo-upload.json"), "\"6729999000\"");
    UserAction action =
        new UserAction(
            "Bought a kettle",
            "https://shop.example.com/kettle",
            "Steel, 1.7 l",
            "Look at this",
            List.of(new UserAction.Image("https://cdn.example.com/k.png", "image/png", png)),
            List.of());
    assertEquals("6729999000", ok.publish(APP, SESSION, action));

    assertSigned(http.forms().get(0), "photosV2.getUploadUrl");
    assertEquals("1", http.forms().get(0).get("count"));
    assertEquals(
        "https://pu.ok.ru/api/upload?photoIds=AbCdEf01&expires=1701363600&sig=7f3a",
        http.urls().get(1));
    assertEquals("pic1", http.forms().get(1).get("field"));
    assertEquals("image/png", http.forms().get(1).get("type"));
    assertArrayEquals(png, http.bodies().get(0));

    Map<String, String> post = http.forms().get(2);
    assertSigned(post, "mediatopic.post");
    assertNull(post.get("set_status"));
    JsonArray media = json(post.get("attachment")).getJsonArray("media");
    assertEquals(
        "Look at this\n\nBought a kettle\n\nSteel, 1.7 l",
        media.getJsonObject(0).getString("text"));
    assertEquals("link", media.getJsonObject(1).getString("type"));
    assertEquals("https://shop.example.com/kettle", media.getJsonObject(1).getString("url"));
    assertEquals("photo", media.getJsonObject(2).getString("type"));
    assertEquals(
        "UPLOADTOKEN+/AbCdEf01==",
        media.getJsonObject(2).getJsonArray("list").getJsonObject(0).getString("id"));
  }

  @Test
  void anUploadWithoutTheTokenOfItsPhotoIsAProviderError() throws IOException {
    script(saved("photos-getuploadurl.json"), "{\"photos\":{\"Other\":{\"token\":\"t\"}}}");
    UserAction action =
        new UserAction(
            null,
            null,
            null,
            "x",
            List.of(new UserAction.Image("https://c/x.jpg", "image/jpeg", new byte[] {1})),
            List.of());
    ProviderException e =
        assertThrows(ProviderException.class, () -> ok.publish(APP, SESSION, action));
    assertEquals(ErrorCode.PROVIDER_ERROR, e.code());
  }

  @Test
  void anErrorWithoutACodeIsAProviderErrorNotANullPointer() {
    // Found by SocialAnswersFuzzTest: List.of(...).contains(null) throws.
    script("{\"error_code\":null,\"error_msg\":\"no code\"}");
    assertEquals(
        ErrorCode.PROVIDER_ERROR,
        assertThrows(ProviderException.class, () -> ok.friends(APP, SESSION)).code());
  }

  @Test
  void aPermissionTheUserDidNotGrantIs403023AndAnEndedSession403009() throws IOException {
    script(saved("error-10.json"));
    ProviderException denied =
        assertThrows(ProviderException.class, () -> ok.setStatus(APP, SESSION, "hi"));
    assertEquals(ErrorCode.NO_USER_PERMISSION, denied.code());
    assertTrue(denied.getMessage().contains("error_code=10"), denied.getMessage());

    script(saved("error-102.json"));
    ProviderException ended = assertThrows(ProviderException.class, () -> ok.friends(APP, SESSION));
    assertEquals(ErrorCode.PROVIDER_SESSION_EXPIRED, ended.code());

    script("{\"error_code\":5000,\"error_msg\":\"SYSTEM : Unknown error\"}");
    assertEquals(
        ErrorCode.PROVIDER_ERROR,
        assertThrows(ProviderException.class, () -> ok.albums(APP, SESSION)).code());
  }

  @Test
  void albumsAndPhotos() throws IOException {
    ScriptedHttp http = script(saved("photos-getalbums.json"), saved("photos-getphotos.json"));
    List<Album> albums = ok.albums(APP, SESSION);
    assertSigned(http.forms().get(0), "photos.getAlbums");
    assertEquals(2, albums.size());
    assertEquals("912345678901", albums.get(0).providerAlbumId());
    assertEquals("Summer", albums.get(0).name());
    assertEquals(12, albums.get(0).count());
    assertTrue(albums.get(0).publicAlbum());
    assertFalse(albums.get(1).publicAlbum());
    assertEquals(3, albums.get(1).count());

    List<Photo> photos = ok.photos(APP, SESSION, "912345678901");
    assertSigned(http.forms().get(1), "photos.getPhotos");
    assertEquals("912345678901", http.forms().get(1).get("aid"));
    assertEquals(1, photos.size());
    assertEquals("887766554433", photos.get(0).providerPhotoId());
    assertEquals("https://i.mycdn.me/i?r=lakemax", photos.get(0).url());
    assertEquals(1280, photos.get(0).width());
  }

  @Test
  void theCapabilityListNamesWhatTheConnectorImplements() {
    Map<Capability, List<String>> caps = ok.capabilities();
    assertEquals(List.of("VALUABLE_ACCESS", "SET_STATUS"), caps.get(Capability.STATUS));
    assertFalse(caps.containsKey(Capability.CONTACTS));
  }

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  private static String saved(String name) throws IOException {
    try (InputStream in =
        OdnoklassnikiSocialTest.class.getResourceAsStream("/odnoklassniki/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
