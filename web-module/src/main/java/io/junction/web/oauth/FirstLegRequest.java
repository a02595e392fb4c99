package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderInfo;
import io.junction.api.SocialConnector;
import io.junction.provider.ProviderCatalog;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import java.util.List;
import java.util.Locale;

/**
 * What socialize.login or socialize.addConnection asked of the provider, checked: the response
 * type, the site's state, the provider and its connector, extra permissions, display mode and
 * session expiration.
 */
record FirstLegRequest(
    String responseType,
    String state,
    ProviderInfo provider,
    SocialConnector connector,
    List<String> extraPermissions,
    String displayMode,
    Long sessionSeconds) {

  private static final List<String> DISPLAY_MODES = List.of("popup", "page", "touch");

  /** The longest state a site may send: it travels back in the redirect. */
  static final int MAX_STATE_LENGTH = 1024;

  /**
   * Reads and checks the parameters, in this order: response_type, state, the provider (named by
   * {@code providerParam}), x_extraPermissions, x_displayMode, x_session_expiration. Each refusal
   * is the Gigya error naming its parameter.
   */
  static FirstLegRequest read(ApiCall call, String providerParam, ProviderCatalog catalog) {
    String responseType = Parameters.required(call, "response_type");
    if (!responseType.equals("code") && !responseType.equals("token")) {
      throw new GigyaException(
          ErrorCode.INVALID_RESPONSE_TYPE, "response_type must be code or token");
    }
    String state = call.param("state");
    if (state != null && state.length() > MAX_STATE_LENGTH) {
      throw GigyaException.invalid("state", "longer than " + MAX_STATE_LENGTH + " characters");
    }
    String providerName = Parameters.required(call, providerParam);
    ProviderInfo info = Parameters.provider(catalog, providerName, providerParam);
    SocialConnector connector = catalog.require(info.id());
    List<String> extra = Parameters.permissionList(call, "x_extraPermissions");
    String displayMode = call.paramOrNull("x_displayMode");
    if (displayMode != null) {
      displayMode = displayMode.toLowerCase(Locale.ROOT);
      if (!DISPLAY_MODES.contains(displayMode)) {
        throw GigyaException.invalid("x_displayMode", "must be popup, page or touch");
      }
    }
    Long sessionSeconds = Parameters.sessionSeconds(call, "x_session_expiration");
    return new FirstLegRequest(
        responseType, state, info, connector, extra, displayMode, sessionSeconds);
  }
}
