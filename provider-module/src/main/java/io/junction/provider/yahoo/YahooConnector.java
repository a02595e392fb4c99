package io.junction.provider.yahoo;

import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Yahoo: OpenID Connect at api.login.yahoo.com. */
@ApplicationScoped
public class YahooConnector extends OidcConnector {

  public YahooConnector() {
    super(
        new ProviderInfo(
            "yahoo",
            "Yahoo",
            false,
            List.of("openid", "profile", "email"),
            "Yahoo Developer Network (developer.yahoo.com/apps): create an app with OpenID Connect permissions; Client ID and Client Secret; the callback is the Redirect URI."),
        new Endpoints(
            "https://api.login.yahoo.com/oauth2/request_auth",
            "https://api.login.yahoo.com/oauth2/get_token",
            "https://api.login.yahoo.com",
            "https://api.login.yahoo.com/openid/v1/certs",
            "https://api.login.yahoo.com/openid/v1/userinfo"));
  }
}
