package io.junction.provider.wechat;

import io.junction.api.AuthorizationRequest;
import io.junction.api.CodeExchange;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WeChat (website login): {@code appid} and {@code secret} instead of OAuth's names, the {@code
 * #wechat_redirect} fragment on the QR-code page, an openid (and, for apps bound to an
 * open-platform account, a unionid) in the token answer, and {@code errcode}/{@code errmsg} error
 * bodies with HTTP 200. The unionid, when given, is the identity's id: it is the same across a
 * company's apps.
 */
@ApplicationScoped
public class WechatConnector extends OAuth2Connector {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "wechat",
          "WeChat",
          false,
          List.of("snsapi_login"),
          "WeChat Open Platform (open.weixin.qq.com): a Website Application, approved; AppID and AppSecret; set the callback's domain as the authorization callback domain.");

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://open.weixin.qq.com/connect/qrconnect";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://api.weixin.qq.com/sns/oauth2/access_token";
  }

  @Override
  protected String scopeSeparator() {
    return ",";
  }

  /** WeChat gives back a state of at most 128 bytes. */
  @Override
  public int maxStateLength() {
    return 128;
  }

  @Override
  public String authorizationUrl(AuthorizationRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("appid", request.app().appId());
    params.put("redirect_uri", request.redirectUri());
    params.put("response_type", "code");
    params.put(
        "scope", String.join(scopeSeparator(), scopes(request.app(), request.extraPermissions())));
    params.put("state", request.state());
    return ProviderHttp.withQuery(url("authorize", defaultAuthorizeUrl()), params)
        + "#wechat_redirect";
  }

  @Override
  public ProviderTokens exchangeCode(ProviderApp app, CodeExchange exchange) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("appid", app.appId());
    query.put("secret", app.secretKey());
    query.put("code", exchange.code());
    query.put("grant_type", "authorization_code");
    ProviderHttp.Answer answer = http.get(id(), url("token", defaultTokenUrl()), query, null);
    failOnErrcode(answer, "sns/oauth2/access_token");
    return tokens(answer, null);
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("access_token", tokens.accessToken());
    query.put("openid", String.valueOf(tokens.extras().get("openid")));
    ProviderHttp.Answer answer =
        http.get(id(), url("api", "https://api.weixin.qq.com/sns/userinfo"), query, null);
    return profile(failOnErrcode(answer, "sns/userinfo"));
  }

  /** WeChat's answer, whose errors come with HTTP 200 as a non-zero {@code errcode}. */
  private JsonObject failOnErrcode(ProviderHttp.Answer answer, String call) {
    return apiAnswer(
        call,
        answer,
        b -> {
          String errcode = text(b.get("errcode"));
          return errcode == null || errcode.equals("0")
              ? null
              : errorFields(b, "errcode", "errmsg");
        });
  }

  SocialProfile profile(JsonObject user) {
    String unionid = text(user.get("unionid"));
    String openid = text(user.get("openid"));
    String uid = unionid != null && !unionid.isEmpty() ? unionid : openid;
    if (uid == null || uid.isEmpty()) {
      throw new ProviderException(
          id(), ErrorCode.PROVIDER_ERROR, "sns/userinfo returned no openid");
    }
    String sex = text(user.get("sex"));
    String photo = text(user.get("headimgurl"));
    return new SocialProfile(
        uid,
        text(user.get("nickname")),
        null,
        null,
        null,
        photo,
        photo,
        null,
        "1".equals(sex) ? "m" : "2".equals(sex) ? "f" : "u",
        null,
        text(user.get("language")));
  }
}
