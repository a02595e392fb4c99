package io.junction.provider.line;

import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** LINE Login v2.1: OpenID Connect with PKCE; id_tokens are ES256, checked against LINE's keys. */
@ApplicationScoped
public class LineConnector extends OidcConnector {

  public LineConnector() {
    super(
        new ProviderInfo(
            "line",
            "LINE",
            false,
            List.of("openid", "profile", "email"),
            "LINE Developers console: a LINE Login channel (Web app) with OpenID Connect and the email permission; Channel ID and Channel secret; the callback is the Callback URL."),
        new Endpoints(
            "https://access.line.me/oauth2/v2.1/authorize",
            "https://api.line.me/oauth2/v2.1/token",
            "https://access.line.me",
            "https://api.line.me/oauth2/v2.1/certs",
            "https://api.line.me/oauth2/v2.1/userinfo"));
  }

  /** LINE's verify endpoint names the channel an access token was issued to ({@code client_id}). */
  @Override
  public void checkIssuedTo(ProviderApp app, ProviderTokens tokens) {
    requireIssuedTo(app, tokens, "verify", "https://api.line.me/oauth2/v2.1/verify", "client_id");
  }
}
