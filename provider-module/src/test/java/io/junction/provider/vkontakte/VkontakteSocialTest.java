package io.junction.provider.vkontakte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.Album;
import io.junction.api.ErrorCode;
import io.junction.api.Photo;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VKontakte's social calls, on saved VK API answers. */
class VkontakteSocialTest {

  private static final ProviderApp APP = new ProviderApp("51234", null, "secure", List.of());
  private static final ProviderSession SESSION = new ProviderSession("12345", "vk-token");

  private final VkontakteConnector vk = new VkontakteConnector();

  private ScriptedHttp script(String... names) throws IOException {
    List<ProviderHttp.Answer> answers = new ArrayList<>();
    for (String n : names) {
      answers.add(new ProviderHttp.Answer(200, "application/json", saved(n)));
    }
    ScriptedHttp http = new ScriptedHttp(answers);
    http.install(vk);
    return http;
  }

  @Test
  void friendsWithTheirProfileFields() throws IOException {
    ScriptedHttp http = script("friends-get.json");
    List<SocialProfile> friends = vk.friends(APP, SESSION);
    assertEquals("https://api.vk.com/method/friends.get", http.urls().get(0));
    assertEquals("vk-token", http.forms().get(0).get("access_token"));
    assertEquals("5.131", http.forms().get(0).get("v"));
    assertEquals("12345", http.forms().get(0).get("user_id"));
    assertTrue(http.forms().get(0).get("fields").contains("photo_200"));
    assertEquals(2, friends.size());
    SocialProfile lindsey = friends.get(0);
    assertEquals("210700286", lindsey.providerUid());
    assertEquals("lindseystirling", lindsey.nickname());
    assertEquals("f", lindsey.gender());
    assertEquals("--09-21", lindsey.birthday());
    assertEquals("https://vk.com/lindseystirling", lindsey.profileUrl());
    assertEquals("Pavel Durov", friends.get(1).nickname());
  }

  @Test
  void statusAndItsRefusal() throws IOException {
    ScriptedHttp http = script("status-set.json", "error-15.json");
    assertNull(vk.setStatus(APP, SESSION, "Hello"));
    assertEquals("https://api.vk.com/method/status.set", http.urls().get(0));
    assertEquals("Hello", http.forms().get(0).get("text"));
    ProviderException e =
        assertThrows(ProviderException.class, () -> vk.setStatus(APP, SESSION, "x"));
    assertEquals(ErrorCode.NO_USER_PERMISSION, e.code());
    assertTrue(e.getMessage().contains("error_code=15"), e.getMessage());
  }

  @Test
  void anErrorWithoutACodeIsAProviderErrorNotANullPointer() {
    // Found by SocialAnswersFuzzTest: List.of(...).contains(null) throws.
    new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    200, "application/json", "{\"error\":{\"error_msg\":\"no code\"}}")))
        .install(vk);
    assertEquals(
        ErrorCode.PROVIDER_ERROR,
        assertThrows(ProviderException.class, () -> vk.albums(APP, SESSION)).code());
  }

  @Test
  void albumsAndPhotosTheLargestSizeAsTheUrl() throws IOException {
    ScriptedHttp http = script("photos-getalbums.json", "photos-get.json");
    List<Album> albums = vk.albums(APP, SESSION);
    assertEquals(1, albums.size());
    assertEquals("285245851", albums.get(0).providerAlbumId());
    assertEquals(7, albums.get(0).count());
    assertTrue(albums.get(0).publicAlbum());
    List<Photo> photos = vk.photos(APP, SESSION, "285245851");
    assertEquals("285245851", http.forms().get(1).get("album_id"));
    assertEquals("https://sun9-3.userapi.com/z.jpg", photos.get(0).url());
    assertEquals("https://sun9-3.userapi.com/s.jpg", photos.get(0).thumbnailUrl());
    assertEquals(1280, photos.get(0).width());
    assertEquals(960, photos.get(0).height());
  }

  private static String saved(String name) throws IOException {
    try (InputStream in = VkontakteSocialTest.class.getResourceAsStream("/vkontakte/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
