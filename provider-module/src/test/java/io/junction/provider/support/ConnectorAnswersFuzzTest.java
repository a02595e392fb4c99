package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.CodeExchange;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.api.TokenRefresher;
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
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whatever a provider answers, each connector either completes the flow Junction runs with it (the
 * code exchange, the profile, the profile of a handed-over access token, a refresh) with tokens and
 * a profile that name a user, or fails with a {@link ProviderException}: never another exception,
 * which would be a server error.
 *
 * <p>An input is a script of the provider's answers ({@link ScriptedHttp}) in the order the
 * connector calls it; for OpenID Connect providers {@code <<claims>>} stands for an id_token of
 * those claims signed with the key that {@code {{jwk}}} writes out ({@link SignedTokens}). The
 * application is {@code client-1}, the login's nonce {@code n-1}, and {@code oidc-*}'s issuer
 * {@code https://issuer.example}.
 */
class ConnectorAnswersFuzzTest {

  /** A fuzz test of a provider's answers, with the words such answers are made of. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @DictionaryEntries({
    "~~~",
    "\"access_token\":",
    "\"refresh_token\":",
    "\"expires_in\":",
    "\"id_token\":\"<<",
    ">>\"",
    "{{jwk}}",
    "\"sub\":",
    "\"error\":",
    "null",
    "[]",
    "{}",
    "access_token=",
    "&",
    "%"
  })
  @FuzzTest
  @interface AnswersFuzzTest {}

  static final ProviderApp APP =
      new ProviderApp("client-1", "CBAPUBLIC", "secret-1", List.of(), "https://issuer.example");
  static final CodeExchange EXCHANGE =
      new CodeExchange("code-1", "https://localhost:9443/GS/GSLogin.aspx", "verifier-1", "n-1");
  private static final Set<String> GENDERS = Set.of("m", "f", "u");

  /** Runs Junction's uses of a connector against the scripted answers. */
  static void run(Supplier<? extends OAuth2Connector> make, byte[] input) {
    String script = SignedTokens.expand(new String(input, StandardCharsets.UTF_8));
    OAuth2Connector connector = make.get();
    new ScriptedHttp(ScriptedHttp.answers(script)).install(connector);

    ProviderTokens tokens = null;
    try {
      tokens = connector.exchangeCode(APP, EXCHANGE);
      assertFalse(tokens.accessToken().isEmpty());
    } catch (ProviderException e) {
      assertWellFormed(e);
    }
    if (tokens != null) {
      profile(connector, tokens);
    }
    // A handed-over session (notifyLogin's providerSessions): an access token and nothing else.
    profile(connector, new ProviderTokens("at-handed-over", null, null, Map.of()));
    if (connector instanceof TokenRefresher refresher) {
      try {
        assertFalse(refresher.refresh(APP, "rt-1").accessToken().isEmpty());
      } catch (ProviderException e) {
        assertWellFormed(e);
      }
    }
  }

  private static void profile(OAuth2Connector connector, ProviderTokens tokens) {
    try {
      SocialProfile p = connector.fetchProfile(APP, tokens);
      assertFalse(p.providerUid().isEmpty());
      assertTrue(p.gender() == null || GENDERS.contains(p.gender()), p.gender());
    } catch (ProviderException e) {
      assertWellFormed(e);
    }
  }

  private static void assertWellFormed(ProviderException e) {
    assertNotNull(e.code());
    assertNotNull(e.provider());
    assertNotNull(e.getMessage());
  }

  @AnswersFuzzTest
  void odnoklassniki(byte[] input) {
    run(OdnoklassnikiConnector::new, input);
  }

  @AnswersFuzzTest
  void vkontakte(byte[] input) {
    run(VkontakteConnector::new, input);
  }

  @AnswersFuzzTest
  void facebook(byte[] input) {
    run(FacebookConnector::new, input);
  }

  @AnswersFuzzTest
  void twitter(byte[] input) {
    run(TwitterConnector::new, input);
  }

  @AnswersFuzzTest
  void qq(byte[] input) {
    run(QqConnector::new, input);
  }

  @AnswersFuzzTest
  void wechat(byte[] input) {
    run(WechatConnector::new, input);
  }

  @AnswersFuzzTest
  void sina(byte[] input) {
    run(SinaConnector::new, input);
  }

  @AnswersFuzzTest
  void renren(byte[] input) {
    run(RenrenConnector::new, input);
  }

  @AnswersFuzzTest
  void mixi(byte[] input) {
    run(MixiConnector::new, input);
  }

  @AnswersFuzzTest
  void instagram(byte[] input) {
    run(InstagramConnector::new, input);
  }

  @AnswersFuzzTest
  void google(byte[] input) {
    run(GoogleConnector::new, input);
  }

  @AnswersFuzzTest
  void microsoft(byte[] input) {
    run(MicrosoftConnector::new, input);
  }

  @AnswersFuzzTest
  void line(byte[] input) {
    run(LineConnector::new, input);
  }

  @AnswersFuzzTest
  void linkedin(byte[] input) {
    run(LinkedinConnector::new, input);
  }

  @AnswersFuzzTest
  void yahoo(byte[] input) {
    run(YahooConnector::new, input);
  }

  @AnswersFuzzTest
  void yahoojapan(byte[] input) {
    run(YahooJapanConnector::new, input);
  }

  @AnswersFuzzTest
  void genericOidc(byte[] input) {
    run(ResolvingEverywhere::genericOidc, input);
  }
}
