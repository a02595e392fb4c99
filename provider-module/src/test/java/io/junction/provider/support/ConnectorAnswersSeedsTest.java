package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.facebook.FacebookConnector;
import io.junction.provider.google.GoogleConnector;
import io.junction.provider.instagram.InstagramConnector;
import io.junction.provider.line.LineConnector;
import io.junction.provider.linkedin.LinkedinConnector;
import io.junction.provider.microsoft.MicrosoftConnector;
import io.junction.provider.mixi.MixiConnector;
import io.junction.provider.odnoklassniki.OdnoklassnikiConnector;
import io.junction.provider.oidc.ResolvingEverywhere;
import io.junction.provider.qq.QqConnector;
import io.junction.provider.renren.RenrenConnector;
import io.junction.provider.sina.SinaConnector;
import io.junction.provider.twitter.TwitterConnector;
import io.junction.provider.vkontakte.VkontakteConnector;
import io.junction.provider.wechat.WechatConnector;
import io.junction.provider.yahoo.YahooConnector;
import io.junction.provider.yahoojapan.YahooJapanConnector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The {@code login} seed of each connector's fuzz test is a login that succeeds, so that the
 * regression run of {@link ConnectorAnswersFuzzTest} goes through the whole flow and not only its
 * first refusal.
 */
class ConnectorAnswersSeedsTest {

  private static final Map<String, Supplier<? extends OAuth2Connector>> CONNECTORS =
      new LinkedHashMap<>();

  static {
    CONNECTORS.put("odnoklassniki", OdnoklassnikiConnector::new);
    CONNECTORS.put("vkontakte", VkontakteConnector::new);
    CONNECTORS.put("facebook", FacebookConnector::new);
    CONNECTORS.put("twitter", TwitterConnector::new);
    CONNECTORS.put("qq", QqConnector::new);
    CONNECTORS.put("wechat", WechatConnector::new);
    CONNECTORS.put("sina", SinaConnector::new);
    CONNECTORS.put("renren", RenrenConnector::new);
    CONNECTORS.put("mixi", MixiConnector::new);
    CONNECTORS.put("instagram", InstagramConnector::new);
    CONNECTORS.put("google", GoogleConnector::new);
    CONNECTORS.put("microsoft", MicrosoftConnector::new);
    CONNECTORS.put("line", LineConnector::new);
    CONNECTORS.put("linkedin", LinkedinConnector::new);
    CONNECTORS.put("yahoo", YahooConnector::new);
    CONNECTORS.put("yahoojapan", YahooJapanConnector::new);
    CONNECTORS.put("genericOidc", ResolvingEverywhere::genericOidc);
  }

  @Test
  void everyLoginSeedLogsIn() throws IOException {
    for (Map.Entry<String, Supplier<? extends OAuth2Connector>> e : CONNECTORS.entrySet()) {
      String script = seed(e.getKey());
      OAuth2Connector connector = e.getValue().get();
      ScriptedHttp http = new ScriptedHttp(ScriptedHttp.answers(SignedTokens.expand(script)));
      http.install(connector);
      ProviderTokens tokens =
          connector.exchangeCode(ConnectorAnswersFuzzTest.APP, ConnectorAnswersFuzzTest.EXCHANGE);
      SocialProfile profile = connector.fetchProfile(ConnectorAnswersFuzzTest.APP, tokens);
      assertNotNull(profile.nickname(), e.getKey());
    }
  }

  @Test
  void theScriptedProviderAnswersInOrderThenCannotBeReached() {
    ScriptedHttp http = new ScriptedHttp(ScriptedHttp.answers("{}\n~~~\n404\nnot found"));
    assertEquals(200, http.get("p", "https://a", Map.of(), null).status());
    ProviderHttp.Answer second = http.postForm("p", "https://b", Map.of());
    assertEquals(404, second.status());
    assertEquals("not found", second.body());
    assertEquals(
        ErrorCode.NETWORK_ERROR,
        assertThrows(ProviderException.class, () -> http.get("p", "https://c", Map.of(), null))
            .code());
  }

  private static String seed(String method) throws IOException {
    try (InputStream in =
        ConnectorAnswersSeedsTest.class.getResourceAsStream(
            "ConnectorAnswersFuzzTestInputs/" + method + "/login")) {
      assertNotNull(in, method);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
