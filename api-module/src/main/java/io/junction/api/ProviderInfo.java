package io.junction.api;

import java.util.List;
import java.util.Objects;

/**
 * What an administrator needs to know of a social network to configure it for a site. Each
 * connector holds its provider's one description.
 *
 * @param id the Gigya provider name ({@code odnoklassniki}, {@code facebook}, ...), lower case
 * @param displayName the network's name as people know it
 * @param usesPublicKey whether the network issues a public application key besides the app ID and
 *     secret (Odnoklassniki does)
 * @param defaultPermissions the permissions (scopes) requested when the site configures none
 * @param setupNotes what to create at the provider and what to paste where: which of its values are
 *     the application ID, public key and secret key, and where the callback goes
 */
public record ProviderInfo(
    String id,
    String displayName,
    boolean usesPublicKey,
    List<String> defaultPermissions,
    String setupNotes) {

  /** Validates and copies the arguments; the names and notes may not be blank. */
  public ProviderInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(setupNotes, "setupNotes");
    if (id.isBlank() || displayName.isBlank() || setupNotes.isBlank()) {
      throw new IllegalArgumentException("a provider needs an id, a display name and setup notes");
    }
    defaultPermissions = List.copyOf(defaultPermissions);
  }
}
