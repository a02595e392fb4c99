package io.junction.provider.vkontakte;

import io.junction.api.Album;
import io.junction.api.AuthorizationRequest;
import io.junction.api.Capability;
import io.junction.api.ErrorCode;
import io.junction.api.FriendsReader;
import io.junction.api.Photo;
import io.junction.api.PhotoReader;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderSession;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.api.StatusPublisher;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VKontakte: OAuth 2.0 at oauth.vk.com with the API version ({@code v}) on every call, a GET token
 * request whose answer carries the user's id and e-mail, and {@code users.get} on the API, whose
 * errors come as {@code {"error": {"error_code", "error_msg"}}}.
 */
@ApplicationScoped
public class VkontakteConnector extends OAuth2Connector
    implements FriendsReader, StatusPublisher, PhotoReader {

  /** What the connector does with a connection, and the rights each needs. */
  static final Map<Capability, List<String>> CAPABILITIES =
      Map.of(
          Capability.FRIENDS, List.of("friends"),
          Capability.STATUS, List.of("status"),
          Capability.PHOTOS, List.of("photos"));

  private final VkontakteSocial social = new VkontakteSocial(this);

  static final ProviderInfo INFO =
      new ProviderInfo(
          "vkontakte",
          "VKontakte",
          false,
          List.of("email"),
          "VK for developers (dev.vk.com, My apps): a Website app; App ID and Secure key; the callback goes under Authorized redirect URI; e-mail needs the email permission.");
  static final String FIELDS = "screen_name,sex,bdate,photo_50,photo_200,domain";

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://oauth.vk.com/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://oauth.vk.com/access_token";
  }

  @Override
  protected String scopeSeparator() {
    return ",";
  }

  @Override
  protected boolean tokenRequestByGet() {
    return true;
  }

  /** The API version, {@code junction.provider.vkontakte.api-version}. */
  String version() {
    return config == null
        ? "5.131"
        : config
            .getOptionalValue("junction.provider.vkontakte.api-version", String.class)
            .orElse("5.131");
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    params.put("v", version());
    params.put(
        "display",
        "touch".equals(request.displayMode())
            ? "mobile"
            : "popup".equals(request.displayMode()) ? "popup" : "page");
  }

  @Override
  public Map<Capability, List<String>> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<SocialProfile> friends(ProviderApp app, ProviderSession session) {
    return social.friends(app, session);
  }

  @Override
  public String setStatus(ProviderApp app, ProviderSession session, String status) {
    return social.setStatus(app, session, status);
  }

  @Override
  public List<Album> albums(ProviderApp app, ProviderSession session) {
    return social.albums(app, session);
  }

  @Override
  public List<Photo> photos(ProviderApp app, ProviderSession session, String providerAlbumId) {
    return social.photos(app, session, providerAlbumId);
  }

  /**
   * A GET of an API method at {@code junction.provider.vkontakte.method-url} (default {@code
   * https://api.vk.com/method/}) followed by the method's name.
   */
  ProviderHttp.Answer methodCall(String method, Map<String, String> query) {
    return http.get(id(), url("method", "https://api.vk.com/method/") + method, query, null);
  }

  JsonValue answerValue(String method, ProviderHttp.Answer answer) {
    return jsonValue(method, answer);
  }

  static String str(JsonValue v) {
    return text(v);
  }

  static String errors(JsonObject error) {
    return errorFields(error, "error_code", "error_msg");
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    Map<String, String> query = new LinkedHashMap<>();
    String userId = tokens.extras().get("user_id");
    if (userId != null) {
      query.put("user_ids", userId);
    }
    query.put("fields", FIELDS);
    query.put("access_token", tokens.accessToken());
    query.put("v", version());
    return profile(
        usersGet(http.get(id(), url("api", "https://api.vk.com/method/users.get"), query, null)),
        tokens.extras().get("email"));
  }

  /** The answer of users.get; VK answers API errors with HTTP 200. */
  JsonObject usersGet(ProviderHttp.Answer answer) {
    return apiAnswer(
        "users.get",
        answer,
        b ->
            b.get("error") instanceof JsonObject e
                ? errorFields(e, "error_code", "error_msg")
                : null);
  }

  SocialProfile profile(JsonObject body, String email) {
    if (!(body.get("response") instanceof JsonArray users)
        || users.isEmpty()
        || !(users.get(0) instanceof JsonObject user)) {
      throw new ProviderException(id(), ErrorCode.PROVIDER_ERROR, "users.get returned no user");
    }
    return user(user, email, "users.get");
  }

  /** A VK user object (users.get, friends.get with fields) as a profile. */
  SocialProfile user(JsonObject user, String email, String call) {
    String uid = userId(text(user.get("id")), call);
    String first = text(user.get("first_name"));
    String last = text(user.get("last_name"));
    String screen = text(user.get("screen_name"));
    String sex = text(user.get("sex"));
    return new SocialProfile(
        uid,
        screen != null
            ? screen
            : String.join(" ", first == null ? "" : first, last == null ? "" : last).trim(),
        first,
        last,
        email,
        text(user.get("photo_200")),
        text(user.get("photo_50")),
        "https://vk.com/" + (screen != null ? screen : "id" + uid),
        "1".equals(sex) ? "f" : "2".equals(sex) ? "m" : "u",
        birthday(text(user.get("bdate"))),
        null);
  }

  /**
   * VK's {@code D.M.YYYY} (or {@code D.M} without the year) as ISO {@code YYYY-MM-DD} / {@code
   * --MM-DD}.
   */
  static String birthday(String bdate) {
    if (bdate == null) {
      return null;
    }
    String[] p = bdate.split("\\.");
    try {
      int day = Integer.parseInt(p[0]);
      int month = Integer.parseInt(p[1]);
      return p.length == 3
          ? String.format("%04d-%02d-%02d", Integer.parseInt(p[2]), month, day)
          : String.format("--%02d-%02d", month, day);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
