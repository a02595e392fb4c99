package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.testing.TestServices;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An assertion is accepted once, the record kept in the database (so across nodes). */
class SamlReplaysTest {

  static TestServices services;
  static SamlReplays replays;

  @BeforeAll
  static void start() {
    services = TestServices.start();
    SamlReplayLog real = services.get(SamlReplayLog.class);
    replays = new SamlReplays();
    replays.recorder =
        new SamlReplayLog() {
          @Override
          public void record(String key, Instant keepUntil, boolean purge) {
            services
                .db()
                .transactional(
                    SamlReplayLog.class,
                    "record",
                    () -> {
                      real.record(key, keepUntil, purge);
                      return null;
                    });
          }
        };
    // Its lookup needs no transaction.
    replays.recorder.em = real.em;
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  static SamlAssertion assertion(String id, Instant keepUntil) {
    return new SamlAssertion(id, keepUntil, "u", null, null, Map.of());
  }

  @Test
  void aSecondUseOfAnAssertionIsRefused() {
    SamlAssertion a = assertion("_a1", Instant.now().plusSeconds(300));
    replays.accept("3_site", "https://idp", a);
    GigyaException e =
        assertThrows(GigyaException.class, () -> replays.accept("3_site", "https://idp", a));
    assertEquals(ErrorCode.DUPLICATE_NONCE, e.code());
    // The same ID from another identity provider or at another site is another assertion.
    replays.accept("3_site", "https://other-idp", a);
    replays.accept("3_other", "https://idp", a);
  }

  @Test
  void anAcceptedAssertionIsKnownAsAcceptedBefore() {
    assertFalse(replays.acceptedBefore("3_seen", "https://idp", "_s1"));
    replays.accept("3_seen", "https://idp", assertion("_s1", Instant.now().plusSeconds(300)));
    assertTrue(replays.acceptedBefore("3_seen", "https://idp", "_s1"));
    assertFalse(replays.acceptedBefore("3_seen", "https://other-idp", "_s1"));
    assertFalse(replays.acceptedBefore("3_other", "https://idp", "_s1"));
    assertFalse(replays.acceptedBefore("3_seen", "https://idp", "_s2"));
  }

  @Test
  void expiredRecordsArePurged() {
    replays.accept("3_p", "https://idp", assertion("_old", Instant.now().minusSeconds(10)));
    long before = services.db().count("SELECT COUNT(*) FROM saml_assertion_seen");
    services
        .db()
        .transactional(
            SamlReplayLog.class,
            "record",
            () -> {
              services
                  .get(SamlReplayLog.class)
                  .record("k-new", Instant.now().plusSeconds(60), true);
              return null;
            });
    long after = services.db().count("SELECT COUNT(*) FROM saml_assertion_seen");
    assertEquals(before, after, "one expired record gone, one new record in");
  }
}
