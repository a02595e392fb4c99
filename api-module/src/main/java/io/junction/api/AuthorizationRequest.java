package io.junction.api;

import java.util.List;

/**
 * What a connector needs to build the provider's authorization URL.
 *
 * @param app the site's application at the provider
 * @param redirectUri the callback the provider must send the browser back to
 * @param state the unguessable, single-use value that ties the callback to this request
 * @param extraPermissions permissions the caller asked for on top of the configured ones
 * @param displayMode Gigya's {@code x_displayMode}: {@code popup}, {@code page} or {@code touch},
 *     or null
 * @param lang the user's language (a Gigya language code), or null
 * @param codeChallenge the PKCE S256 challenge, or null
 * @param nonce the OpenID Connect nonce the id_token must carry back, or null
 */
public record AuthorizationRequest(
    ProviderApp app,
    String redirectUri,
    String state,
    List<String> extraPermissions,
    String displayMode,
    String lang,
    String codeChallenge,
    String nonce) {

  public AuthorizationRequest {
    extraPermissions = List.copyOf(extraPermissions);
  }
}
