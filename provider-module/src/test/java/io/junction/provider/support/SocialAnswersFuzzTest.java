package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.Album;
import io.junction.api.Contact;
import io.junction.api.ContactsReader;
import io.junction.api.FriendsReader;
import io.junction.api.Photo;
import io.junction.api.PhotoReader;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import io.junction.api.StatusPublisher;
import io.junction.api.UserAction;
import io.junction.api.UserActionPublisher;
import io.junction.provider.facebook.FacebookConnector;
import io.junction.provider.google.GoogleConnector;
import io.junction.provider.linkedin.LinkedinConnector;
import io.junction.provider.microsoft.MicrosoftConnector;
import io.junction.provider.odnoklassniki.OdnoklassnikiConnector;
import io.junction.provider.twitter.TwitterConnector;
import io.junction.provider.vkontakte.VkontakteConnector;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Whatever a provider answers to the social graph and publishing calls (friends, contacts, albums
 * and photos, a status, a user action), each connector that makes them answers lists whose entries
 * name what they are, or fails with a {@link ProviderException}: never another exception, which
 * would be a server error.
 *
 * <p>An input is a script of the provider's answers ({@link ScriptedHttp}) in the order of the
 * calls: friends, contacts, albums, the photos of an album, a status, a user action, each only when
 * the connector has that capability.
 */
class SocialAnswersFuzzTest {

  /** A fuzz test of a provider's answers, with the words such answers are made of. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @DictionaryEntries({
    "~~~",
    "\"response\":",
    "\"items\":",
    "\"data\":",
    "\"value\":",
    "\"users\":",
    "\"id\":",
    "\"uid\":",
    "\"error\":",
    "\"error_code\":",
    "\"next\":",
    "\"paging\":",
    "\"photos\":",
    "\"albums\":",
    "null",
    "[]",
    "{}"
  })
  @FuzzTest
  @interface SocialFuzzTest {}

  private static final ProviderApp APP =
      new ProviderApp("client-1", "CBAPUBLIC", "secret-1", List.of());
  private static final ProviderSession SESSION = new ProviderSession("uid-1", "at-1");
  private static final UserAction ACTION =
      new UserAction(
          "A title",
          "https://shop.example.com/item",
          "A description",
          "A message",
          List.of(),
          List.of());

  /** Runs every social call the connector makes against the scripted answers. */
  static void run(Supplier<? extends OAuth2Connector> make, byte[] input) {
    OAuth2Connector connector = make.get();
    new ScriptedHttp(ScriptedHttp.answers(new String(input, StandardCharsets.UTF_8)))
        .install(connector);
    if (connector instanceof FriendsReader r) {
      answers(
          () -> {
            for (SocialProfile p : r.friends(APP, SESSION)) {
              assertFalse(p.providerUid().isEmpty(), "a friend without a UID");
            }
          });
    }
    if (connector instanceof ContactsReader r) {
      answers(
          () -> {
            for (Contact c : r.contacts(APP, SESSION)) {
              assertNotNull(c);
            }
          });
    }
    if (connector instanceof PhotoReader r) {
      answers(
          () -> {
            for (Album a : r.albums(APP, SESSION)) {
              assertNotNull(a);
            }
          });
      answers(
          () -> {
            for (Photo p : r.photos(APP, SESSION, "album-1")) {
              assertNotNull(p);
            }
          });
    }
    if (connector instanceof StatusPublisher p) {
      answers(() -> p.setStatus(APP, SESSION, "Hello"));
    }
    if (connector instanceof UserActionPublisher p) {
      answers(() -> p.publish(APP, SESSION, ACTION));
    }
  }

  /** A call that returns, or fails as a provider's failure. */
  private static void answers(Runnable call) {
    try {
      call.run();
    } catch (ProviderException e) {
      assertNotNull(e.code());
      assertNotNull(e.provider());
      assertNotNull(e.getMessage());
    }
  }

  @SocialFuzzTest
  void odnoklassniki(byte[] input) {
    run(OdnoklassnikiConnector::new, input);
  }

  @SocialFuzzTest
  void vkontakte(byte[] input) {
    run(VkontakteConnector::new, input);
  }

  @SocialFuzzTest
  void facebook(byte[] input) {
    run(FacebookConnector::new, input);
  }

  @SocialFuzzTest
  void twitter(byte[] input) {
    run(TwitterConnector::new, input);
  }

  @SocialFuzzTest
  void google(byte[] input) {
    run(GoogleConnector::new, input);
  }

  @SocialFuzzTest
  void microsoft(byte[] input) {
    run(MicrosoftConnector::new, input);
  }

  @SocialFuzzTest
  void linkedin(byte[] input) {
    run(LinkedinConnector::new, input);
  }
}
