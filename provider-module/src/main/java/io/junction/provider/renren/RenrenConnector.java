package io.junction.provider.renren;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.OAuth2Connector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * Renren: OAuth 2.0 at graph.renren.com whose token answer already holds the user (id, name,
 * avatars), so no further call is needed; {@code x_displayMode} as Renren's {@code display}.
 */
@ApplicationScoped
public class RenrenConnector extends OAuth2Connector {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "renren",
          "Renren",
          false,
          List.of(),
          "Renren open platform (open.renren.com): create a website app; App ID (client_id) and Secret Key; register the callback as the redirect URI.");

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://graph.renren.com/oauth/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://graph.renren.com/oauth/token";
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    if (request.displayMode() != null) {
      params.put("display", request.displayMode());
    }
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    String user = tokens.extras().get("user");
    if (user == null) {
      throw new ProviderException(id(), ErrorCode.PROVIDER_ERROR, "the token answer holds no user");
    }
    JsonObject parsed;
    try {
      parsed = Json.createReader(new StringReader(user)).readObject();
    } catch (RuntimeException notAnObject) {
      throw new ProviderException(
          id(), ErrorCode.PROVIDER_ERROR, "the token answer's user is not a JSON object");
    }
    return profile(parsed);
  }

  SocialProfile profile(JsonObject user) {
    String id = text(user.get("id"));
    if (id == null || id.isEmpty()) {
      throw new ProviderException(
          id(), ErrorCode.PROVIDER_ERROR, "the token answer's user has no id");
    }
    String large = null;
    String small = null;
    if (user.get("avatar") instanceof JsonArray avatars) {
      for (JsonValue v : avatars) {
        if (!(v instanceof JsonObject a)) {
          continue;
        }
        String type = text(a.get("type"));
        if ("large".equals(type) || "main".equals(type)) {
          large = text(a.get("url"));
        } else if ("tiny".equals(type) || "avatar".equals(type)) {
          small = text(a.get("url"));
        }
      }
    }
    return new SocialProfile(
        id,
        text(user.get("name")),
        null,
        null,
        null,
        large != null ? large : small,
        small != null ? small : large,
        "http://www.renren.com/" + id,
        null,
        null,
        null);
  }
}
