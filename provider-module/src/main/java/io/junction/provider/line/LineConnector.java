package io.junction.provider.line;

import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * LINE Login v2.1: OpenID Connect with PKCE; id_tokens are ES256, checked against LINE's keys.
 */
@ApplicationScoped
public class LineConnector extends OidcConnector {

  static final ProviderInfo INFO = new ProviderInfo("line", "LINE", false, List.of("openid", "profile", "email"));

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://access.line.me/oauth2/v2.1/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://api.line.me/oauth2/v2.1/token";
  }

  @Override
  protected String defaultIssuer() {
    return "https://access.line.me";
  }

  @Override
  protected String defaultJwksUrl() {
    return "https://api.line.me/oauth2/v2.1/certs";
  }

  @Override
  protected String defaultUserinfoUrl() {
    return "https://api.line.me/oauth2/v2.1/userinfo";
  }
}
