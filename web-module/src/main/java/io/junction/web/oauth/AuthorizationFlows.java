package io.junction.web.oauth;

import io.junction.api.AuthorizationRequest;
import io.junction.api.CodeExchange;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialConnector;
import io.junction.api.SocialProfile;
import io.junction.provider.ProviderCatalog;
import io.junction.web.account.AccountService;
import io.junction.web.config.JunctionConfig;
import io.junction.web.db.Constraints;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.security.RedirectUris;
import io.junction.web.security.Secrets;
import io.junction.web.site.ProviderConfig;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The browser flows of socialize.login and socialize.addConnection: the first leg (checks, a
 * pending authorization, the redirect to the provider) and the callback at /GS/GSLogin.aspx (code
 * exchange, profile, link, and the redirect back to the site).
 *
 * <p>Until redirect_uri is known to be the site's, a refusal is answered directly; after that,
 * every failure travels to redirect_uri with errorCode, errorMessage, callId and state.
 */
@ApplicationScoped
public class AuthorizationFlows {

  private static final Logger LOG = Logger.getLogger(AuthorizationFlows.class.getName());

  /** The cookie that binds a pending authorization to the browser that started it. */
  public static final String FLOW_COOKIE = "junction_flow";

  /** How long a browser may take at the provider: {@code junction.flow.lifetime-seconds}, 600. */
  @Inject
  @ConfigProperty(name = "junction.flow.lifetime-seconds", defaultValue = "600")
  long lifetimeSeconds;

  private static final List<String> DISPLAY_MODES = List.of("popup", "page", "touch");
  private static final List<String> DENIED =
      List.of("access_denied", "user_denied", "consent_required", "user_cancelled");

  @Inject SiteService sites;
  @Inject ProviderCatalog catalog;
  @Inject PendingAuthorizations pending;
  @Inject AccountService accounts;
  @Inject FlowSteps steps;
  @Inject TokenService tokens;
  @Inject Secrets secrets;
  @Inject JunctionConfig config;

  /** Where to send the browser, and the cookies to set on the way. */
  public record Outcome(String location, List<NewCookie> cookies) {}

  /** The name of a site's guest cookie. */
  public static String guestCookie(String apiKey) {
    return "jg_" + apiKey;
  }

  // ---- first leg -------------------------------------------------------------------------

  /** socialize.login: to the provider, or back to redirect_uri with an error. One transaction. */
  @Transactional
  public Outcome startLogin(ApiCall call, String flowCookie) {
    if (TokenService.purgeDue()) {
      tokens.purgeExpired();
    }
    String clientId = call.paramOrNull("client_id");
    if (clientId == null) {
      throw GigyaException.missing("client_id");
    }
    Site site = sites.siteOrInvalidKey(clientId);
    String redirectUri = RedirectUris.validate(call.paramOrNull("redirect_uri"), site.domains());
    return guarded(
        call,
        redirectUri,
        () ->
            begin(
                call,
                site,
                PendingAuthorization.Flow.LOGIN,
                null,
                "x_provider",
                redirectUri,
                flowCookie));
  }

  /** socialize.addConnection, once the oauth_token is known good. One transaction. */
  @Transactional
  public Outcome startConnect(ApiCall call, OAuthToken token, String flowCookie) {
    Site site = sites.siteOrInvalidKey(token.apiKey());
    String redirectUri = RedirectUris.validate(call.paramOrNull("redirect_uri"), site.domains());
    String accountId = token.kind() == OAuthToken.Kind.USER ? token.accountId() : null;
    String providerParam = call.paramOrNull("x_provider") != null ? "x_provider" : "provider";
    return guarded(
        call,
        redirectUri,
        () ->
            begin(
                call,
                site,
                PendingAuthorization.Flow.CONNECT,
                accountId,
                providerParam,
                redirectUri,
                flowCookie));
  }

  private Outcome guarded(ApiCall call, String redirectUri, Supplier<Outcome> start) {
    try {
      return start.get();
    } catch (GigyaException e) {
      String responseType = call.paramOrNull("response_type");
      boolean fragment = "token".equals(responseType);
      return new Outcome(
          errorRedirect(call, redirectUri, fragment, call.param("state"), e), List.of());
    }
  }

