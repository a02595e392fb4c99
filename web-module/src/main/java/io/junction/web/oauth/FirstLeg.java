package io.junction.web.oauth;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.provider.ProviderCatalog;
import io.junction.web.account.GrantedScopes;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.saml.SamlRequests;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.security.Secrets;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import io.junction.web.social.SocialScopes;
import io.junction.web.telemetry.JunctionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first leg of socialize.login and socialize.addConnection: checks the request, makes it a
 * pending authorization bound to the browser by its browser cookie, sealed into the state sent to
 * the provider ({@link SealedStates}; stored under a fresh unguessable state for SAML and when the
 * sealed state would be too long), and sends the browser to the provider.
 *
 * <p>Until redirect_uri is known to be the site's, a refusal is answered directly; after that,
 * every failure, a provider's included, travels to redirect_uri (see {@link ErrorRedirects}).
 *
 * <p>Not a transaction: the database work is in {@link FirstLegTransactions} and {@link
 * PendingAuthorizations}, each short, and the provider's authorization URL (for an OpenID Connect
 * issuer, possibly a fetch of its discovery document) is built between them.
 */
@ApplicationScoped
public class FirstLeg {

  private static final Logger LOG = Logger.getLogger(FirstLeg.class.getName());

  /** How long a browser may take at the provider: {@code junction.flow.lifetime-seconds}, 600. */
  @Inject
  @ConfigProperty(name = "junction.flow.lifetime-seconds", defaultValue = "600")
  long lifetimeSeconds;

  @Inject FirstLegTransactions transactions;
  @Inject PendingAuthorizations pending;
  @Inject SiteService sites;
  @Inject ProviderCatalog catalog;
  @Inject TokenService tokens;
  @Inject Secrets secrets;
  @Inject JunctionMetrics metrics;
  @Inject SamlLegs samlLegs;
  @Inject SealedStates sealed;

  /** socialize.login: to the provider, or back to redirect_uri with an error. */
  public BrowserRedirect startLogin(ApiCall call, String flowCookie) {
    if (TokenService.purgeDue()) {
      tokens.purgeExpired();
    }
    FirstLegTransactions.Target target =
        transactions.target(
            Parameters.required(call, "client_id"), call.paramOrNull("redirect_uri"));
    return orErrorRedirect(
        call,
        target,
        PendingAuthorization.Flow.LOGIN,
        "x_provider",
        () -> begin(call, target, PendingAuthorization.Flow.LOGIN, null, "x_provider", flowCookie));
  }

  /**
   * socialize.addConnection, once the oauth_token is known good: for a user's token the identity
   * joins the user's account, for an anonymous one the browser's guest account.
   */
  public BrowserRedirect startConnect(ApiCall call, OAuthToken token, String flowCookie) {
    FirstLegTransactions.Target target =
        transactions.target(token.apiKey(), call.paramOrNull("redirect_uri"));
    String accountId = token.kind() == OAuthToken.Kind.USER ? token.accountId() : null;
    // Gigya's name for the parameter is provider; x_provider is accepted as socialize.login's.
    String providerParam = call.paramOrNull("x_provider") != null ? "x_provider" : "provider";
    return orErrorRedirect(
        call,
        target,
        PendingAuthorization.Flow.CONNECT,
        providerParam,
        () ->
            begin(
                call,
                target,
                PendingAuthorization.Flow.CONNECT,
                accountId,
                providerParam,
                flowCookie));
  }

  private BrowserRedirect orErrorRedirect(
      ApiCall call,
      FirstLegTransactions.Target target,
      PendingAuthorization.Flow flow,
      String providerParam,
      Supplier<BrowserRedirect> start) {
    String redirectUri = target.redirectUri();
    String responseType = call.paramOrNull("response_type");
    call.apiKey(target.site().apiKey());
    try {
      return start.get();
    } catch (GigyaException e) {
      count(call, target, flow, providerParam, e.code());
      return ErrorRedirects.to(call, redirectUri, responseType, call.param("state"), e);
    } catch (ProviderException e) {
      LOG.log(
          Level.WARNING, "{0} {1} failed: {2}", new Object[] {call, e.provider(), e.getMessage()});
      count(call, target, flow, providerParam, e.code());
      return ErrorRedirects.to(call, redirectUri, responseType, call.param("state"), e);
    }
  }

  /**
   * Counts a flow that ended before reaching the provider; its provider as named when it is one
   * Junction knows ({@code oidc} for any {@code oidc-<name>}), else {@code unknown}: the tag takes
   * no value a caller made up.
   */
  private void count(
      ApiCall call,
      FirstLegTransactions.Target target,
      PendingAuthorization.Flow flow,
      String providerParam,
      ErrorCode code) {
    String named = call.paramOrNull(providerParam);
    String provider =
        named == null
            ? null
            : catalog
                .resolve(named)
                .map(ProviderInfo::id)
                .map(id -> id.startsWith("oidc-") ? "oidc" : id)
                .orElse(null);
    String outcome = Integer.toString(code.code());
    if (flow == PendingAuthorization.Flow.LOGIN) {
      metrics.login(target.site().apiKey(), provider, outcome);
    } else {
      metrics.connection(target.site().apiKey(), provider, outcome);
    }
  }

