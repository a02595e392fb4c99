package io.junction.api;

/** A connector capability ({@link Capability#USER_ACTIONS}): posts a user action. */
public interface UserActionPublisher {

  /** Publishes the action; answers the provider's id of the new post, or null. */
  String publish(ProviderApp app, ProviderSession session, UserAction action);
}
