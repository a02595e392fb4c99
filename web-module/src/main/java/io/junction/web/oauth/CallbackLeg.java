package io.junction.web.oauth;

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
import io.junction.web.account.GrantedScopes;
import io.junction.web.account.SocialIdentity;
import io.junction.web.db.Contention;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.security.RedirectUris;
import io.junction.web.security.Secrets;
import io.junction.web.telemetry.JunctionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The callback at /GS/GSLogin.aspx, where every provider sends the browser back: claims the pending
 * authorization of the state, exchanges the code, reads the profile, links the identity (a login or
 * a connection), and sends the browser back to the site's redirect_uri with the code or token, or
 * with the error. A login whose browser holds guest connections the site merges only on the user's
 * word answers instead with a page that asks ({@link ConfirmationPages}; {@link ConfirmationLeg}
 * takes the answer).
 *
 * <p>An unknown, used or expired state is answered directly (there is no trusted page to send it
 * to); every other failure travels to the flow's redirect_uri. A callback from another browser than
 * the one that started the flow is refused and leaves the flow in place for that browser.
 *
 * <p>Not a transaction: the database work is in {@link CallbackTransactions}, and the provider is
 * called between its transactions, never inside one.
 */
@ApplicationScoped
public class CallbackLeg {

  private static final Logger LOG = Logger.getLogger(CallbackLeg.class.getName());

  /** What providers answer (error=...) when the user refused or cancelled. */
  private static final List<String> DENIED =
      List.of("access_denied", "user_denied", "consent_required", "user_cancelled");

  /** The longest piece of a provider's error text passed on to the site. */
  private static final int MAX_PROVIDER_TEXT = 200;

  /** How long a browser may take at the provider: {@code junction.flow.lifetime-seconds}, 600. */
  @Inject
  @ConfigProperty(name = "junction.flow.lifetime-seconds", defaultValue = "600")
  long lifetimeSeconds;

  @Inject CallbackTransactions transactions;
  @Inject ProviderCatalog catalog;
  @Inject Secrets secrets;
  @Inject JunctionMetrics metrics;

  /**
   * /GS/GSLogin.aspx: the provider sent the browser back.
   *
   * @param flowCookie the browser cookie's value, or null
   * @param cookies every cookie of the request, by name (for the site's guest cookie)
   */
  public BrowserAnswer complete(ApiCall call, String flowCookie, Map<String, String> cookies) {
    String state = Parameters.required(call, "state");
    return complete(call, "state", state, flowCookie, cookies, p -> oauthAnswer(call, p));
  }

  /** What the provider's answer at the callback says: the user's profile and its tokens. */
  record ProviderAnswer(SocialProfile profile, ProviderTokens tokens) {}

  /** Reads and checks the provider's answer for a pending authorization claimed by its browser. */
  interface AnswerReader {
    ProviderAnswer read(PendingAuthorization p);
  }

  /**
   * Completes a flow whose pending authorization is named by {@code state} (the OAuth state, or a
   * SAML RelayState): claims it, checks that it has not expired and that the browser is the one
   * that started it, reads the provider's answer, links the identity and answers the site.
   */
  BrowserAnswer complete(
      ApiCall call,
      String stateParam,
      String state,
      String flowCookie,
      Map<String, String> cookies,
      AnswerReader reader) {
    CallbackTransactions.Claim claim =
        transactions
            .claim(state, flowCookie)
            .orElseThrow(
                () -> GigyaException.invalid(stateParam, "unknown, already used or expired"));
    PendingAuthorization p = claim.pending();
    call.lang(p.lang());
    call.apiKey(p.apiKey());
    return completeClaimed(call, claim, cookies, reader);
  }

  /** Counts a login or connection that ended, by its errorCode (0: linked). */
  private void count(PendingAuthorization p, ErrorCode code) {
    String outcome = Integer.toString(code.code());
    if (p.flow() == PendingAuthorization.Flow.LOGIN) {
      metrics.login(p.apiKey(), p.provider(), outcome);
    } else {
      metrics.connection(p.apiKey(), p.provider(), outcome);
    }
  }

