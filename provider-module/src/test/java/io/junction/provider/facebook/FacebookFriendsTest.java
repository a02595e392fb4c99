package io.junction.provider.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.Capability;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facebook friends (who use the app) from saved Graph answers; no status or user actions. */
class FacebookFriendsTest {

  private static final ProviderApp APP = new ProviderApp("1", null, "app-secret", List.of());
  private static final ProviderSession SESSION = new ProviderSession("10150", "fb-token");

  @Test
  void friendsWithTheAppSecretProof() {
    FacebookConnector fb = new FacebookConnector();
    ScriptedHttp http =
        new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"data\":[{\"id\":\"10201\",\"name\":\"Mia Fox\",\"first_name\":\"Mia\","
                        + "\"last_name\":\"Fox\",\"picture\":{\"data\":{\"url\":\"https://scontent.example/mia.jpg\"}}}],"
                        + "\"paging\":{},\"summary\":{\"total_count\":311}}"),
                new ProviderHttp.Answer(
                    400,
                    "application/json",
                    "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}")));
    http.install(fb);
    List<SocialProfile> friends = fb.friends(APP, SESSION);
    assertEquals("https://graph.facebook.com/v21.0/me/friends", http.urls().get(0));
    assertEquals(
        FacebookConnector.appsecretProof("fb-token", "app-secret"),
        http.forms().get(0).get("appsecret_proof"));
    assertEquals(1, friends.size());
    assertEquals("10201", friends.get(0).providerUid());
    assertEquals("https://scontent.example/mia.jpg", friends.get(0).photoUrl());
    assertThrows(ProviderException.class, () -> fb.friends(APP, SESSION));
    assertFalse(fb.capabilities().containsKey(Capability.STATUS));
  }
}
