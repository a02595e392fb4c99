package io.junction.provider.renren;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.ProviderHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenrenConnectorTest {

  @Test
  void authorizationUrlWithDisplay() {
    String url =
        new RenrenConnector()
            .authorizationUrl(
                new io.junction.api.AuthorizationRequest(
                    new ProviderApp("127021", null, "s", List.of()),
                    "https://h/GS/GSLogin.aspx",
                    "st",
                    List.of("read_user_album"),
                    "popup",
                    null,
                    null,
                    null));
    org.junit.jupiter.api.Assertions.assertTrue(
        url.startsWith("https://graph.renren.com/oauth/authorize?client_id=127021&"), url);
    org.junit.jupiter.api.Assertions.assertTrue(
        url.contains("display=popup") && url.contains("scope=read_user_album"), url);
  }

  @Test
  void theUserComesWithTheToken() {
    RenrenConnector renren = new RenrenConnector();
    ProviderTokens t =
        renren.tokens(
            new ProviderHttp.Answer(
                200,
                "application/json",
                "{\"token_type\":\"bearer\",\"expires_in\":2595096,\"refresh_token\":\"127021|0.385d55f8615fdfd9edb7c4b5ebdc3e39.2592000.1316350800-222209506\","
                    + "\"user\":{\"id\":222209506,\"name\":\"Zhang San\",\"avatar\":[{\"type\":\"avatar\",\"url\":\"http://hdn.xnimg.cn/a.jpg\"},"
                    + "{\"type\":\"tiny\",\"url\":\"http://hdn.xnimg.cn/t.jpg\"},{\"type\":\"large\",\"url\":\"http://hdn.xnimg.cn/l.jpg\"}]},"
                    + "\"access_token\":\"127021|6.2f3cf1b72f2f9e1ee0d0fe7af22ac2a2.2592000.1316350800-222209506\"}"),
            null);
    SocialProfile p = renren.fetchProfile(new ProviderApp("127021", null, "s", List.of()), t);
    assertEquals("222209506", p.providerUid());
    assertEquals("Zhang San", p.nickname());
    assertEquals("http://hdn.xnimg.cn/l.jpg", p.photoUrl());
    assertEquals("http://www.renren.com/222209506", p.profileUrl());
  }

  @Test
  void aUserThatIsNoObjectIsAProviderErrorAndAvatarsThatAreNoObjectsAreSkipped() {
    RenrenConnector renren = new RenrenConnector();
    ProviderApp app = new ProviderApp("127021", null, "s", List.of());
    for (String user : new String[] {"\"Zhang San\"", "[1]", "222209506"}) {
      ProviderTokens t =
          renren.tokens(
              new ProviderHttp.Answer(
                  200, "application/json", "{\"access_token\":\"a1\",\"user\":" + user + "}"),
              null);
      org.junit.jupiter.api.Assertions.assertThrows(
          ProviderException.class, () -> renren.fetchProfile(app, t), user);
    }
    ProviderTokens t =
        renren.tokens(
            new ProviderHttp.Answer(
                200,
                "application/json",
                "{\"access_token\":\"a1\",\"user\":{\"id\":7,\"avatar\":[1,null,"
                    + "{\"type\":\"main\",\"url\":\"http://hdn.xnimg.cn/m.jpg\"}]}}"),
            null);
    assertEquals("http://hdn.xnimg.cn/m.jpg", renren.fetchProfile(app, t).photoUrl());
  }
}
