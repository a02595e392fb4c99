package io.junction.api;

import java.util.Objects;

/**
 * What the callback hands a connector to turn the provider's code into tokens.
 *
 * @param code the authorization code the provider sent back
 * @param redirectUri the callback URL the authorization request named
 * @param codeVerifier the PKCE verifier of the request, or null
 * @param nonce the OpenID Connect nonce of the request, which the id_token must carry, or null
 * @param issuer the issuer identifier the provider named in its authorization response (its {@code
 *     iss} parameter), or null when it named none. A connector that knows its provider's issuer
 *     refuses a code that came with another issuer before the code goes to any token endpoint: the
 *     browser was sent to one provider and came back from another (a mix-up).
 */
public record CodeExchange(
    String code, String redirectUri, String codeVerifier, String nonce, String issuer) {

  public CodeExchange {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }

  /** A code whose authorization response named no issuer. */
  public CodeExchange(String code, String redirectUri, String codeVerifier, String nonce) {
    this(code, redirectUri, codeVerifier, nonce, null);
  }
}
