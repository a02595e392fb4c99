package io.junction.provider.microsoft;

import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jakarta.json.JsonObject;

/**
 * Microsoft accounts (Gigya's {@code microsoft}, alias {@code messenger}): OpenID Connect at the
 * {@code common} endpoint, whose id_tokens name the user's tenant in their issuer
 * ({@code https://login.microsoftonline.com/{tid}/v2.0}); the issuer is checked with that tenant.
 */
@ApplicationScoped
public class MicrosoftConnector extends OidcConnector {

  static final ProviderInfo INFO = new ProviderInfo("microsoft", "Microsoft", false, List.of("openid", "profile", "email", "offline_access"));

  @Override
  public ProviderInfo info() {
    return INFO;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return "https://login.microsoftonline.com/common/oauth2/v2.0/authorize";
  }

  @Override
  protected String defaultTokenUrl() {
    return "https://login.microsoftonline.com/common/oauth2/v2.0/token";
  }

  @Override
  protected String defaultIssuer() {
    return "https://login.microsoftonline.com/{tenantid}/v2.0";
  }

  @Override
  protected String defaultJwksUrl() {
    return "https://login.microsoftonline.com/common/discovery/v2.0/keys";
  }

  @Override
  protected String defaultUserinfoUrl() {
    return "https://graph.microsoft.com/oidc/userinfo";
  }

  /** The configured issuer, with {@code {tenantid}} standing for the token's own {@code tid}. */
  @Override
  protected boolean issuerMatches(io.junction.api.ProviderApp app, String issuer, JsonObject claims) {
    String tid = claims.getString("tid", null);
    String expected = issuer();
    return expected.contains("{tenantid}")
        ? tid != null && expected.replace("{tenantid}", tid).equals(issuer)
        : expected.equals(issuer);
  }
}
