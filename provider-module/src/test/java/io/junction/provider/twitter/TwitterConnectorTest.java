package io.junction.provider.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderApp;
import io.junction.api.SocialProfile;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwitterConnectorTest {

  private final TwitterConnector x = new TwitterConnector();

  @Test
  void pkceIsAlwaysSent() {
    String url =
        x.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("Y2xpZW50", null, "s", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of(),
                null,
                null,
                "chal",
                null));
    assertTrue(url.startsWith("https://twitter.com/i/oauth2/authorize?"), url);
    assertTrue(url.contains("code_challenge=chal&code_challenge_method=S256"), url);
    assertTrue(
        url.contains("scope=users.read%20tweet.read%20offline.access")
            || url.contains("scope=users.read+tweet.read+offline.access"),
        url);
  }

  @Test
  void profileFromASavedAnswer() {
    SocialProfile p =
        x.profile(
            Json.createReader(
                    new StringReader(
                        "{\"id\":\"2244994945\",\"name\":\"Developers\",\"username\":\"XDevelopers\","
                            + "\"profile_image_url\":\"https://pbs.twimg.com/profile_images/1683325380441128960/yRsRRjGO_normal.jpg\"}"))
                .readObject());
    assertEquals("2244994945", p.providerUid());
    assertEquals("XDevelopers", p.nickname());
    assertEquals("https://x.com/XDevelopers", p.profileUrl());
    assertTrue(p.photoUrl().endsWith("_400x400.jpg"));
  }
}
