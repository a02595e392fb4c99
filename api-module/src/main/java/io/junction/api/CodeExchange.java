package io.junction.api;

import java.util.Objects;

/**
 * What the callback hands a connector to turn the provider's code into tokens.
 *
 * @param code the authorization code the provider sent back
 * @param redirectUri the callback URL the authorization request named
 * @param codeVerifier the PKCE verifier of the request, or null
 * @param nonce the OpenID Connect nonce of the request, which the id_token must carry, or null
 */
public record CodeExchange(String code, String redirectUri, String codeVerifier, String nonce) {

  public CodeExchange {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }
}
