package io.junction.provider.yahoojapan;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Yahoo! JAPAN (YConnect v2): OpenID Connect, with Gigya's {@code x_displayMode} as YConnect's
 * {@code display} (page, popup, touch).
 */
@ApplicationScoped
public class YahooJapanConnector extends OidcConnector {

  public YahooJapanConnector() {
    super(
        new ProviderInfo(
            "yahoojapan",
            "Yahoo! JAPAN",
            false,
            List.of("openid", "profile", "email"),
            "Yahoo! JAPAN Developer Network (e.yahoo.co.jp/dev): a client for a web application using YConnect v2; Client ID and Secret; the callback is the Callback URL."),
        new Endpoints(
            "https://auth.login.yahoo.co.jp/yconnect/v2/authorization",
            "https://auth.login.yahoo.co.jp/yconnect/v2/token",
            "https://auth.login.yahoo.co.jp/yconnect/v2",
            "https://auth.login.yahoo.co.jp/yconnect/v2/jwks",
            "https://userinfo.yahooapis.jp/yconnect/v2/attribute"));
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    params.put("display", request.displayMode() == null ? "page" : request.displayMode());
  }
}
