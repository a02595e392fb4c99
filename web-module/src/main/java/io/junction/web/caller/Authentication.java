package io.junction.web.caller;

import io.junction.api.ErrorCode;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.AdminCredentials;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.Secrets;
import io.junction.web.site.ApplicationKey;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * Makes the {@link Caller} of the current request, whichever way it proves itself, and refuses it
 * with the Gigya error of the first rule it breaks. See the package description for the ways.
 */
@RequestScoped
public class Authentication {

  private static final Logger LOG = Logger.getLogger(Authentication.class.getName());

  /** The permission an application key needs to obtain tokens at socialize.getToken. */
  public static final String GET_TOKEN = "socialize.getToken";

  @Inject ApiCall call;
  @Inject HttpServletRequest request;
  @Inject TokenService tokens;
  @Inject SiteService sites;
  @Inject AccountService accounts;
  @Inject Secrets secrets;
  @Inject RequestSignatures signatures;
  @Inject ApplicationJwts jwts;
  @Inject AdminCredentials adminCredentials;
  @Inject AdminLoginThrottle throttle;
  @Inject ClientAddress clientAddress;
  @Inject JunctionConfig config;

  /** The administrator this request proved, once it did. */
  private Administrator administrator;

  /** The caller of the current server method, checked against the method's {@link MethodAccess}. */
  public Caller serverMethod() {
    if (!MethodAccess.known(call.method())) {
      // A path the resources answer that names no method (a matrix parameter, say).
      throw new GigyaException(ErrorCode.NOT_FOUND, "No method at this path");
    }
    Caller c = authenticate();
    switch (MethodAccess.of(call.method())) {
      case USER -> requireAccount(c);
      case SERVER -> requireServer(c);
      case SERVER_ABOUT_USER -> {
        requireServer(c);
        if (c.account() == null) {
          throw GigyaException.missing("UID");
        }
      }
      case SITE -> {
        if (c.proof() == Proof.OAUTH_TOKEN) {
          throw new GigyaException(
              ErrorCode.PERMISSION_DENIED,
              call.method() + " takes the site's secret or an application key, not an oauth_token");
        }
      }
    }
    return c;
  }

  private static void requireAccount(Caller c) {
    if (c.account() == null) {
      if (c.proof() == Proof.OAUTH_TOKEN && c.token().kind() == OAuthToken.Kind.ANONYMOUS) {
        throw new GigyaException(
            ErrorCode.NO_VALID_SESSION, "The oauth_token belongs to no logged-in user");
      }
      throw GigyaException.missing("UID");
    }
  }

  private void requireServer(Caller c) {
    if (!c.server()) {
      throw new GigyaException(
          ErrorCode.PERMISSION_DENIED,
          call.method() + " takes the site's credentials, not a user's oauth_token");
    }
  }

  private Caller authenticate() {
    String jwt = bearerJwt();
    if (jwt != null) {
      onlyProof("oauth_token", "sig", "secret");
      String apiKey = call.paramOrNull("apiKey");
      if (apiKey == null) {
        throw GigyaException.missing("apiKey");
      }
      Site site = sites.forApi(apiKey);
      Caller caller =
          new Caller(site, Proof.JWT, applicationOfJwt(site, jwt), null, null, null, call.secure());
      requirePermission(caller);
      return caller.about(accountOfUid(site));
    }
    String token = oauthTokenValue();
    if (token != null) {
      return byToken(token);
    }
    String apiKey = call.paramOrNull("apiKey");
    if (apiKey == null) {
      throw GigyaException.missing("apiKey");
    }
    Site site = sites.forApi(apiKey);
    String userKey = call.paramOrNull("userKey");
    ApplicationKey application = userKey == null ? null : sites.application(site, userKey);
    Proof proof;
    if (application != null && application.rsa()) {
      throw call.paramOrNull("sig") != null
          ? new GigyaException(ErrorCode.INVALID_REQUEST_SIGNATURE, rsaKeyHasNoSecret(application))
          : new GigyaException(ErrorCode.INVALID_SECRET, rsaKeyHasNoSecret(application));
    }
    String secret = application == null ? sites.secretOf(site) : sites.secretOf(application);
    if (call.paramOrNull("sig") != null) {
      signatures.verify(call, site, secret, target());
      proof = Proof.SIGNATURE;
    } else if (call.param("secret") != null) {
      requireHttpsForSecret();
      if (!GigyaSignature.same(secret, call.param("secret"))) {
        throw new GigyaException(
            ErrorCode.INVALID_SECRET,
            "The secret is not the " + (application == null ? "site's" : "application key's"));
      }
      proof = Proof.SECRET;
    } else {
      throw GigyaException.missing("sig (with timestamp and nonce), secret or oauth_token");
    }
    Caller caller = new Caller(site, proof, application, null, null, null, call.secure());
    requirePermission(caller);
    return caller.about(accountOfUid(site));
  }

