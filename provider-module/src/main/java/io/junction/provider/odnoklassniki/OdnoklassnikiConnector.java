package io.junction.provider.odnoklassniki;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.api.TokenRefresher;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
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
public class OdnoklassnikiConnector extends OAuth2Connector implements TokenRefresher {

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
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    if (app.publicKey() == null) {
      throw new ProviderException(
          id(),
          ErrorCode.PROVIDER_CONFIGURATION_ERROR,
          "The Odnoklassniki public key is not configured");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("application_key", app.publicKey());
    params.put("fields", FIELDS);
    params.put("format", "json");
    params.put("method", "users.getCurrentUser");
    params.put("sig", OdnoklassnikiSignature.sign(params, tokens.accessToken(), app.secretKey()));
    params.put("access_token", tokens.accessToken());
    return profile(currentUser(http.postForm(id(), url("api", "https://api.ok.ru/fb.do"), params)));
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