  private BrowserAnswer completeClaimed(
      ApiCall call,
      CallbackTransactions.Claim claim,
      Map<String, String> cookies,
      AnswerReader reader) {
    PendingAuthorization p = claim.pending();
    try {
      if (claim.expired()) {
        throw new GigyaException(
            ErrorCode.SESSION_HAS_EXPIRED,
            "The browser took longer than " + lifetimeSeconds + " seconds at the provider");
      }
      if (!claim.ownBrowser()) {
        throw new GigyaException(
            ErrorCode.NO_USER_COOKIE,
            "The callback did not come from the browser that started the flow");
      }
      ProviderAnswer answer = reader.read(p);
      String guestKey = cookies.get(BrowserCookies.guestCookieName(p.apiKey()));
      BrowserAnswer done =
          p.flow() == PendingAuthorization.Flow.LOGIN
              ? loggedIn(p, answer.profile(), answer.tokens(), guestKey)
              : connected(call, p, answer.profile(), answer.tokens(), guestKey);
      count(p, ErrorCode.OK);
      return done;
    } catch (ProviderException e) {
      LOG.log(
          Level.WARNING, "{0} {1} failed: {2}", new Object[] {call, e.provider(), e.getMessage()});
      count(p, e.code());
      return ErrorRedirects.to(call, p.redirectUri(), p.responseType(), p.clientState(), e);
    } catch (GigyaException e) {
      count(p, e.code());
      return ErrorRedirects.to(call, p.redirectUri(), p.responseType(), p.clientState(), e);
    } catch (RuntimeException e) {
      // A database race that no retry covered (or a lock wait that ran out): the site hears of
      // it at redirect_uri, as of any other failure of the flow.
      if (!Contention.isLostRace(e)) {
        throw e;
      }
      LOG.log(Level.WARNING, "{0} lost a database race", call);
      return ErrorRedirects.to(
          call, p.redirectUri(), p.responseType(), p.clientState(), Contention.exhausted());
    }
  }

  /** An OAuth provider's answer: the code exchanged for tokens, and the profile read with them. */
  private ProviderAnswer oauthAnswer(ApiCall call, PendingAuthorization p) {
    String code = codeOrProviderError(call, p);
    SocialConnector connector = catalog.require(p.provider());
    ProviderApp app = transactions.app(p);
    String verifier =
        p.codeVerifierEncrypted() == null
            ? null
            : secrets.cipher().decrypt(p.codeVerifierEncrypted(), "pkce:" + p.stateHash());
    // The issuer the provider names in its answer (iss): the connector refuses a code that
    // comes from another provider than the one this flow went to.
    String issuer = call.paramOrNull("iss");
    ProviderTokens providerTokens =
        GrantedScopes.known(
            connector.exchangeCode(
                app, new CodeExchange(code, p.callbackUrl(), verifier, p.nonce(), issuer)),
            p.requestedScopes());
    return new ProviderAnswer(connector.fetchProfile(app, providerTokens), providerTokens);
  }

  /** The provider's code; the provider's own error (a refusal by the user, or another) refused. */
  private static String codeOrProviderError(ApiCall call, PendingAuthorization p) {
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
    return code;
  }

  private BrowserAnswer loggedIn(
      PendingAuthorization p, SocialProfile profile, ProviderTokens t, String guestKey) {
    CallbackTransactions.LoggedIn done =
        Contention.retry(() -> transactions.login(p, profile, t, guestKey));
    if (done.question() != null) {
      return guestMergePage(p, done);
    }
    List<NewCookie> cookies = new ArrayList<>();
    if (done.linked().guestConsumed()) {
      cookies.add(BrowserCookies.guestGone(p.apiKey()));
    }
    Map<String, String> params = new LinkedHashMap<>(done.params());
    params.put("state", p.clientState());
    return new BrowserRedirect(
        RedirectUris.append(p.redirectUri(), params, ErrorRedirects.inFragment(p.responseType())),
        cookies);
  }

  /** The page that asks whether the browser's guest connections join the account. */
  private BrowserPage guestMergePage(PendingAuthorization p, CallbackTransactions.LoggedIn done) {
    SocialIdentity me = done.linked().identity();
    List<ConfirmationPages.Network> networks = new ArrayList<>();
    for (SocialIdentity i : done.question().guestIdentities()) {
      networks.add(
          new ConfirmationPages.Network(
              displayName(i.provider()),
              ConfirmationPages.person(i.nickname(), i.firstName(), i.lastName(), i.email())));
    }
    return ConfirmationPages.guestMerge(
        p.lang(),
        done.question().value(),
        displayName(p.provider()),
        ConfirmationPages.person(me.nickname(), me.firstName(), me.lastName(), me.email()),
        networks,
        p.redirectUri(),
        List.of());
  }

  /** A provider's name as people know it. */
  private String displayName(String provider) {
    return catalog.resolve(provider).map(ProviderInfo::displayName).orElse(provider);
  }

  private BrowserRedirect connected(
      ApiCall call,
      PendingAuthorization p,
      SocialProfile profile,
      ProviderTokens t,
      String guestKey) {
    AccountService.Linked linked =
        Contention.retry(() -> transactions.connect(p, profile, t, guestKey));
    List<NewCookie> cookies = new ArrayList<>();
    if (linked.newGuestKey() != null) {
      cookies.add(BrowserCookies.guest(p.apiKey(), linked.newGuestKey()));
    }
    Map<String, String> params = Envelope.redirectFields(call, ErrorCode.OK, null);
    params.put("state", p.clientState());
    return new BrowserRedirect(
        RedirectUris.append(p.redirectUri(), params, ErrorRedirects.inFragment(p.responseType())),
        cookies);
  }

  private static String clip(String s) {
    return s.length() > MAX_PROVIDER_TEXT ? s.substring(0, MAX_PROVIDER_TEXT) : s;
  }
}
