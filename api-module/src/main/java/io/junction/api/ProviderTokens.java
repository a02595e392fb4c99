package io.junction.api;

import java.util.Map;

/**
 * Tokens a provider issued.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, or null
 * @param expiresIn seconds until the access token expires, or null when the provider did not say
 * @param extras other values of the token response a connector needs later (VK's user_id and email,
 *     QQ's openid, ...)
 */
public record ProviderTokens(
    String accessToken, String refreshToken, Long expiresIn, Map<String, String> extras) {

  public ProviderTokens {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new IllegalArgumentException("accessToken is required");
    }
    extras = Map.copyOf(extras);
  }

  @Override
  public String toString() {
    return "ProviderTokens[accessToken=****, refreshToken="
        + (refreshToken == null ? "none" : "****")
        + ", expiresIn="
        + expiresIn
        + "]";
  }
}
