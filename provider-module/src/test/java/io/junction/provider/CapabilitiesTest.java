package io.junction.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.junction.api.Capability;
import io.junction.api.ContactsReader;
import io.junction.api.FriendsReader;
import io.junction.api.PhotoReader;
import io.junction.api.SocialConnector;
import io.junction.api.StatusPublisher;
import io.junction.api.UserActionPublisher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connector's capability list names exactly the capability interfaces it implements. */
class CapabilitiesTest {

  private static final Map<Capability, Class<?>> INTERFACES =
      Map.of(
          Capability.FRIENDS, FriendsReader.class,
          Capability.CONTACTS, ContactsReader.class,
          Capability.STATUS, StatusPublisher.class,
          Capability.USER_ACTIONS, UserActionPublisher.class,
          Capability.PHOTOS, PhotoReader.class);

  @Test
  void everyListedCapabilityIsImplementedAndEveryImplementedOneListed() {
    for (SocialConnector c : Connectors.all()) {
      Map<Capability, List<String>> listed = c.capabilities();
      for (Capability cap : Capability.values()) {
        assertEquals(
            INTERFACES.get(cap).isInstance(c), listed.containsKey(cap), c.info().id() + " " + cap);
        if (listed.containsKey(cap)) {
          assertFalse(listed.get(cap).isEmpty(), c.info().id() + " " + cap + " needs scopes");
        }
      }
    }
  }
}
