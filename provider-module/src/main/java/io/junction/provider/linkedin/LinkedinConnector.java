package io.junction.provider.linkedin;

import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * LinkedIn ("Sign In with LinkedIn using OpenID Connect"): no PKCE for web applications, a nonce
 * and the id_token checked against LinkedIn's keys.
 */
@ApplicationScoped
public class LinkedinConnector extends OidcConnector {

  static final ProviderInfo INFO = new ProviderInfo("linkedin", "LinkedIn", false, List.of("openid", "profile", "email"));

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://www.linkedin.com/oauth/v2/authorization";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://www.linkedin.com/oauth/v2/accessToken";
  }

  @Override
  protected String defaultIssuer() {
    return "https://www.linkedin.com/oauth";
  }

  @Override
  protected String defaultJwksUrl() {
    return "https://www.linkedin.com/oauth/openid/jwks";
  }

  @Override
  protected String defaultUserinfoUrl() {
    return "https://api.linkedin.com/v2/userinfo";
  }

  /** LinkedIn takes PKCE only from native clients. */
  @Override
  public boolean supportsPkce() {
    return false;
  }
}
