package io.junction.provider.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderTokens;
import io.junction.provider.support.ProviderHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstagramConnectorTest {

  private final InstagramConnector ig = new InstagramConnector();

  @Test
  void authorizationUrlAndTokenAnswer() {
    String url =
        ig.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("990602627938098", null, "s", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of("instagram_business_manage_messages"),
                null,
                null,
                null,
                null));
    assertTrue(url.startsWith("https://www.instagram.com/oauth/authorize?"), url);
    assertTrue(
        url.contains("scope=instagram_business_basic%2Cinstagram_business_manage_messages"), url);
    ProviderTokens t =
        ig.tokens(
            new ProviderHttp.Answer(
                200,
                "application/json",
                "{\"access_token\":\"IGQVJ...\",\"user_id\":17841405793187218,\"permissions\":\"instagram_business_basic\"}"),
            null);
    assertEquals("17841405793187218", t.extras().get("user_id"));
  }
}
