package io.junction.provider.sina;

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
 * Sina Weibo: OAuth 2.0 at api.weibo.com, whose token answer carries the user's {@code uid}, and
 * {@code users/show.json} for the profile; errors come as {@code error}/{@code error_code}.
 */
@ApplicationScoped
public class SinaConnector extends OAuth2Connector {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "sina",
          "Sina Weibo",
          false,
          List.of(),
          "Sina Weibo open platform (open.weibo.com): a website application; App Key and App Secret; the callback is the authorized callback page.");

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://api.weibo.com/oauth2/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://api.weibo.com/oauth2/access_token";
  }

  @Override
  protected String scopeSeparator() {
    return ",";
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("access_token", tokens.accessToken());
    query.put("uid", String.valueOf(tokens.extras().get("uid")));
    ProviderHttp.Answer answer =
        http.get(id(), url("api", "https://api.weibo.com/2/users/show.json"), query, null);
    return profile(
        apiAnswer(
            "users/show",
            answer,
            b -> b.containsKey("error_code") ? errorFields(b, "error_code", "error") : null));
  }

  SocialProfile profile(JsonObject user) {
    String uid = text(user.get("idstr")) != null ? text(user.get("idstr")) : text(user.get("id"));
    if (uid == null || uid.isEmpty()) {
      throw new ProviderException(id(), ErrorCode.PROVIDER_ERROR, "users/show returned no id");
    }
    String gender = text(user.get("gender"));
    String domain = text(user.get("profile_url"));
    return new SocialProfile(
        uid,
        text(user.get("screen_name")),
        null,
        null,
        null,
        text(user.get("avatar_large")),
        text(user.get("profile_image_url")),
        "https://weibo.com/" + (domain != null ? domain : "u/" + uid),
        "m".equals(gender) ? "m" : "f".equals(gender) ? "f" : "u",
        null,
        text(user.get("lang")));
  }
}
