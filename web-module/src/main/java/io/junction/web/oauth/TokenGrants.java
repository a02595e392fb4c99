package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.web.account.AccountService;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The grants of socialize.getToken, for a client already authenticated: {@code authorization_code}
 * (the site's own secret only, with the code_verifier when the login carried a PKCE challenge),
 * {@code none} (an anonymous session) and {@code client_credentials} (a server session, or with
 * {@code x_siteUID} a session of the site's own user). One transaction; a refusal does not roll it
 * back, so a code presented with the wrong redirect_uri or client stays burnt.
 */
@ApplicationScoped
public class TokenGrants {

  @Inject TokenService tokens;
  @Inject AccountService accounts;

  /**
   * Issues the token the grant asks for; it records the client, whose limits then bound it. Codes
   * are redeemed with the site secret only, not with an application key.
   */
  @Transactional(dontRollbackOn = GigyaException.class)
  public TokenService.Issued grant(ApiCall call, Site site, OAuthToken.Client client) {
    String grant = call.paramOrNull("grant_type");
    if (client.applicationKey() != null && "authorization_code".equals(grant)) {
      throw new GigyaException(
          ErrorCode.UNSUPPORTED_GRANT_TYPE,
          "an application key takes grant_type none or client_credentials");
    }
    if (grant == null) {
      throw GigyaException.missing("grant_type");
    }
    return switch (grant) {
      case "authorization_code" -> {
        String code = Parameters.required(call, "code");
        String redirectUri = Parameters.required(call, "redirect_uri");
        AuthorizationCode c =
            tokens.redeemCode(site.apiKey(), code, redirectUri, call.paramOrNull("code_verifier"));
        // The token stays bound to the browser whose login issued the code.
        yield tokens.issueToken(
            site.apiKey(),
            c.accountId(),
            OAuthToken.Kind.USER,
            c.sessionSeconds(),
            client,
            c.browserHash());
      }
      case "none" ->
          tokens.issueToken(
              site.apiKey(), null, OAuthToken.Kind.ANONYMOUS, sessionSeconds(call), client);
      case "client_credentials" -> {
        String siteUid = Parameters.siteUid(call, "x_siteUID");
        yield siteUid == null
            ? tokens.issueToken(
                site.apiKey(), null, OAuthToken.Kind.SERVER, sessionSeconds(call), client)
            : tokens.issueToken(
                site.apiKey(),
                accounts.siteUser(site.apiKey(), siteUid).id(),
                OAuthToken.Kind.USER,
                sessionSeconds(call),
                client);
      }
      default ->
          throw new GigyaException(
              ErrorCode.UNSUPPORTED_GRANT_TYPE,
              "grant_type must be authorization_code, none or client_credentials");
    };
  }

  private static Long sessionSeconds(ApiCall call) {
    return Parameters.sessionSeconds(call, "x_sessionExpiration");
  }
}
