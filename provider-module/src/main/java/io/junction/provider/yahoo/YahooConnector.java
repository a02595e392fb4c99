package io.junction.provider.yahoo;

import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Yahoo: OpenID Connect at api.login.yahoo.com.
 */
@ApplicationScoped
public class YahooConnector extends OidcConnector {

  static final ProviderInfo INFO = new ProviderInfo("yahoo", "Yahoo", false, List.of("openid", "profile", "email"));

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://api.login.yahoo.com/oauth2/request_auth";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://api.login.yahoo.com/oauth2/get_token";
  }

  @Override
  protected String defaultIssuer() {
    return "https://api.login.yahoo.com";
  }

  @Override
  protected String defaultJwksUrl() {
    return "https://api.login.yahoo.com/openid/v1/certs";
  }

  @Override
  protected String defaultUserinfoUrl() {
    return "https://api.login.yahoo.com/openid/v1/userinfo";
  }
}
