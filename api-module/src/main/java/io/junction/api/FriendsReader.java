package io.junction.api;

import java.util.List;

/** A connector capability ({@link Capability#FRIENDS}): the user's friends at the provider. */
public interface FriendsReader {

  /** The user's friends, each as a profile (only {@code providerUid} is sure to be there). */
  List<SocialProfile> friends(ProviderApp app, ProviderSession session);
}
