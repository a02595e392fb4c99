package io.junction.provider.vkontakte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.ProviderHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class VkontakteConnectorTest {

  private final VkontakteConnector vk = new VkontakteConnector();

  @Test
  void authorizationUrlHasTheVersionCommaScopesAndDisplay() {
    String url =
        vk.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("51234", null, "s", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of("friends"),
                "touch",
                null,
                null,
                null));
    assertTrue(url.startsWith("https://oauth.vk.com/authorize?"), url);
    assertTrue(url.contains("scope=email%2Cfriends"), url);
    assertTrue(url.contains("v=5.131"), url);
    assertTrue(url.contains("display=mobile"), url);
  }

  @Test
  void theTokenAnswerCarriesUserIdAndEmail() {
    ProviderTokens t =
        vk.tokens(
            new ProviderHttp.Answer(
                200,
                "application/json",
                "{\"access_token\":\"vk1.a.xyz\",\"expires_in\":86400,\"user_id\":210700286,\"email\":\"l@example.com\"}"),
            null);
    assertEquals("210700286", t.extras().get("user_id"));
    assertEquals("l@example.com", t.extras().get("email"));
    assertEquals(86400L, t.expiresIn());
  }

  @Test
  void profileFromASavedAnswer() throws Exception {
    SocialProfile p = vk.profile(resource("users-get.json"), "l@example.com");
    assertEquals("210700286", p.providerUid());
    assertEquals("lindseystirling", p.nickname());
    assertEquals("Lindsey", p.firstName());
    assertEquals("f", p.gender());
    assertEquals("1986-09-21", p.birthday());
    assertEquals("https://vk.com/lindseystirling", p.profileUrl());
    assertEquals("l@example.com", p.email());
    assertEquals("--09-21", VkontakteConnector.birthday("21.9"));
    assertNull(VkontakteConnector.birthday("x"));
  }

  @Test
  void apiErrorsBecomeProviderErrors() throws Exception {
    String error = resource("error-5.json").toString();
    ProviderException e =
        assertThrows(
            ProviderException.class,
            () -> vk.usersGet(new ProviderHttp.Answer(200, "application/json", error)));
    assertTrue(
        e.getMessage()
            .startsWith("users.get failed: HTTP 200, error_code=5, error_msg=User authorization"),
        e.getMessage());
    JsonObject users = resource("users-get.json");
    assertEquals(
        users, vk.usersGet(new ProviderHttp.Answer(200, "application/json", users.toString())));
  }

  private static JsonObject resource(String name) throws Exception {
    try (InputStream in = VkontakteConnectorTest.class.getResourceAsStream("/vkontakte/" + name)) {
      return Json.createReader(in).readObject();
    }
  }
}
