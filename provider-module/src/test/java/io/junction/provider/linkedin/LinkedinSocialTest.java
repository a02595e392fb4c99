package io.junction.provider.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.UserAction;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LinkedIn's member posts, on saved Posts API answers. */
class LinkedinSocialTest {

  private static final ProviderApp APP = new ProviderApp("c", null, "s", List.of());
  private static final ProviderSession SESSION = new ProviderSession("782bbtaQ", "li-token");

  private final LinkedinConnector li = new LinkedinConnector();

  @Test
  void aUserActionIsAPostWithItsLinkAsAnArticle() {
    ScriptedHttp http =
        new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    201,
                    "",
                    "",
                    java.util.Map.of("x-restli-id", "urn:li:share:6844785523593134080")),
                new ProviderHttp.Answer(
                    403,
                    "application/json",
                    "{\"serviceErrorCode\":100,\"message\":\"Not enough permissions to access: partnerApiPostsExternal.CREATE.20240501\",\"status\":403}")));
    http.install(li);
    UserAction action =
        new UserAction(
            "New kettle (steel)",
            "https://shop.example.com/kettle",
            "1.7 l",
            "Look #kettle",
            List.of(),
            List.of());
    assertEquals("urn:li:share:6844785523593134080", li.publish(APP, SESSION, action));
    assertEquals("https://api.linkedin.com/rest/posts", http.urls().get(0));
    JsonObject post =
        Json.createReader(
                new StringReader(new String(http.bodies().get(0), StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("urn:li:person:782bbtaQ", post.getString("author"));
    assertEquals("Look \\#kettle\n\nNew kettle \\(steel\\)\n\n1.7 l", post.getString("commentary"));
    assertEquals("PUBLISHED", post.getString("lifecycleState"));
    JsonObject article = post.getJsonObject("content").getJsonObject("article");
    assertEquals("https://shop.example.com/kettle", article.getString("source"));
    assertEquals("New kettle (steel)", article.getString("title"));

    ProviderException e =
        assertThrows(ProviderException.class, () -> li.setStatus(APP, SESSION, "hi"));
    assertEquals(ErrorCode.NO_USER_PERMISSION, e.code());
  }
}
