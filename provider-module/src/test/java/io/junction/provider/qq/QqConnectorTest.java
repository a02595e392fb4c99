package io.junction.provider.qq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QqConnectorTest {

  private final QqConnector qq = new QqConnector();

  @Test
  void authorizationUrl() {
    String url =
        qq.authorizationUrl(
            new io.junction.api.AuthorizationRequest(
                new io.junction.api.ProviderApp("101234567", null, "s", java.util.List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                java.util.List.of(),
                null,
                null,
                null,
                null));
    org.junit.jupiter.api.Assertions.assertTrue(
        url.startsWith("https://graph.qq.com/oauth2.0/authorize?client_id=101234567&"), url);
    org.junit.jupiter.api.Assertions.assertTrue(url.contains("scope=get_user_info"), url);
  }

  @Test
  void formEncodedTokenAnswers() {
    ProviderTokens t =
        qq.tokens(
            new ProviderHttp.Answer(
                200,
                "text/html",
                "access_token=FE04************************CCE2&expires_in=7776000&refresh_token=88E4************************BE14"),
            null);
    assertEquals("FE04************************CCE2", t.accessToken());
    assertEquals(7776000L, t.expiresIn());
  }

  @Test
  void profileFromASavedAnswer() {
    SocialProfile p =
        qq.profile(
            "2A1A4C8D0F7E6B5A4C3D2E1F0A9B8C7D",
            Json.createReader(
                    new StringReader(
                        "{\"ret\":0,\"msg\":\"\",\"nickname\":\"Peter\",\"figureurl_qq_1\":\"http://q.qlogo.cn/qqapp/100312990/40\","
                            + "\"figureurl_qq_2\":\"http://q.qlogo.cn/qqapp/100312990/100\",\"gender\":\"男\",\"year\":\"1990\"}"))
                .readObject());
    assertEquals("2A1A4C8D0F7E6B5A4C3D2E1F0A9B8C7D", p.providerUid());
    assertEquals("Peter", p.nickname());
    assertEquals("m", p.gender());
    assertEquals("http://q.qlogo.cn/qqapp/100312990/100", p.photoUrl());
  }

  @Test
  void aHandedOverTokenWithoutItsOpenidIsAskedForIt() {
    ScriptedHttp http =
        new ScriptedHttp(
            ScriptedHttp.answers(
                "{\"client_id\":\"101234567\",\"openid\":\"2A1A4C8D\"}\n~~~\n"
                    + "{\"ret\":0,\"msg\":\"\",\"nickname\":\"Peter\"}"));
    http.install(qq);
    SocialProfile p =
        qq.fetchProfile(
            new ProviderApp("101234567", null, "s", List.of()),
            new ProviderTokens("FE04", null, null, Map.of()));
    assertEquals("2A1A4C8D", p.providerUid());
    assertEquals("Peter", p.nickname());
    assertEquals(
        List.of("https://graph.qq.com/oauth2.0/me", "https://graph.qq.com/user/get_user_info"),
        http.urls());
  }

  @Test
  void anEmptyOpenidIsAProviderError() {
    new ScriptedHttp(ScriptedHttp.answers("{\"openid\":\"\"}")).install(qq);
    assertThrows(
        ProviderException.class,
        () ->
            qq.fetchProfile(
                new ProviderApp("101234567", null, "s", List.of()),
                new ProviderTokens("FE04", null, null, Map.of())));
  }
}
