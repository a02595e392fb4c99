package io.junction.web.rest.socialize;

import io.junction.api.ErrorCode;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The OAuth 2.0 credentials of a call: {@code oauth_token} as a parameter or in an
 * {@code Authorization: OAuth|Bearer} header, HTTPS only (403025 invalid_token otherwise).
 */
@RequestScoped
public class OAuthCredentials {

  @Inject ApiCall call;
  @Inject TokenService tokens;
  @Inject SiteService sites;
  @Inject AccountService accounts;

  /** Who a server method acts for: the site and, for user sessions, the account. */
  public record Caller(String token, OAuthToken record, Site site, Account account) {}

  /** The token of the call, or null when none was sent. */
  public String token(HttpHeaders headers) {
    String token = call.paramOrNull("oauth_token");
    if (token == null) {
      String auth = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
      if (auth != null) {
        String a = auth.trim();
        if (a.regionMatches(true, 0, "OAuth ", 0, 6)) {
          token = a.substring(6).trim();
        } else if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
          token = a.substring(7).trim();
        }
      }
    }
    return token == null || token.isEmpty() ? null : token;
  }

  /** The token's record; refuses a token sent over plain HTTP, unknown or expired. */
  public OAuthToken authenticate(HttpHeaders headers) {
    String token = token(headers);
    if (token == null) {
      throw GigyaException.missing("oauth_token");
    }
    if (!call.secure()) {
      throw new GigyaException(
          ErrorCode.INVALID_TOKEN, "invalid_token: oauth_token must be sent over HTTPS");
    }
    return tokens.authenticate(token);
  }

  /**
   * The caller of a user method: a user session's account, or with a server token the account of
   * the {@code UID} parameter. An anonymous session has no user (403012).
   */
  public Caller user(HttpHeaders headers) {
    OAuthToken t = authenticate(headers);
    Site site = sites.forApi(t.apiKey());
    String uid = call.paramOrNull("UID");
    Account account =
        switch (t.kind()) {
          case USER -> accounts.byId(t.accountId()).orElseThrow(() -> unknownUser());
          case SERVER -> {
            if (uid == null) {
              throw GigyaException.missing("UID");
            }
            yield accounts.byUid(site.apiKey(), uid).orElseThrow(() -> unknownUser());
          }
          case ANONYMOUS -> throw new GigyaException(ErrorCode.NO_VALID_SESSION, "The oauth_token belongs to no logged-in user");
        };
    if (uid != null && !uid.equals(account.uid())) {
      throw unknownUser();
    }
    return new Caller(token(headers), t, site, account);
  }

  private static GigyaException unknownUser() {
    return new GigyaException(ErrorCode.UNAUTHORIZED_USER, "The UID is not a user of this site");
  }
}