  private Caller byToken(String value) {
    OAuthToken t = validToken(value);
    Site site = sites.forApi(t.apiKey());
    ApplicationKey application = mintedBy(site, t);
    if (call.paramOrNull("sig") != null) {
      if (t.sessionSecretEncrypted() == null) {
        throw new GigyaException(
            ErrorCode.INVALID_REQUEST_SIGNATURE, "This session has no secret to sign with");
      }
      String sessionSecret =
          secrets.cipher().decrypt(t.sessionSecretEncrypted(), "session-secret:" + t.tokenHash());
      signatures.verify(call, site, sessionSecret, target());
    }
    Account account =
        switch (t.kind()) {
          case USER -> accounts.byId(t.accountId()).orElseThrow(Authentication::unknownUser);
          case SERVER -> accountOfUid(site);
          case ANONYMOUS -> null;
        };
    String uid = call.paramOrNull("UID");
    if (t.kind() == OAuthToken.Kind.USER && uid != null && !uid.equals(account.uid())) {
      throw unknownUser();
    }
    Caller caller =
        new Caller(site, Proof.OAUTH_TOKEN, application, t, value, account, call.secure());
    requirePermission(caller);
    return caller;
  }

  /**
   * The application key that minted the token, whose permissions bound it; 403005 when that key was
   * deleted, or when the site secret that minted it was replaced and the site ends such tokens.
   */
  private ApplicationKey mintedBy(Site site, OAuthToken t) {
    OAuthToken.Client client = t.client();
    if (client.siteSecret()
        && site.revokeTokensOnSecretRotation()
        && site.secretRotatedAt() != null
        && t.createdAt().isBefore(site.secretRotatedAt())) {
      throw new GigyaException(
          ErrorCode.UNAUTHORIZED_USER,
          "The site secret that issued this oauth_token has been replaced");
    }
    if (client.applicationKey() == null) {
      return null;
    }
    return sites
        .findApplication(site, client.applicationKey())
        .orElseThrow(
            () ->
                new GigyaException(
                    ErrorCode.UNAUTHORIZED_USER,
                    "The application key that issued this oauth_token has been deleted"));
  }

  /**
   * The caller of a browser flow that needs a session (socialize.addConnection): an oauth_token,
   * required, over HTTPS, known and unexpired. Its account is left to the flow, which links to it
   * at the callback.
   */
  public Caller browserToken() {
    String value = oauthTokenValue();
    if (value == null) {
      throw GigyaException.missing("oauth_token");
    }
    OAuthToken t = validToken(value);
    Site site = sites.siteOrInvalidKey(t.apiKey());
    Caller caller =
        new Caller(site, Proof.OAUTH_TOKEN, mintedBy(site, t), t, value, null, call.secure());
    requirePermission(caller);
    return caller;
  }

