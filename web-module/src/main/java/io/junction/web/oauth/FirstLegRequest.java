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
 * type, the site's state, the provider and its connector, extra permissions, display mode, session
 * expiration and the site's PKCE challenge. The connector is null for a SAML provider.
 */
record FirstLegRequest(
    String responseType,
    String state,
    ProviderInfo provider,
    SocialConnector connector,
    List<String> extraPermissions,
    String displayMode,
    Long sessionSeconds,
    String codeChallenge) {

  private static final List<String> DISPLAY_MODES = List.of("popup", "page", "touch");

  /** The longest state a site may send: it travels back in the redirect. */
  static final int MAX_STATE_LENGTH = 1024;

  /**
   * Reads and checks the parameters, in this order: response_type, state, the provider (named by
   * {@code providerParam}), x_extraPermissions, x_displayMode, x_session_expiration,
   * code_challenge_method and code_challenge (see {@link ClientPkce#challenge}). Each refusal is
   * the Gigya error naming its parameter.
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
    // A SAML identity provider has no connector: SamlLegs speaks SAML for it.
    SocialConnector connector =
        ProviderCatalog.isSaml(info.id()) ? null : catalog.require(info.id());
    List<String> extra = Parameters.permissionList(call, "x_extraPermissions");
    String displayMode = call.paramOrNull("x_displayMode");
    if (displayMode != null) {
      displayMode = displayMode.toLowerCase(Locale.ROOT);
      if (!DISPLAY_MODES.contains(displayMode)) {
        throw GigyaException.invalid("x_displayMode", "must be popup, page or touch");
      }
    }
    Long sessionSeconds = Parameters.sessionSeconds(call, "x_session_expiration");
    String codeChallenge =
        ClientPkce.challenge(
            call.paramOrNull("code_challenge"), call.paramOrNull("code_challenge_method"));
    return new FirstLegRequest(
        responseType, state, info, connector, extra, displayMode, sessionSeconds, codeChallenge);
  }

  /**
   * Checks the request against the site's flow policies: with {@code allowImplicit} false,
   * response_type=token is 400012; with {@code requirePkce}, response_type=token is 400012 too (the
   * implicit flow has no code to bind a challenge to) and a code without code_challenge is 400002.
   * A code_challenge with response_type=token is 400006: nothing would ever check it.
   */
  void checkSitePolicy(boolean allowImplicit, boolean requirePkce) {
    if (responseType.equals("token")) {
      if (!allowImplicit) {
        throw new GigyaException(
            ErrorCode.INVALID_RESPONSE_TYPE,
            "response_type=token is not allowed for this site: use response_type=code");
      }
      if (requirePkce) {
        throw new GigyaException(
            ErrorCode.INVALID_RESPONSE_TYPE,
            "this site requires PKCE, which response_type=token cannot carry: use"
                + " response_type=code with code_challenge");
      }
      if (codeChallenge != null) {
        throw GigyaException.invalid("code_challenge", "only with response_type=code");
      }
    } else if (requirePkce && codeChallenge == null) {
      throw new GigyaException(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          "Missing required parameter: code_challenge (this site requires PKCE with S256)");
    }
  }
}
