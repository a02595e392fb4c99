package io.junction.web.rest.socialize;

import io.junction.api.ErrorCode;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.oauth.AuthorizationCode;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.GigyaSignature;
import io.junction.web.site.ApplicationKey;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.getToken, the OAuth 2.0 token endpoint (HTTPS, POST): {@code authorization_code},
 * {@code none} (an anonymous session) and {@code client_credentials} (with {@code x_siteUID}, a
 * session of the site's own user). The client authenticates with client_id and client_secret in the
 * body or with HTTP Basic.
 */
@Path("socialize.getToken")
@RequestScoped
@Tag(name = "Socialize")
public class GetTokenResource {

  @Inject ApiCall call;
  @Inject SiteService sites;
  @Inject TokenService tokens;
  @Inject AccountService accounts;

  @Context HttpHeaders headers;

  /**
   * One transaction; a refusal does not roll it back, so a code presented with the wrong
   * redirect_uri or client stays burnt.
   */
  @POST
  @Transactional(dontRollbackOn = GigyaException.class)
  @Operation(summary = "Exchange a code, or open an anonymous or site-user session")
  public Response token() {
    String[] basic = basicCredentials();
    String clientId = basic != null ? basic[0] : call.paramOrNull("client_id");
    String userKey = basic != null ? null : call.paramOrNull("userKey");
    // The third client authentication of the protocol: client_id + userKey + secret (an
    // application key), for grant_type none and client_credentials.
    String clientSecret =
        basic != null
            ? basic[1]
            : userKey != null ? call.param("secret") : call.param("client_secret");
    if (!call.secure()) {
      throw clientSecret != null
          ? new GigyaException(
              ErrorCode.SECRET_SENT_OVER_HTTP, "socialize.getToken takes HTTPS only")
          : new GigyaException(
              ErrorCode.INVALID_REQUEST_FORMAT, "socialize.getToken takes HTTPS only");
    }
    if (clientId == null) {
      throw GigyaException.missing("client_id");
    }
    Site site = sites.forApi(clientId);
    if (clientSecret == null) {
      throw GigyaException.missing(userKey != null ? "secret" : "client_secret");
    }
    String grant = call.paramOrNull("grant_type");
    if (userKey != null) {
      ApplicationKey application = sites.application(site, userKey);
      if (!GigyaSignature.same(sites.secretOf(application), clientSecret)) {
        throw new GigyaException(ErrorCode.INVALID_SECRET, "secret is not the application key's");
      }
      if ("authorization_code".equals(grant)) {
        throw new GigyaException(
            ErrorCode.UNSUPPORTED_GRANT_TYPE,
            "an application key takes grant_type none or client_credentials");
      }
    } else if (!sites.secretMatches(site, clientSecret)) {
      throw new GigyaException(ErrorCode.INVALID_SECRET, "client_secret is not the site's secret");
    }
    if (grant == null) {
      throw GigyaException.missing("grant_type");
    }
    TokenService.Issued issued =
        switch (grant) {
          case "authorization_code" -> {
            String code = call.paramOrNull("code");
            if (code == null) {
              throw GigyaException.missing("code");
            }
            String redirectUri = call.paramOrNull("redirect_uri");
            if (redirectUri == null) {
              throw GigyaException.missing("redirect_uri");
            }
            AuthorizationCode c = tokens.redeemCode(site.apiKey(), code, redirectUri);
            yield tokens.issueToken(
                site.apiKey(), c.accountId(), OAuthToken.Kind.USER, c.sessionSeconds());
          }
          case "none" ->
              tokens.issueToken(site.apiKey(), null, OAuthToken.Kind.ANONYMOUS, sessionSeconds());
          case "client_credentials" -> {
            String siteUid = Parameters.siteUid(call, "x_siteUID");
            if (siteUid == null) {
              yield tokens.issueToken(
                  site.apiKey(), null, OAuthToken.Kind.SERVER, sessionSeconds());
            }
            Account account = accounts.siteUser(site.apiKey(), siteUid);
            yield tokens.issueToken(
                site.apiKey(), account.id(), OAuthToken.Kind.USER, sessionSeconds());
          }
          default ->
              throw new GigyaException(
                  ErrorCode.UNSUPPORTED_GRANT_TYPE,
                  "grant_type must be authorization_code, none or client_credentials");
        };
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("access_token", issued.token());
    data.put("expires_in", issued.expiresIn());
    return Response.fromResponse(Envelope.ok(call, data))
        .header("Cache-Control", "no-store")
        .build();
  }

  private Long sessionSeconds() {
    return Parameters.sessionSeconds(call, "x_sessionExpiration");
  }

  private String[] basicCredentials() {
    String auth = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException();
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      throw new GigyaException(
          ErrorCode.INVALID_AUTHENTICATION_HEADER, "The Basic credentials cannot be read");
    }
  }
}
