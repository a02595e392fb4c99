package io.junction.api;

import java.util.Objects;

/**
 * A user's profile at a provider, mapped to one shape for every network. Only {@code providerUid}
 * is always there; other fields are null when the provider did not give them.
 *
 * @param providerUid the user's stable id at the provider
 * @param nickname the display name
 * @param firstName given name
 * @param lastName family name
 * @param email e-mail address, when the provider shares it
 * @param photoUrl a profile picture
 * @param thumbnailUrl a small profile picture
 * @param profileUrl the user's page at the provider
 * @param gender {@code m}, {@code f} or {@code u}, as Gigya has it
 * @param birthday ISO date ({@code 1990-05-17}), or only the parts the provider gave
 * @param locale a locale tag ({@code ru_RU})
 */
public record SocialProfile(
    String providerUid,
    String nickname,
    String firstName,
    String lastName,
    String email,
    String photoUrl,
    String thumbnailUrl,
    String profileUrl,
    String gender,
    String birthday,
    String locale) {

  public SocialProfile {
    Objects.requireNonNull(providerUid, "providerUid");
    if (providerUid.isEmpty()) {
      throw new IllegalArgumentException("providerUid is empty");
    }
  }
}
