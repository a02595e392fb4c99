package io.junction.provider.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import io.junction.api.UserAction;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X's posts and mutual follows, on saved API v2 answers. */
class TwitterSocialTest {

  private static final ProviderApp APP = new ProviderApp("client", null, "secret", List.of());
  private static final ProviderSession SESSION = new ProviderSession("2244994945", "x-token");

  private final TwitterConnector x = new TwitterConnector();

  private ScriptedHttp script(ProviderHttp.Answer... answers) {
    ScriptedHttp http = new ScriptedHttp(List.of(answers));
    http.install(x);
    return http;
  }

  private static ProviderHttp.Answer answer(int status, String body) {
    return new ProviderHttp.Answer(status, "application/json", body);
  }

  @Test
  void aStatusIsAPost() {
    ScriptedHttp http =
        script(
            answer(
                201,
                "{\"data\":{\"edit_history_tweet_ids\":[\"1445880548472328192\"],"
                    + "\"id\":\"1445880548472328192\",\"text\":\"Hello\"}}"));
    assertEquals("1445880548472328192", x.setStatus(APP, SESSION, "Hello"));
    assertEquals("https://api.x.com/2/tweets", http.urls().get(0));
    assertEquals("{\"text\":\"Hello\"}", new String(http.bodies().get(0), StandardCharsets.UTF_8));
  }

  @Test
  void refusalsAreProviderErrorsAndAnEndedTokenIs403009() {
    script(
        answer(
            403,
            "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}"),
        answer(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401}"),
        answer(503, "<html>over capacity</html>"));
    ProviderException dup =
        assertThrows(ProviderException.class, () -> x.setStatus(APP, SESSION, "x"));
    assertEquals(ErrorCode.PROVIDER_ERROR, dup.code());
    assertTrue(dup.getMessage().contains("duplicate content"), dup.getMessage());
    assertEquals(
        ErrorCode.PROVIDER_SESSION_EXPIRED,
        assertThrows(ProviderException.class, () -> x.setStatus(APP, SESSION, "x")).code());
    assertEquals(
        ErrorCode.PROVIDER_ERROR,
        assertThrows(ProviderException.class, () -> x.setStatus(APP, SESSION, "x")).code());
  }

  @Test
  void aUserActionFitsIn280WithItsLink() {
    UserAction a =
        new UserAction(
            "t".repeat(300), "https://shop.example.com/k", null, null, List.of(), List.of());
    String text = TwitterSocial.text(a);
    assertTrue(text.endsWith("… https://shop.example.com/k"), text);
    assertEquals(280 - 23 + "https://shop.example.com/k".length(), text.length());
    assertEquals(
        "Hi https://s.example/",
        TwitterSocial.text(
            new UserAction(null, "https://s.example/", null, "Hi", List.of(), List.of())));
  }

  @Test
  void friendsAreMutualFollowsAcrossPages() {
    ScriptedHttp http =
        script(
            answer(
                200,
                "{\"data\":[{\"id\":\"1\",\"name\":\"One\",\"username\":\"one\"},"
                    + "{\"id\":\"2\",\"name\":\"Two\",\"username\":\"two\"}],"
                    + "\"meta\":{\"result_count\":2,\"next_token\":\"P2\"}}"),
            answer(
                200,
                "{\"data\":[{\"id\":\"3\",\"name\":\"Three\",\"username\":\"three\"}],"
                    + "\"meta\":{\"result_count\":1}}"),
            answer(
                200,
                "{\"data\":[{\"id\":\"3\",\"username\":\"three\"},{\"id\":\"1\",\"username\":\"one\"}],"
                    + "\"meta\":{\"result_count\":2}}"));
    List<SocialProfile> friends = x.friends(APP, SESSION);
    assertEquals("https://api.x.com/2/users/2244994945/following", http.urls().get(0));
    assertEquals("P2", http.forms().get(1).get("pagination_token"));
    assertEquals("https://api.x.com/2/users/2244994945/followers", http.urls().get(2));
    assertEquals(List.of("1", "3"), friends.stream().map(SocialProfile::providerUid).toList());
  }
}