  /**
   * The client of socialize.getToken (HTTPS only): {@code client_id} with {@code client_secret} in
   * the form or in HTTP Basic, or an application key ({@code client_id} + {@code userKey} + {@code
   * secret}) that holds the permission {@value #GET_TOKEN}.
   */
  public Caller tokenClient() {
    String jwt = bearerJwt();
    if (jwt != null) {
      onlyProof("client_secret", "secret");
      String clientId = call.paramOrNull("client_id");
      String apiKey = call.paramOrNull("apiKey");
      if (clientId != null && apiKey != null && !clientId.equals(apiKey)) {
        throw GigyaException.invalid("apiKey", "names another site than client_id");
      }
      if (clientId == null && apiKey == null) {
        throw GigyaException.missing("client_id");
      }
      Site site = sites.forApi(clientId != null ? clientId : apiKey);
      Caller caller =
          new Caller(
              site,
              Proof.CLIENT_CREDENTIALS,
              applicationOfJwt(site, jwt),
              null,
              null,
              null,
              call.secure());
      requirePermission(caller);
      return caller;
    }
    BasicCredentials basic = BasicCredentials.of(authorization()).orElse(null);
    String clientId = basic != null ? basic.user() : call.paramOrNull("client_id");
    String userKey = basic != null ? null : call.paramOrNull("userKey");
    String clientSecret =
        basic != null
            ? basic.password()
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
    ApplicationKey application = null;
    if (userKey != null) {
      application = sites.application(site, userKey);
      if (application.rsa()) {
        throw new GigyaException(ErrorCode.INVALID_SECRET, rsaKeyHasNoSecret(application));
      }
      if (!GigyaSignature.same(sites.secretOf(application), clientSecret)) {
        throw new GigyaException(ErrorCode.INVALID_SECRET, "secret is not the application key's");
      }
    } else if (!sites.secretMatches(site, clientSecret)
        && !(basic != null && sites.secretMatches(site, basic.formDecoded().password()))) {
      throw new GigyaException(ErrorCode.INVALID_SECRET, "client_secret is not the site's secret");
    }
    Caller caller =
        new Caller(site, Proof.CLIENT_CREDENTIALS, application, null, null, null, call.secure());
    requirePermission(caller);
    return caller;
  }

  /**
   * The administrator of the admin API and console, by HTTP Basic, in this order: over HTTPS only
   * (403006, HTTP 403) unless {@code junction.admin.allow-http} is set; not from an address locked
   * out by {@link AdminLoginThrottle} (403048, HTTP 429), whatever the credentials; 400008 without
   * readable credentials, 403005 for wrong ones (both answered with HTTP 401), each wrong pair
   * counting towards the lockout of the client's address. Proven once per request: later calls
   * answer the same administrator.
   */
  public Administrator administrator() {
    if (administrator != null) {
      return administrator;
    }
    if (!administratorConnection()) {
      throw new GigyaException(
          ErrorCode.SECRET_SENT_OVER_HTTP,
          "The admin API takes HTTPS only: the administrator's password must not travel in clear",
          403);
    }
    String client = clientAddress.of(request);
    long lockedOut = throttle.lockedOutSeconds(client);
    if (lockedOut > 0) {
      throw new AdministratorLockedOut(lockedOut);
    }
    BasicCredentials basic;
    try {
      basic =
          BasicCredentials.of(authorization())
              .orElseThrow(
                  () ->
                      new GigyaException(
                          ErrorCode.INVALID_AUTHENTICATION_HEADER,
                          "HTTP Basic credentials of the administrator are required"));
    } catch (GigyaException e) {
      throw new GigyaException(e.code(), e.details(), 401);
    }
    if (!adminCredentials.matches(basic.user(), basic.password())) {
      LOG.warning(call + " administrator login refused: wrong user name or password");
      throttle.failed(client);
      throw new GigyaException(ErrorCode.UNAUTHORIZED_USER, "Wrong user name or password", 401);
    }
    administrator = new Administrator(basic.user(), clientAddress.address(request));
    return administrator;
  }

  /**
   * Whether this connection may carry the administrator's calls and pages: HTTPS (directly or from
   * a trusted proxy, as {@link ApiCall#secure()} says), or any when {@code
   * junction.admin.allow-http} is set.
   */
  public boolean administratorConnection() {
    return call.secure() || config.adminAllowHttp();
  }

