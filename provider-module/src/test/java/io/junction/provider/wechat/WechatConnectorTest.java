package io.junction.provider.wechat;

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

class WechatConnectorTest {

  private final WechatConnector wechat = new WechatConnector();

  @Test
  void authorizationUrlUsesAppidAndTheWechatFragment() {
    String url =
        wechat.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("wx807d86fb6b3d4fd2", null, "s", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of(),
                null,
                null,
                null,
                null));
    assertTrue(
        url.startsWith("https://open.weixin.qq.com/connect/qrconnect?appid=wx807d86fb6b3d4fd2&"),
        url);
    assertTrue(url.contains("scope=snsapi_login"), url);
    assertTrue(url.endsWith("#wechat_redirect"), url);
  }

  @Test
  void tokenAnswerKeepsOpenidAndUnionid() {
    ProviderTokens t =
        wechat.tokens(
            new ProviderHttp.Answer(
                200,
                "application/json",
                "{\"access_token\":\"ACCESS\",\"expires_in\":7200,\"refresh_token\":\"REFRESH\",\"openid\":\"OPENID\","
                    + "\"scope\":\"snsapi_login\",\"unionid\":\"o6_bmasdasdsad6_2sgVt7hMZOPfL\"}"),
            null);
    assertEquals("OPENID", t.extras().get("openid"));
    assertEquals("o6_bmasdasdsad6_2sgVt7hMZOPfL", t.extras().get("unionid"));
  }

  @Test
  void profileFromASavedAnswerPrefersTheUnionid() {
    SocialProfile p =
        wechat.profile(
            Json.createReader(
                    new StringReader(
                        "{\"openid\":\"OPENID\",\"nickname\":\"NICKNAME\",\"sex\":1,\"province\":\"PROVINCE\",\"city\":\"CITY\",\"country\":\"COUNTRY\","
                            + "\"headimgurl\":\"https://thirdwx.qlogo.cn/mmopen/g3MonUZtNHkdmzicIlibx6iaFqAc56vxLSUfpb6n5WKSYVY0ChQKkiaJSgQ1dZuTOgvLLrhJbERQQ4eMsv84eavHiaiceqxibJxCfHe/0\","
                            + "\"privilege\":[\"PRIVILEGE1\"],\"unionid\":\"o6_bmasdasdsad6_2sgVt7hMZOPfL\"}"))
                .readObject());
    assertEquals("o6_bmasdasdsad6_2sgVt7hMZOPfL", p.providerUid());
    assertEquals("NICKNAME", p.nickname());
    assertEquals("m", p.gender());
    assertTrue(p.photoUrl().startsWith("https://thirdwx.qlogo.cn/"));
  }
}
