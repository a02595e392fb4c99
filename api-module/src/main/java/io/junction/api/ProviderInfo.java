package io.junction.api;

import java.util.List;
import java.util.Objects;

/**
 * What an administrator needs to know of a social network to configure it for a site.
 *
 * @param id the Gigya provider name ({@code odnoklassniki}, {@code facebook}, ...), lower case
 * @param displayName the network's name as people know it
 * @param usesPublicKey whether the network issues a public application key besides the app ID and
 *     secret (Odnoklassniki does)
 * @param defaultPermissions the permissions (scopes) requested when the site configures none
 */
public record ProviderInfo(
    String id, String displayName, boolean usesPublicKey, List<String> defaultPermissions) {

  /** Validates and copies the arguments. */
  public ProviderInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    defaultPermissions = List.copyOf(defaultPermissions);
  }
}
