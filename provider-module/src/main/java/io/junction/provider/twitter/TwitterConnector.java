package io.junction.provider.twitter;

import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Twitter / X, OAuth 2.0: PKCE required, the confidential client authenticated with HTTP Basic at
 * the token endpoint, and {@code /2/users/me} with the token as a Bearer.
 */
@ApplicationScoped
public class TwitterConnector extends OAuth2Connector {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "twitter",
          "Twitter / X",
          false,
          List.of("users.read", "tweet.read", "offline.access"),
          "X Developer Portal: in the app's User authentication settings turn on OAuth 2.0 as a confidential client (Web App); Client ID and Client Secret go to Application ID and Secret key; the callback is the Callback URI.");

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://twitter.com/i/oauth2/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://api.twitter.com/2/oauth2/token";
  }

  @Override
  public boolean supportsPkce() {
    return true;
  }

  @Override
  protected boolean tokenClientAuthBasic() {
    return true;
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    ProviderHttp.Answer answer =
        http.get(
            id(),
            url("api", "https://api.twitter.com/2/users/me"),
            Map.of("user.fields", "profile_image_url,name,username"),
            "Bearer " + tokens.accessToken());
    JsonObject body =
        apiAnswer(
            "users/me",
            answer,
            b -> b.get("data") instanceof JsonObject ? null : errorFields(b, "detail", "errors"));
    return profile(body.getJsonObject("data"));
  }

  SocialProfile profile(JsonObject user) {
    String username = text(user.get("username"));
    String photo = text(user.get("profile_image_url"));
    return new SocialProfile(
        userId(text(user.get("id")), "users/me"),
        username,
        text(user.get("name")),
        null,
        null,
        photo == null ? null : photo.replace("_normal.", "_400x400."),
        photo,
        username == null ? null : "https://x.com/" + username,
        null,
        null,
        null);
  }
}
