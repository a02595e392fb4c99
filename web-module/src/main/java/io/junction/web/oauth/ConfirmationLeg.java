package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.web.db.Contention;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.security.Hashes;
import io.junction.web.security.RedirectUris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answer to a page of {@link ConfirmationPages}, posted to {@value ConfirmationPages#ACTION}:
 * the page's single-use value and the user's choice.
 *
 * <p>Without a value, or with one Junction does not know, the answer is refused directly (400002,
 * 400006). Otherwise every refusal travels to the flow's redirect_uri: an answer from another
 * browser than the one the page was shown to (403035; the question stays for that browser), an
 * answer to a page answered already (400006), a late one (403011).
 */
@ApplicationScoped
public class ConfirmationLeg {

  /** How long a page may wait for its answer: {@code junction.flow.lifetime-seconds}, 600. */
  @Inject
  @ConfigProperty(name = "junction.flow.lifetime-seconds", defaultValue = "600")
  long lifetimeSeconds;

  @Inject BrowserConfirmations confirmations;

  /**
   * Acts on an answer.
   *
   * @param browserCookie the browser cookie's value, or null
   */
  public BrowserRedirect answer(ApiCall call, String browserCookie) {
    String value = Parameters.required(call, ConfirmationPages.VALUE_FIELD);
    String choice = Parameters.required(call, ConfirmationPages.CHOICE_FIELD);
    BrowserConfirmation c =
        confirmations
            .find(value)
            .orElseThrow(
                () ->
                    GigyaException.invalid(
                        ConfirmationPages.VALUE_FIELD, "unknown, or the page has expired"));
    boolean yes = yes(c.kind(), choice);
    call.lang(c.lang());
    try {
      if (!Hashes.sameDigest(browserCookie, c.browserHash())) {
        throw new GigyaException(
            ErrorCode.NO_USER_COOKIE,
            "The answer did not come from the browser the page was shown to");
      }
      if (c.used()) {
        throw GigyaException.invalid(
            ConfirmationPages.VALUE_FIELD, "the page was answered already");
      }
      if (!c.expiresAt().isAfter(Instant.now())) {
        throw new GigyaException(
            ErrorCode.SESSION_HAS_EXPIRED,
            "The page waited longer than " + lifetimeSeconds + " seconds for an answer");
      }
      return switch (c.kind()) {
        case GUEST_MERGE -> loggedIn(call, c, yes);
        case CONNECT -> connect(call, c, yes);
      };
    } catch (GigyaException e) {
      return ErrorRedirects.to(call, c.redirectUri(), c.responseType(), c.clientState(), e);
    } catch (RuntimeException e) {
      if (!Contention.isLostRace(e)) {
        throw e;
      }
      return ErrorRedirects.to(
          call, c.redirectUri(), c.responseType(), c.clientState(), Contention.exhausted());
    }
  }

  /** Whether the choice goes on; 400006 for a choice the page did not offer. */
  private static boolean yes(BrowserConfirmation.Kind kind, String choice) {
    if (choice.equals(ConfirmationPages.CONTINUE)) {
      return true;
    }
    String no =
        kind == BrowserConfirmation.Kind.GUEST_MERGE
            ? ConfirmationPages.SKIP
            : ConfirmationPages.CANCEL;
    if (choice.equals(no)) {
      return false;
    }
    throw GigyaException.invalid(
        ConfirmationPages.CHOICE_FIELD, "must be " + ConfirmationPages.CONTINUE + " or " + no);
  }

  /**
   * The connection goes on to the provider, or back to the site with 200001 (the pending
   * authorization is left to expire: nobody knows its state).
   */
  private BrowserRedirect connect(ApiCall call, BrowserConfirmation c, boolean go) {
    confirmations.claim(c);
    if (!go) {
      return ErrorRedirects.to(
          call,
          c.redirectUri(),
          c.responseType(),
          c.clientState(),
          new GigyaException(ErrorCode.OPERATION_CANCELED, "The user cancelled the connection"));
    }
    return BrowserRedirect.to(confirmations.providerLocation(c));
  }

  /** The login goes on to the site, with or without the guest connections. */
  private BrowserRedirect loggedIn(ApiCall call, BrowserConfirmation c, boolean merge) {
    BrowserConfirmations.LoginAnswer done =
        Contention.retry(() -> confirmations.answerLogin(c, merge));
    Map<String, String> params = new LinkedHashMap<>(done.params());
    params.put("state", c.clientState());
    List<NewCookie> cookies =
        done.merged() ? List.of(BrowserCookies.guestGone(c.apiKey())) : List.of();
    return new BrowserRedirect(
        RedirectUris.append(c.redirectUri(), params, ErrorRedirects.inFragment(c.responseType())),
        cookies);
  }
}
