package io.junction.api;

import java.util.Objects;

/**
 * A user's live session at a provider, for a call on the user's behalf.
 *
 * @param providerUid the user's id at the provider
 * @param accessToken the access token, in clear (never logged)
 */
public record ProviderSession(String providerUid, String accessToken) {

  public ProviderSession {
    Objects.requireNonNull(providerUid, "providerUid");
    Objects.requireNonNull(accessToken, "accessToken");
  }

  @Override
  public String toString() {
    return "ProviderSession[providerUid=" + providerUid + ", accessToken=****]";
  }
}
