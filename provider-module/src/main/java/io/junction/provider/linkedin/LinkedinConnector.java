package io.junction.provider.linkedin;

import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * LinkedIn ("Sign In with LinkedIn using OpenID Connect"): a nonce and the id_token checked against
 * LinkedIn's keys; no PKCE, which LinkedIn takes from native clients only.
 */
@ApplicationScoped
public class LinkedinConnector extends OidcConnector {

  public LinkedinConnector() {
    super(
        new ProviderInfo(
            "linkedin",
            "LinkedIn",
            false,
            List.of("openid", "profile", "email"),
            "LinkedIn Developers: an app with the 'Sign In with LinkedIn using OpenID Connect' product; Client ID and Primary Client Secret; the callback is an Authorized redirect URL."),
        new Endpoints(
            "https://www.linkedin.com/oauth/v2/authorization",
            "https://www.linkedin.com/oauth/v2/accessToken",
            "https://www.linkedin.com/oauth",
            "https://www.linkedin.com/oauth/openid/jwks",
            "https://api.linkedin.com/v2/userinfo"));
  }

  @Override
  public boolean supportsPkce() {
    return false;
  }
}
