package io.junction.provider.sina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.ProviderHttp;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinaConnectorTest {

  private final SinaConnector sina = new SinaConnector();

  @Test
  void authorizationUrl() {
    String url =
        sina.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("2975543127", null, "s", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of("email"),
                null,
                null,
                null,
                null));
    assertTrue(url.startsWith("https://api.weibo.com/oauth2/authorize?client_id=2975543127&"), url);
    assertTrue(url.contains("scope=email"), url);
  }

  @Test
  void theTokenAnswerCarriesTheUid() {
    ProviderTokens t =
        sina.tokens(
            new ProviderHttp.Answer(
                200,
                "application/json",
                "{\"access_token\":\"2.00Xn6LuBxxxx\",\"remind_in\":\"157679999\",\"expires_in\":157679999,\"uid\":\"1404376560\",\"isRealName\":\"true\"}"),
            null);
    assertEquals("1404376560", t.extras().get("uid"));
  }

  @Test
  void profileFromASavedAnswer() {
    SocialProfile p =
        sina.profile(
            Json.createReader(
                    new StringReader(
                        "{\"id\":1404376560,\"idstr\":\"1404376560\",\"screen_name\":\"zaku\",\"name\":\"zaku\",\"profile_url\":\"zaku\","
                            + "\"profile_image_url\":\"http://tvax1.sinaimg.cn/crop.0.0.1.1.50/53b4e0e0ly8.jpg\","
                            + "\"avatar_large\":\"http://tvax1.sinaimg.cn/crop.0.0.1.1.180/53b4e0e0ly8.jpg\",\"gender\":\"m\",\"lang\":\"zh-cn\"}"))
                .readObject());
    assertEquals("1404376560", p.providerUid());
    assertEquals("zaku", p.nickname());
    assertEquals("m", p.gender());
    assertEquals("https://weibo.com/zaku", p.profileUrl());
    assertEquals("zh-cn", p.locale());
  }
}
