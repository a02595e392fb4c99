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
}
