package io.junction.provider.microsoft;

import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Microsoft accounts (Gigya's {@code microsoft}; its aliases are the registry's): OpenID Connect at
 * the {@code common} endpoint, whose id_tokens name the user's tenant in their issuer ({@code
 * https://login.microsoftonline.com/{tid}/v2.0}); the issuer is checked with that tenant.
 */
@ApplicationScoped
public class MicrosoftConnector extends OidcConnector {

  /** Where the configured issuer names the user's tenant. */
  private static final String TENANT = "{tenantid}";

  public MicrosoftConnector() {
    super(
        new ProviderInfo(
            "microsoft",
            "Microsoft",
            false,
            List.of("openid", "profile", "email", "offline_access"),
            "Microsoft Entra admin center, App registrations: a Web platform app for accounts in any organization and personal Microsoft accounts; Application (client) ID and a client secret; the callback is a Web redirect URI."),
        new Endpoints(
            "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            "https://login.microsoftonline.com/{tenantid}/v2.0",
            "https://login.microsoftonline.com/common/discovery/v2.0/keys",
            "https://graph.microsoft.com/oidc/userinfo"));
  }

  /** The configured issuer, with {@code {tenantid}} standing for the token's own {@code tid}. */
  @Override
  protected boolean issuerMatches(ProviderApp app, String issuer, JsonObject claims) {
    String tid = claims.getString("tid", null);
    String expected = issuer(app);
    return expected.contains("{tenantid}")
        ? tid != null && expected.replace("{tenantid}", tid).equals(issuer)
        : expected.equals(issuer);
  }

  /**
   * An authorization response names the issuer of the user's tenant, unknown before the id_token:
   * with {@code {tenantid}} in the configured issuer, any one tenant in its place matches.
   */
  @Override
  protected boolean authorizationIssuerMatches(ProviderApp app, String iss) {
    String expected = issuer(app);
    int at = expected.indexOf(TENANT);
    if (at < 0) {
      return expected.equals(iss);
    }
    String prefix = expected.substring(0, at);
    String suffix = expected.substring(at + TENANT.length());
    return iss.length() > prefix.length() + suffix.length()
        && iss.startsWith(prefix)
        && iss.endsWith(suffix)
        && iss.substring(prefix.length(), iss.length() - suffix.length())
            .matches("[A-Za-z0-9.-]{1,100}");
  }
}
