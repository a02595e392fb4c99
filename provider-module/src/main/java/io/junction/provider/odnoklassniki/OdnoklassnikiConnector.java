package io.junction.provider.odnoklassniki;

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
import io.junction.api.TokenRefresher;
import io.junction.api.UserAction;
import io.junction.api.UserActionPublisher;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Odnoklassniki (ok.ru): OAuth 2.0 at connect.ok.ru, tokens at api.ok.ru/oauth/token.do, the
 * profile from {@code users.getCurrentUser} on the REST API, every API call signed with the MD5
 * {@code sig} ({@link OdnoklassnikiSignature}) and the application's public key. ok.ru reports API
 * errors with HTTP 200 and {@code error_code}/{@code error_msg}.
 */
@ApplicationScoped
public class OdnoklassnikiConnector extends OAuth2Connector
    implements TokenRefresher, FriendsReader, StatusPublisher, UserActionPublisher, PhotoReader {

  /** What the connector does with a connection, and the permissions each needs. */
  static final Map<Capability, List<String>> CAPABILITIES =
      Map.of(
          Capability.FRIENDS, List.of("VALUABLE_ACCESS"),
          Capability.STATUS, List.of("VALUABLE_ACCESS", "SET_STATUS"),
          Capability.USER_ACTIONS, List.of("VALUABLE_ACCESS", "PHOTO_CONTENT"),
          Capability.PHOTOS, List.of("VALUABLE_ACCESS", "PHOTO_CONTENT"));

  /** ok.ru's error codes that mean the user did not grant a permission the call needs. */
  private static final List<String> NO_PERMISSION = List.of("10", "200");

  /** ok.ru's error codes of a session that has ended. */
  private static final List<String> SESSION_ENDED = List.of("102", "103");

  private final OdnoklassnikiSocial social = new OdnoklassnikiSocial(this);

  static final ProviderInfo INFO =
      new ProviderInfo(
          "odnoklassniki",
          "Odnoklassniki",
          true,
          List.of("VALUABLE_ACCESS", "SET_STATUS", "PHOTO_CONTENT"),
          "ok.ru developer rights, then an External app (https App link); its e-mail gives Application ID, Public key and Secret key; list the callback under permitted redirect_uri; Required permissions SET_STATUS and PHOTO_CONTENT.");

  static final String FIELDS =
      "uid,name,first_name,last_name,gender,birthday,locale,pic_1,pic_3,email,location";

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://connect.ok.ru/oauth/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://api.ok.ru/oauth/token.do";
  }

  @Override
  protected String scopeSeparator() {
    return ";";
  }

  /** Gigya's x_displayMode as ok.ru's layout: touch is the mobile page, the rest the full one. */
  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    params.put("layout", "touch".equals(request.displayMode()) ? "m" : "w");
  }

  @Override
  public ProviderTokens refresh(ProviderApp app, String refreshToken) {
    return refreshTokens(app, refreshToken);
  }

  @Override
  public Map<Capability, List<String>> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    return profile(
        currentUser(
            signedCall(
                app, tokens.accessToken(), "users.getCurrentUser", Map.of("fields", FIELDS))));
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
  public String publish(ProviderApp app, ProviderSession session, UserAction action) {
    return social.publish(app, session, action);
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
   * One call of the REST API, POSTed to {@code fb.do} with the application's public key, {@code
   * format=json} and the MD5 {@code sig} over every other parameter.
   */
  ProviderHttp.Answer signedCall(
      ProviderApp app, String accessToken, String method, Map<String, String> extra) {
    if (app.publicKey() == null) {
      throw new ProviderException(
          id(),
          ErrorCode.PROVIDER_CONFIGURATION_ERROR,
          "The Odnoklassniki public key is not configured");
    }
    Map<String, String> params = new LinkedHashMap<>(extra);
    params.put("application_key", app.publicKey());
    params.put("format", "json");
    params.put("method", method);
    params.put("sig", OdnoklassnikiSignature.sign(params, accessToken, app.secretKey()));
    params.put("access_token", accessToken);
    return http.postForm(id(), url("api", "https://api.ok.ru/fb.do"), params);
  }

  /**
   * The JSON of an answer, or the error it is: ok.ru answers errors with HTTP 200 and {@code
   * error_code}; a permission the user did not grant is 403023, an ended session 403009.
   */
  JsonValue answerValue(String call, ProviderHttp.Answer answer) {
    JsonValue value = jsonValue(call, answer);
    if (value instanceof JsonObject o && o.containsKey("error_code")) {
      String code = str(o.get("error_code"));
      ErrorCode gigya =
          code == null // List.of's contains refuses null
              ? ErrorCode.PROVIDER_ERROR
              : NO_PERMISSION.contains(code)
                  ? ErrorCode.NO_USER_PERMISSION
                  : SESSION_ENDED.contains(code)
                      ? ErrorCode.PROVIDER_SESSION_EXPIRED
                      : ErrorCode.PROVIDER_ERROR;
      throw new ProviderException(
          id(), gigya, call + " failed: " + errorFields(o, "error_code", "error_msg"));
    }
    return value;
  }

  ProviderHttp http() {
    return http;
  }

  static String str(JsonValue v) {
    return text(v);
  }

  /** The answer of users.getCurrentUser; ok.ru answers API errors with HTTP 200. */
  JsonObject currentUser(ProviderHttp.Answer answer) {
    return apiAnswer(
        "users.getCurrentUser",
        answer,
        b -> b.containsKey("error_code") ? errorFields(b, "error_code", "error_msg") : null);
  }

  SocialProfile profile(JsonObject user) {
    String uid = text(user.get("uid"));
    if (uid == null || uid.isEmpty()) {
      throw new ProviderException(
          id(), ErrorCode.PROVIDER_ERROR, "users.getCurrentUser returned no uid");
    }
    return new SocialProfile(
        uid,
        text(user.get("name")),
        text(user.get("first_name")),
        text(user.get("last_name")),
        text(user.get("email")),
        text(user.get("pic_3")),
        text(user.get("pic_1")),
        "https://ok.ru/profile/" + uid,
        gender(text(user.get("gender"))),
        text(user.get("birthday")),
        text(user.get("locale")));
  }
}
