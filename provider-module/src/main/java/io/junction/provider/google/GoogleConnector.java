package io.junction.provider.google;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Google Sign-In, by Gigya's name {@code googleplus}: OpenID Connect with PKCE and a nonce, the
 * id_token checked against Google's keys; {@code x_displayMode} popup or touch as {@code display}.
 */
@ApplicationScoped
public class GoogleConnector extends OidcConnector {

  public GoogleConnector() {
    super(
        new ProviderInfo(
            "googleplus",
            "Google",
            false,
            List.of("openid", "profile", "email"),
            "Google Cloud console, APIs & Services, Credentials: an OAuth client ID of type Web application; Client ID and Client secret; the callback is an Authorized redirect URI."),
        new Endpoints(
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://oauth2.googleapis.com/token",
            "https://accounts.google.com",
            "https://www.googleapis.com/oauth2/v3/certs",
            "https://openidconnect.googleapis.com/v1/userinfo"));
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    if ("popup".equals(request.displayMode()) || "touch".equals(request.displayMode())) {
      params.put("display", request.displayMode());
    }
  }
}
