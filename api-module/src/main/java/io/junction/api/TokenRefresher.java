package io.junction.api;

/** A connector capability: the provider renews access tokens with a refresh token. */
public interface TokenRefresher {

  /**
   * New tokens for a refresh token. The answer keeps the old refresh token when the provider issues
   * none.
   */
  ProviderTokens refresh(ProviderApp app, String refreshToken);
}