  /**
   * The oauth_token of the call (parameter, or OAuth/Bearer header), or null when none. A Bearer
   * value that is a JWT is an application key's proof ({@link #bearerJwt}), not an oauth_token.
   */
  String oauthTokenValue() {
    String token = call.paramOrNull("oauth_token");
    if (token == null) {
      String auth = authorization();
      if (auth != null) {
        String a = auth.trim();
        if (a.regionMatches(true, 0, "OAuth ", 0, 6)) {
          token = a.substring(6).trim();
        } else if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
          token = a.substring(7).trim();
          if (ApplicationJwt.isJws(token)) {
            token = null;
          }
        }
      }
    }
    return token == null || token.isEmpty() ? null : token;
  }

  /**
   * The JWT of an application key in {@code Authorization: Bearer}, as GSAuthRequest sends it, or
   * null when the call has none. Junction's oauth_tokens ({@code jt1.} and 43 characters) never
   * hold the two dots of a JWT, so the two cannot be mistaken for each other.
   */
  String bearerJwt() {
    String auth = authorization();
    if (auth == null) {
      return null;
    }
    String a = auth.trim();
    if (!a.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String value = a.substring(7).trim();
    return ApplicationJwt.isJws(value) ? value : null;
  }

  /**
   * The application key that signed the call's JWT, every check passed and its jti used up ({@link
   * ApplicationJwts}); then 403006 over plain HTTP. A JWT is a bearer credential bound to no
   * parameter of the call, so whoever saw it in transit could use it for any call the key may make
   * until its iat is stale: it is accepted over HTTPS only, and one sent in clear is used up, so
   * that it cannot be replayed over HTTPS either.
   */
  private ApplicationKey applicationOfJwt(Site site, String compact) {
    ApplicationJwt jwt = ApplicationJwt.parse(compact);
    String userKey = call.paramOrNull("userKey");
    if (userKey != null && !userKey.equals(jwt.kid())) {
      throw GigyaException.invalid("userKey", "is not the application key of the JWT (its kid)");
    }
    ApplicationKey key = jwts.verify(site, jwt);
    if (!call.secure()) {
      throw new GigyaException(
          ErrorCode.SECRET_SENT_OVER_HTTP,
          "An application key's JWT is accepted over HTTPS only; this one is now used up");
    }
    return key;
  }

  /** 400006 when the call carries another proof beside the JWT: one proof per call. */
  private void onlyProof(String... others) {
    for (String other : others) {
      if (call.paramOrNull(other) != null) {
        throw GigyaException.invalid(
            other, "the call carries a JWT in Authorization: Bearer; one proof per call");
      }
    }
  }

  private static String rsaKeyHasNoSecret(ApplicationKey key) {
    return "The application key "
        + key.userKey()
        + " is an RSA key: it has no secret, and proves itself with a JWT signed by its private"
        + " key (Authorization: Bearer)";
  }

  private OAuthToken validToken(String value) {
    if (!call.secure()) {
      throw new GigyaException(
          ErrorCode.INVALID_TOKEN, "invalid_token: oauth_token must be sent over HTTPS");
    }
    return tokens.authenticate(value);
  }

  private void requireHttpsForSecret() {
    if (!call.secure()) {
      throw new GigyaException(
          ErrorCode.SECRET_SENT_OVER_HTTP, "A secret in clear is accepted over HTTPS only");
    }
  }

  private void requirePermission(Caller caller) {
    String method = call.method();
    if (!caller.permits(method)) {
      throw new GigyaException(
          ErrorCode.PERMISSION_DENIED, "The application key may not call " + method);
    }
  }

  private Account accountOfUid(Site site) {
    String uid = call.paramOrNull("UID");
    if (uid == null) {
      return null;
    }
    return accounts.byUid(site.apiKey(), uid).orElseThrow(Authentication::unknownUser);
  }

  private String authorization() {
    return request.getHeader("Authorization");
  }

  private RequestSignatures.Target target() {
    return new RequestSignatures.Target(
        request.getServerName(),
        request.getServerPort(),
        request.getRequestURI(),
        request.getHeader("Host"));
  }

  private static GigyaException unknownUser() {
    return new GigyaException(ErrorCode.UNAUTHORIZED_USER, "The UID is not a user of this site");
  }
}