  private Outcome begin(
      ApiCall call,
      Site site,
      PendingAuthorization.Flow flow,
      String accountId,
      String providerParam,
      String redirectUri,
      String flowCookie) {
    sites.checkDataCenter(site);
    String responseType = call.paramOrNull("response_type");
    if (responseType == null) {
      throw GigyaException.missing("response_type");
    }
    if (!responseType.equals("code") && !responseType.equals("token")) {
      throw new GigyaException(
          ErrorCode.INVALID_RESPONSE_TYPE, "response_type must be code or token");
    }
    String state = call.param("state");
    if (state != null && state.length() > 1024) {
      throw GigyaException.invalid("state", "longer than 1024 characters");
    }
    String providerName = call.paramOrNull(providerParam);
    if (providerName == null) {
      throw GigyaException.missing(providerParam);
    }
    ProviderInfo info =
        catalog
            .resolve(providerName)
            .orElseThrow(
                () ->
                    GigyaException.invalid(
                        providerParam, "'" + providerName + "' is not a supported provider"));
    SocialConnector connector =
        catalog
            .connector(info.id())
            .orElseThrow(
                () ->
                    new GigyaException(
                        ErrorCode.NOT_SUPPORTED,
                        info.id() + " is not supported by this server yet"));
    List<String> extra = Parameters.permissionList(call, "x_extraPermissions");
    String displayMode = call.paramOrNull("x_displayMode");
    if (displayMode != null) {
      displayMode = displayMode.toLowerCase(Locale.ROOT);
      if (!DISPLAY_MODES.contains(displayMode)) {
        throw GigyaException.invalid("x_displayMode", "must be popup, page or touch");
      }
    }
    Long sessionSeconds = Parameters.sessionSeconds(call, "x_session_expiration");
    SiteService.ProviderSetup setup = sites.providerSetup(site, info.id());
    ProviderApp app = setup.app();
    String callback = callbackUrl(site, setup.config(), call.secure());

    String browser =
        flowCookie != null && flowCookie.length() >= 32 ? flowCookie : Randoms.urlSafe(32);
    String providerState = Randoms.urlSafe(32);
    String verifier = null;
    String challenge = null;
    if (connector.supportsPkce()) {
      verifier = Randoms.urlSafe(48);
      challenge = pkceChallenge(verifier);
    }
    String nonce = connector.usesNonce() ? Randoms.urlSafe(24) : null;
    pending.save(
        PendingAuthorization.builder()
            .stateHash(Hashes.sha256Hex(providerState))
            .apiKey(site.apiKey())
            .provider(info.id())
            .flow(flow)
            .accountId(accountId)
            .browserHash(Hashes.sha256Hex(browser))
            .redirectUri(redirectUri)
            .responseType(responseType)
            .clientState(state)
            .lang(call.lang())
            .sessionSeconds(sessionSeconds)
            .callbackUrl(callback)
            .codeVerifierEncrypted(
                verifier == null
                    ? null
                    : secrets.cipher().encrypt(verifier, "pkce:" + Hashes.sha256Hex(providerState)))
            .expiresAt(Instant.now().plusSeconds(lifetimeSeconds))
            .nonce(nonce)
            .build());
    String location =
        connector.authorizationUrl(
            new AuthorizationRequest(
                app, callback, providerState, extra, displayMode, call.lang(), challenge, nonce));
    return new Outcome(location, List.of(flowCookie(browser, lifetimeSeconds)));
  }

  /** The callback the provider returns to: Junction's, or the site's CNAME when enabled. */
  String callbackUrl(Site site, ProviderConfig p, boolean secureRequest) {
    String url;
    if (p.cnameEnabled() && site.cname() != null) {
      url =
          (p.secureRedirectsOnly() || secureRequest ? "https://" : "http://")
              + site.cname()
              + JunctionConfig.CALLBACK_PATH;
    } else {
      url = config.callbackUrl();
    }
    if (p.secureRedirectsOnly() && url.startsWith("http://")) {
      url = "https://" + url.substring("http://".length());
    }
    return url;
  }

  static String pkceChallenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- callback --------------------------------------------------------------------------

