package io.junction.provider.mixi;

import io.junction.api.AuthorizationRequest;
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
 * mixi Graph API: authorization at mixi.jp with {@code display} (pc, smartphone), tokens at
 * secure.mixi-platform.com, and the People API ({@code /2/people/@me/@self}) with a Bearer token.
 */
@ApplicationScoped
public class MixiConnector extends OAuth2Connector {

  static final ProviderInfo INFO =
      new ProviderInfo(
          "mixi",
          "mixi",
          false,
          List.of("r_profile"),
          "mixi Graph API partner dashboard: register a service; Consumer Key and Consumer Secret go to Application ID and Secret key; the callback is the redirect URL.");

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://mixi.jp/connect_authorize.pl";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://secure.mixi-platform.com/2/token";
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    params.put("display", "touch".equals(request.displayMode()) ? "smartphone" : "pc");
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    ProviderHttp.Answer answer =
        http.get(
            id(),
            url("api", "https://api.mixi-platform.com/2/people/@me/@self"),
            Map.of(),
            "Bearer " + tokens.accessToken());
    JsonObject entry =
        apiAnswer(
                "people/@me/@self",
                answer,
                b -> b.get("entry") instanceof JsonObject ? null : errorFields(b, "error"))
            .getJsonObject("entry");
    String photo = text(entry.get("thumbnailUrl"));
    return new SocialProfile(
        userId(text(entry.get("id")), "people/@me/@self"),
        text(entry.get("displayName")),
        null,
        null,
        null,
        photo,
        photo,
        text(entry.get("profileUrl")),
        null,
        null,
        null);
  }
}
