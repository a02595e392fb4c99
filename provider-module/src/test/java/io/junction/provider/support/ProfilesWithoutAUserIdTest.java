package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.provider.facebook.FacebookConnector;
import io.junction.provider.google.GoogleConnector;
import io.junction.provider.instagram.InstagramConnector;
import io.junction.provider.mixi.MixiConnector;
import io.junction.provider.odnoklassniki.OdnoklassnikiConnector;
import io.junction.provider.renren.RenrenConnector;
import io.junction.provider.sina.SinaConnector;
import io.junction.provider.twitter.TwitterConnector;
import io.junction.provider.vkontakte.VkontakteConnector;
import io.junction.provider.wechat.WechatConnector;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A profile answer that names no user (no id, a null one or an empty one) is a provider error, not
 * the NullPointerException or IllegalArgumentException of a profile without an id.
 */
class ProfilesWithoutAUserIdTest {

  private static void refused(Supplier<? extends OAuth2Connector> make, String... answers) {
    for (String answer : answers) {
      OAuth2Connector connector = make.get();
      new ScriptedHttp(ScriptedHttp.answers(answer)).install(connector);
      ProviderException e =
          assertThrows(
              ProviderException.class,
              () ->
                  connector.fetchProfile(
                      ConnectorAnswersFuzzTest.APP,
                      new ProviderTokens("at-1", null, null, Map.of())),
              connector.info().id() + ": " + answer);
      assertEquals(ErrorCode.PROVIDER_ERROR, e.code(), answer);
    }
  }

  @Test
  void vkontakte() {
    refused(
        VkontakteConnector::new,
        "{\"response\":[{\"first_name\":\"Lindsey\"}]}",
        "{\"response\":[{\"id\":\"\"}]}",
        "{\"response\":[{\"id\":null}]}");
  }

  @Test
  void twitter() {
    refused(TwitterConnector::new, "{\"data\":{\"name\":\"X\"}}", "{\"data\":{\"id\":\"\"}}");
  }

  @Test
  void mixi() {
    refused(MixiConnector::new, "{\"entry\":{\"displayName\":\"taro\"}}");
  }

  @Test
  void instagram() {
    refused(InstagramConnector::new, "{\"username\":\"jay\"}", "{\"user_id\":\"\"}");
  }

  @Test
  void facebookSinaWechatAndOdnoklassnikiWithAnEmptyId() {
    refused(FacebookConnector::new, "{\"id\":\"\"}");
    refused(SinaConnector::new, "{\"idstr\":\"\"}");
    refused(WechatConnector::new, "{\"openid\":\"\"}", "{\"unionid\":\"\",\"openid\":\"\"}");
    refused(OdnoklassnikiConnector::new, "{\"uid\":\"\"}");
  }

  @Test
  void anOpenIdConnectUserinfoWithAnEmptySubject() {
    refused(GoogleConnector::new, "{\"sub\":\"\",\"name\":\"Jane\"}");
  }

  @Test
  void renrenWhoseTokenAnswerNamesAUserWithAnEmptyId() {
    OAuth2Connector renren = new RenrenConnector();
    new ScriptedHttp(List.of()).install(renren);
    ProviderException e =
        assertThrows(
            ProviderException.class,
            () ->
                renren.fetchProfile(
                    ConnectorAnswersFuzzTest.APP,
                    new ProviderTokens("at-1", null, null, Map.of("user", "{\"id\":\"\"}"))));
    assertEquals(ErrorCode.PROVIDER_ERROR, e.code());
  }
}
