package io.junction.provider.facebook;

import io.junction.api.AuthorizationRequest;
import io.junction.api.Capability;
import io.junction.api.ErrorCode;
import io.junction.api.FriendsReader;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderSession;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.Digests;
import io.junction.provider.support.OAuth2Connector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facebook: the versioned dialog and Graph API, Gigya's {@code x_displayMode} as Facebook's {@code
 * display}, a GET token request, and every Graph call with {@code appsecret_proof} (HMAC-SHA256 of
 * the token under the app secret). Graph errors come as {@code {"error": {"message", "type",
 * "code"}}}.
 */
@ApplicationScoped
public class FacebookConnector extends OAuth2Connector implements FriendsReader {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "facebook",
          "Facebook",
          false,
          List.of("email", "public_profile"),
          "Meta for Developers (developers.facebook.com): create an app with Facebook Login; App ID and App Secret go to Application ID and Secret key; add the callback under Valid OAuth Redirect URIs.");
  static final String FIELDS =
      "id,name,first_name,last_name,email,picture.width(200).height(200),gender,birthday,locale,link";

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://www.facebook.com/v21.0/dialog/oauth";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://graph.facebook.com/v21.0/oauth/access_token";
  }

  @Override
  protected String scopeSeparator() {
    return ",";
  }

  @Override
  protected boolean tokenRequestByGet() {
    return true;
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    if (request.displayMode() != null) {
      params.put("display", request.displayMode());
    }
  }

  /**
   * Friends only: Facebook removed publish_actions in 2018, so a status or a user action is not
   * supported (400096), and photos need an app review Junction does not assume.
   */
  @Override
  public Map<Capability, List<String>> capabilities() {
    return Map.of(Capability.FRIENDS, List.of("user_friends"));
  }

  /** The user's friends who use the app too (Graph {@code /me/friends}, user_friends). */
  @Override
  public List<SocialProfile> friends(ProviderApp app, ProviderSession session) {
    List<SocialProfile> out = new ArrayList<>();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", "id,name,first_name,last_name,picture.type(large),link");
    query.put("limit", "5000");
    query.put("access_token", session.accessToken());
    query.put("appsecret_proof", appsecretProof(session.accessToken(), app.secretKey()));
    ProviderHttp.Answer answer =
        http.get(id(), url("friends", "https://graph.facebook.com/v21.0/me/friends"), query, null);
    JsonObject body = apiAnswer("Graph /me/friends", answer, FacebookConnector::graphError);
    if (body.get("data") instanceof JsonArray data) {
      for (JsonValue v : data) {
        if (v instanceof JsonObject friend && text(friend.get("id")) != null) {
          out.add(profile(friend));
        }
      }
    }
    return out;
  }

  /** Facebook's proof that a Graph call comes from the app's server. */
  static String appsecretProof(String accessToken, String appSecret) {
    return Digests.hmacSha256Hex(appSecret, accessToken);
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", FIELDS);
    query.put("access_token", tokens.accessToken());
    query.put("appsecret_proof", appsecretProof(tokens.accessToken(), app.secretKey()));
    ProviderHttp.Answer answer =
        http.get(id(), url("api", "https://graph.facebook.com/v21.0/me"), query, null);
    return profile(apiAnswer("Graph /me", answer, FacebookConnector::graphError));
  }

  /** A Graph API error: {@code {"error": {"message", "type", "code"}}}. */
  static String graphError(JsonObject body) {
    return body.get("error") instanceof JsonObject e ? errorFields(e, "code", "message") : null;
  }

  SocialProfile profile(JsonObject me) {
    String id = text(me.get("id"));
    if (id == null || id.isEmpty()) {
      throw new ProviderException(id(), ErrorCode.PROVIDER_ERROR, "Graph /me returned no id");
    }
    String photo = null;
    if (me.get("picture") instanceof JsonObject picture
        && picture.get("data") instanceof JsonObject data) {
      photo = text(data.get("url"));
    }
    return new SocialProfile(
        id,
        text(me.get("name")),
        text(me.get("first_name")),
        text(me.get("last_name")),
        text(me.get("email")),
        photo,
        photo,
        text(me.get("link")),
        gender(text(me.get("gender"))),
        isoBirthday(text(me.get("birthday"))),
        text(me.get("locale")));
  }

  /** Facebook's {@code MM/DD/YYYY} (or {@code MM/DD}, or {@code YYYY}) as ISO. */
  static String isoBirthday(String b) {
    if (b == null) {
      return null;
    }
    String[] p = b.split("/");
    return switch (p.length) {
      case 3 -> p[2] + "-" + p[0] + "-" + p[1];
      case 2 -> "--" + p[0] + "-" + p[1];
      default -> b;
    };
  }
}
