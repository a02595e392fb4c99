package io.junction.provider.instagram;

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
 * Instagram (the Instagram API with Instagram Login): comma-separated scopes, a token answer with
 * the user's id, and {@code /me} on graph.instagram.com.
 */
@ApplicationScoped
public class InstagramConnector extends OAuth2Connector {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "instagram",
          "Instagram",
          false,
          List.of("instagram_business_basic"),
          "Meta for Developers: an app with the Instagram product (API setup with Instagram login); Instagram App ID and App Secret; the callback is an OAuth redirect URI.");

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://www.instagram.com/oauth/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://api.instagram.com/oauth/access_token";
  }

  @Override
  protected String scopeSeparator() {
    return ",";
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    ProviderHttp.Answer answer =
        http.get(
            id(),
            url("api", "https://graph.instagram.com/me"),
            Map.of(
                "fields",
                "user_id,username,name,profile_picture_url",
                "access_token",
                tokens.accessToken()),
            null);
    JsonObject me =
        apiAnswer(
            "/me",
            answer,
            b -> b.get("error") instanceof JsonObject e ? errorFields(e, "code", "message") : null);
    String uid =
        userId(
            text(me.get("user_id")) != null ? text(me.get("user_id")) : text(me.get("id")), "/me");
    String username = text(me.get("username"));
    String photo = text(me.get("profile_picture_url"));
    return new SocialProfile(
        uid,
        username,
        text(me.get("name")),
        null,
        null,
        photo,
        photo,
        username == null ? null : "https://www.instagram.com/" + username,
        null,
        null,
        null);
  }
}