  /** /GS/GSLogin.aspx: the provider sent the browser back. */
  public Outcome complete(ApiCall call, String flowCookie, Map<String, String> cookies) {
    String state = call.paramOrNull("state");
    if (state == null) {
      throw GigyaException.missing("state");
    }
    PendingAuthorization p =
        steps
            .consume(state)
            .orElseThrow(() -> GigyaException.invalid("state", "unknown, already used or expired"));
    call.lang(p.lang());
    boolean fragment = p.responseType().equals("token");
    try {
      if (!p.expiresAt().isAfter(Instant.now())) {
        throw new GigyaException(
            ErrorCode.SESSION_HAS_EXPIRED,
            "The browser took longer than " + lifetimeSeconds + " seconds at the provider");
      }
      if (!Hashes.sameDigest(flowCookie, p.browserHash())) {
        throw new GigyaException(
            ErrorCode.NO_USER_COOKIE,
            "The callback did not come from the browser that started the flow");
      }
      String error = call.paramOrNull("error");
      if (error != null) {
        if (DENIED.contains(error.toLowerCase(Locale.ROOT))) {
          throw new GigyaException(
              ErrorCode.OPERATION_CANCELED, "The user did not grant access at " + p.provider());
        }
        String description = call.paramOrNull("error_description");
        throw new GigyaException(
            ErrorCode.PROVIDER_ERROR,
            p.provider()
                + " answered error="
                + clip(error)
                + (description == null ? "" : ": " + clip(description)));
      }
      String code = call.paramOrNull("code");
      if (code == null) {
        throw new GigyaException(ErrorCode.PROVIDER_ERROR, p.provider() + " returned no code");
      }
      SocialConnector connector =
          catalog
              .connector(p.provider())
              .orElseThrow(
                  () ->
                      new GigyaException(
                          ErrorCode.NOT_SUPPORTED,
                          p.provider() + " is not supported by this server"));
      ProviderApp app = steps.app(p);
      String verifier =
          p.codeVerifierEncrypted() == null
              ? null
              : secrets.cipher().decrypt(p.codeVerifierEncrypted(), "pkce:" + p.stateHash());
      ProviderTokens providerTokens =
          connector.exchangeCode(app, new CodeExchange(code, p.callbackUrl(), verifier, p.nonce()));
      SocialProfile profile = connector.fetchProfile(app, providerTokens);
      String guestKey = cookies.get(guestCookie(p.apiKey()));
      return p.flow() == PendingAuthorization.Flow.LOGIN
          ? loggedIn(call, p, profile, providerTokens, guestKey)
          : connected(call, p, profile, providerTokens, guestKey);
    } catch (ProviderException e) {
      LOG.log(
          Level.WARNING, "{0} {1} failed: {2}", new Object[] {call, e.provider(), e.getMessage()});
      return new Outcome(
          errorRedirect(
              call,
              p.redirectUri(),
              fragment,
              p.clientState(),
              new GigyaException(e.code(), e.getMessage())),
          List.of());
    } catch (GigyaException e) {
      return new Outcome(
          errorRedirect(call, p.redirectUri(), fragment, p.clientState(), e), List.of());
    }
  }

  private Outcome loggedIn(
      ApiCall call,
      PendingAuthorization p,
      SocialProfile profile,
      ProviderTokens t,
      String guestKey) {
    FlowSteps.LoggedIn done =
        Constraints.retryOnceOnViolation(() -> steps.login(p, profile, t, guestKey));
    List<NewCookie> cookies = new ArrayList<>();
    if (done.linked().guestConsumed()) {
      cookies.add(expired(guestCookie(p.apiKey())));
    }
    Map<String, String> params = new LinkedHashMap<>(done.params());
    boolean fragment = p.responseType().equals("token");
    params.put("state", p.clientState());
    return new Outcome(RedirectUris.append(p.redirectUri(), params, fragment), cookies);
  }

  private Outcome connected(
      ApiCall call,
      PendingAuthorization p,
      SocialProfile profile,
      ProviderTokens t,
      String guestKey) {
    AccountService.Linked linked =
        Constraints.retryOnceOnViolation(
            () -> accounts.connect(p.apiKey(), p.provider(), profile, t, p.accountId(), guestKey));
    List<NewCookie> cookies = new ArrayList<>();
    if (linked.newGuestKey() != null) {
      cookies.add(guestCookie(p.apiKey(), linked.newGuestKey()));
    }
    Map<String, String> params = Envelope.redirectFields(call, ErrorCode.OK, null);
    params.put("state", p.clientState());
    return new Outcome(
        RedirectUris.append(p.redirectUri(), params, p.responseType().equals("token")), cookies);
  }

  private static String errorRedirect(
      ApiCall call, String redirectUri, boolean fragment, String state, GigyaException e) {
    Map<String, String> params = Envelope.redirectFields(call, e.code(), e.details());
    params.put("state", state);
    return RedirectUris.append(redirectUri, params, fragment);
  }

  private static String clip(String s) {
    return s.length() > 200 ? s.substring(0, 200) : s;
  }

  // ---- cookies ---------------------------------------------------------------------------

  static NewCookie flowCookie(String value, long lifetimeSeconds) {
    return new NewCookie.Builder(FLOW_COOKIE)
        .value(value)
        .path("/GS")
        .maxAge((int) lifetimeSeconds)
        .secure(true)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  static NewCookie guestCookie(String apiKey, String value) {
    return new NewCookie.Builder(guestCookie(apiKey))
        .value(value)
        .path("/")
        .maxAge(365 * 24 * 3600)
        .secure(true)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  static NewCookie expired(String name) {
    return new NewCookie.Builder(name)
        .value("")
        .path("/")
        .maxAge(0)
        .secure(true)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
