package io.junction.web.oauth;

import io.junction.api.ProviderException;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.ProviderExceptionMapper;
import io.junction.web.security.RedirectUris;
import java.util.Map;

/**
 * How a browser flow refuses once the site's redirect_uri is known to be the site's: the browser
 * goes back there with errorCode, errorMessage (in the call's language), errorDetails, statusCode,
 * statusReason, callId, time and the site's state, in the query, or in the fragment for {@code
 * response_type=token}. Before redirect_uri is checked, a refusal is answered by Junction itself.
 */
public final class ErrorRedirects {

  private ErrorRedirects() {}

  /** The refusal {@code e}, sent to {@code redirectUri}. */
  public static BrowserRedirect to(
      ApiCall call, String redirectUri, String responseType, String state, GigyaException e) {
    Map<String, String> params = Envelope.redirectFields(call, e.code(), e.details());
    params.put("state", state);
    return BrowserRedirect.to(RedirectUris.append(redirectUri, params, inFragment(responseType)));
  }

  /** A failed provider call, sent to {@code redirectUri} with the provider's error code. */
  public static BrowserRedirect to(
      ApiCall call, String redirectUri, String responseType, String state, ProviderException e) {
    return to(call, redirectUri, responseType, state, ProviderExceptionMapper.of(e));
  }

  /** Whether the answer goes in the fragment: for {@code response_type=token}. */
  static boolean inFragment(String responseType) {
    return "token".equals(responseType);
  }
}