  private BrowserRedirect begin(
      ApiCall call,
      FirstLegTransactions.Target target,
      PendingAuthorization.Flow flow,
      String accountId,
      String providerParam,
      String flowCookie) {
    Site site = target.site();
    sites.checkDataCenter(site);
    FirstLegRequest request = FirstLegRequest.read(call, providerParam, catalog);
    request.checkSitePolicy(site.allowImplicit(), site.requirePkce());
    FirstLegTransactions.Setup setup =
        transactions.setup(site, request.provider().id(), call.secure());

    // The browser keeps its id across flows, so that each of its pending authorizations (one per
    // tab) stays bound to it.
    String browser = BrowserCookies.browserIdOrNew(flowCookie);
    Flight f = new Flight(site, target, request, flow, accountId, browser, call.lang());
    String location;
    if (request.connector() == null) {
      // A SAML identity provider: a signed AuthnRequest, the state as RelayState (at most 80
      // bytes: too short to carry the flow, which is stored), its ID kept as the nonce that the
      // response's InResponseTo must name.
      String providerState = Randoms.urlSafe(32);
      SamlRequests.AuthnRedirect authn =
          samlLegs.authnRedirect(site.apiKey(), request.provider().id(), providerState);
      location = authn.location();
      pending.save(
          f.pending(
              Hashes.sha256Hex(providerState),
              samlLegs.acsUrl(site.apiKey()),
              null,
              authn.requestId(),
              null));
    } else {
      String verifier = request.connector().supportsPkce() ? Pkce.newVerifier() : null;
      String nonce = request.connector().usesNonce() ? Randoms.urlSafe(24) : null;
      List<String> extraPermissions =
          SocialScopes.extra(site, request.connector(), request.extraPermissions());
      String requestedScopes =
          GrantedScopes.join(request.connector().requestedScopes(setup.app(), extraPermissions));
      // The flow travels sealed in the state (nothing is written); when that state would be too
      // long, for Junction or for the provider, it is stored under a random state instead.
      String id = SealedStates.newId();
      PendingAuthorization p =
          f.pending(
              SealedStates.stateHash(id), setup.callbackUrl(), verifier, nonce, requestedScopes);
      String providerState =
          sealed
              .seal(id, p)
              .filter(s -> s.length() <= request.connector().maxStateLength())
              .orElse(null);
      PendingAuthorization stored = null;
      if (providerState == null) {
        providerState = Randoms.urlSafe(32);
        stored =
            f.pending(
                Hashes.sha256Hex(providerState),
                setup.callbackUrl(),
                verifier,
                nonce,
                requestedScopes);
      }
      // May call the provider (an OpenID Connect issuer's discovery document): outside any
      // transaction, and before anything is saved, so that a failure leaves nothing behind.
      location =
          request
              .connector()
              .authorizationUrl(
                  new AuthorizationRequest(
                      setup.app(),
                      setup.callbackUrl(),
                      providerState,
                      extraPermissions,
                      request.displayMode(),
                      call.lang(),
                      verifier == null ? null : Pkce.challenge(verifier),
                      nonce));
      if (stored != null) {
        pending.save(stored);
      }
    }
    return BrowserRedirect.toProvider(location, List.of(BrowserCookies.browser(browser)));
  }

  /** What every pending authorization of one first leg holds, whichever state it ends up under. */
  private final class Flight {
    private final Site site;
    private final FirstLegTransactions.Target target;
    private final FirstLegRequest request;
    private final PendingAuthorization.Flow flow;
    private final String accountId;
    private final String browser;
    private final String lang;
    private final Instant expiresAt = Instant.now().plusSeconds(lifetimeSeconds);

    Flight(
        Site site,
        FirstLegTransactions.Target target,
        FirstLegRequest request,
        PendingAuthorization.Flow flow,
        String accountId,
        String browser,
        String lang) {
      this.site = site;
      this.target = target;
      this.request = request;
      this.flow = flow;
      this.accountId = accountId;
      this.browser = browser;
      this.lang = lang;
    }

    PendingAuthorization pending(
        String stateHash,
        String callbackUrl,
        String verifier,
        String nonce,
        String requestedScopes) {
      return PendingAuthorization.builder()
          .stateHash(stateHash)
          .apiKey(site.apiKey())
          .provider(request.provider().id())
          .flow(flow)
          .accountId(accountId)
          .browserHash(Hashes.sha256Hex(browser))
          .redirectUri(target.redirectUri())
          .responseType(request.responseType())
          .clientState(request.state())
          .lang(lang)
          .sessionSeconds(request.sessionSeconds())
          .callbackUrl(callbackUrl)
          .codeVerifierEncrypted(
              verifier == null ? null : secrets.cipher().encrypt(verifier, "pkce:" + stateHash))
          .nonce(nonce)
          .clientCodeChallenge(request.codeChallenge())
          .requestedScopes(
              requestedScopes == null || requestedScopes.length() > 2000 ? null : requestedScopes)
          .expiresAt(expiresAt)
          .build();
    }
  }
}
