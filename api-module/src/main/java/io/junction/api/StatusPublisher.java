package io.junction.api;

/** A connector capability ({@link Capability#STATUS}): sets the user's status. */
public interface StatusPublisher {

  /** Publishes the status; answers the provider's id of the new post (or status), or null. */
  String setStatus(ProviderApp app, ProviderSession session, String status);
}
