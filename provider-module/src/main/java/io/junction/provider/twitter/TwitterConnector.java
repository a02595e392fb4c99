package io.junction.provider.twitter;

import io.junction.api.Capability;
import io.junction.api.FriendsReader;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderSession;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.api.StatusPublisher;
import io.junction.api.UserAction;
import io.junction.api.UserActionPublisher;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * Twitter / X, OAuth 2.0: PKCE required, the confidential client authenticated with HTTP Basic at
 * the token endpoint, and {@code /2/users/me} with the token as a Bearer.
 */
@ApplicationScoped
public class TwitterConnector extends OAuth2Connector
    implements FriendsReader, StatusPublisher, UserActionPublisher {

  /** What the connector does with a connection, and the scopes each needs. */
  static final Map<Capability, List<String>> CAPABILITIES =
      Map.of(
          Capability.FRIENDS, List.of("follows.read", "users.read", "tweet.read"),
          Capability.STATUS, List.of("tweet.write", "tweet.read", "users.read"),
          Capability.USER_ACTIONS, List.of("tweet.write", "tweet.read", "users.read"));

  private final TwitterSocial social = new TwitterSocial(this);

  @Override
  public Map<Capability, List<String>> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<SocialProfile> friends(ProviderApp app, ProviderSession session) {
    return social.friends(session);
  }

  @Override
  public String setStatus(ProviderApp app, ProviderSession session, String status) {
    return social.post(session, status);
  }

  @Override
  public String publish(ProviderApp app, ProviderSession session, UserAction action) {
    return social.post(session, TwitterSocial.text(action));
  }

  ProviderHttp http() {
    return http;
  }

  /** An API endpoint, {@code junction.provider.twitter.<name>-url}. */
  String endpoint(String name, String defaultUrl) {
    return url(name, defaultUrl);
  }

  static JsonValue body(ProviderHttp.Answer answer) {
    return jsonOrNull(answer);
  }

  static String fields(JsonObject o, String... names) {
    return errorFields(o, names);
  }

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

  /** X documents its OAuth 2.0 state as up to 500 characters. */
  @Override
  public int maxStateLength() {
    return 500;
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
