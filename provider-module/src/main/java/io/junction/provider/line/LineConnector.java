package io.junction.provider.line;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.provider.support.OidcConnector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, String> q = new LinkedHashMap<>();
    q.put("access_token", tokens.accessToken());
    ProviderHttp.Answer answer =
        http.get(id(), url("verify", "https://api.line.me/oauth2/v2.1/verify"), q, null);
    JsonObject info = jsonOrNull(answer) instanceof JsonObject o ? o : null;
    if (!answer.ok() || info == null) {
      throw new ProviderException(
          id(),
          ErrorCode.INVALID_TOKEN,
          "LINE does not know the token (HTTP " + answer.status() + ")");
    }
    if (!app.appId().equals(text(info.get("client_id")))) {
      throw new ProviderException(
          id(), ErrorCode.INVALID_TOKEN, "The token was issued to another LINE channel");
    }
  }
}
