package io.junction.provider.qq;

import io.junction.api.CodeExchange;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QQ Connect: a GET token request whose answer may be form-encoded, then the user's openid from
 * {@code /oauth2.0/me}, then {@code get_user_info} with {@code oauth_consumer_key} and the openid;
 * errors as {@code ret} (non-zero) with {@code msg}, or {@code error}/{@code error_description}.
 */
@ApplicationScoped
public class QqConnector extends OAuth2Connector {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "qq",
          "QQ",
          false,
          List.of("get_user_info"),
          "QQ Connect (connect.qq.com): a website application; APP ID and APP Key go to Application ID and Secret key; the callback's domain is the callback address.");

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://graph.qq.com/oauth2.0/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://graph.qq.com/oauth2.0/token";
  }

  @Override
  protected String scopeSeparator() {
    return ",";
  }

  @Override
  protected boolean tokenRequestByGet() {
    return true;
  }

  /** The token, then the openid it belongs to (QQ's second call), kept with the tokens. */
  @Override
  public ProviderTokens exchangeCode(ProviderApp app, CodeExchange exchange) {
    ProviderTokens tokens = super.exchangeCode(app, exchange);
    Map<String, String> extras = new HashMap<>(tokens.extras());
    extras.put("openid", openid(tokens.accessToken()));
    return new ProviderTokens(
        tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), extras);
  }

  /** The openid of the user an access token belongs to, from {@code /oauth2.0/me}. */
  private String openid(String accessToken) {
    ProviderHttp.Answer me =
        http.get(
            id(),
            url("me", "https://graph.qq.com/oauth2.0/me"),
            Map.of("access_token", accessToken, "fmt", "json"),
            null);
    return userId(
        text(
            apiAnswer(
                    "oauth2.0/me",
                    me,
                    b ->
                        text(b.get("openid")) == null
                            ? errorFields(b, "error", "error_description")
                            : null)
                .get("openid")),
        "oauth2.0/me");
  }

  /**
   * The profile of the tokens' user; a token that came without its openid (a session the site hands
   * over) is asked for it first.
   */
  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    String openid = tokens.extras().get("openid");
    if (openid == null) {
      openid = openid(tokens.accessToken());
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("access_token", tokens.accessToken());
    query.put("oauth_consumer_key", app.appId());
    query.put("openid", openid);
    ProviderHttp.Answer answer =
        http.get(id(), url("api", "https://graph.qq.com/user/get_user_info"), query, null);
    JsonObject user =
        apiAnswer(
            "get_user_info",
            answer,
            b -> {
              String ret = text(b.get("ret"));
              return ret == null || ret.equals("0") ? null : errorFields(b, "ret", "msg");
            });
    return profile(openid, user);
  }

  SocialProfile profile(String openid, JsonObject user) {
    String gender = text(user.get("gender"));
    String photo =
        text(user.get("figureurl_qq_2")) != null
            ? text(user.get("figureurl_qq_2"))
            : text(user.get("figureurl_2"));
    return new SocialProfile(
        openid,
        text(user.get("nickname")),
        null,
        null,
        null,
        photo,
        text(user.get("figureurl_qq_1")),
        null,
        "男".equals(gender) ? "m" : "女".equals(gender) ? "f" : "u",
        text(user.get("year")),
        null);
  }
}
