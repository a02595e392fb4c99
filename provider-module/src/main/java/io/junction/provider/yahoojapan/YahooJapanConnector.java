package io.junction.provider.yahoojapan;

import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import io.junction.api.AuthorizationRequest;
import java.util.Map;

/**
 * Yahoo! JAPAN (YConnect v2): OpenID Connect, with Gigya's {@code x_displayMode} as YConnect's
 * {@code display} (page, popup, touch).
 */
@ApplicationScoped
public class YahooJapanConnector extends OidcConnector {

  static final ProviderInfo INFO = new ProviderInfo("yahoojapan", "Yahoo! JAPAN", false, List.of("openid", "profile", "email"));

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://auth.login.yahoo.co.jp/yconnect/v2/authorization";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://auth.login.yahoo.co.jp/yconnect/v2/token";
  }

  @Override
  protected String defaultIssuer() {
    return "https://auth.login.yahoo.co.jp/yconnect/v2";
  }

  @Override
  protected String defaultJwksUrl() {
    return "https://auth.login.yahoo.co.jp/yconnect/v2/jwks";
  }

  @Override
  protected String defaultUserinfoUrl() {
    return "https://userinfo.yahooapis.jp/yconnect/v2/attribute";
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    params.put("display", request.displayMode() == null ? "page" : request.displayMode());
  }
}
