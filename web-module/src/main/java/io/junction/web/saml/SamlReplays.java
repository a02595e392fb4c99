package io.junction.web.saml;

import io.junction.api.ErrorCode;
import io.junction.web.db.Constraints;
import io.junction.web.db.OncePerInterval;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Refuses an assertion seen before (in the database, so across nodes): each is recorded, one short
 * transaction, before its user is let in.
 */
@ApplicationScoped
public class SamlReplays {

  private static final OncePerInterval PURGE = new OncePerInterval(Duration.ofMinutes(5));

  @Inject SamlReplayLog recorder;

  /**
   * Whether the identity provider's assertion (or message) of this ID was accepted before at this
   * site: a replay, refused before anything else in it is looked at.
   */
  public boolean acceptedBefore(String apiKey, String idpEntityId, String id) {
    return recorder.seen(key(apiKey, idpEntityId, id));
  }

  private static String key(String apiKey, String idpEntityId, String id) {
    return Hashes.sha256Hex(apiKey + "\n" + idpEntityId + "\n" + id);
  }

  /**
   * Records an accepted assertion; 403004 when the same identity provider's assertion of that ID
   * was accepted before.
   */
  public void accept(String apiKey, String idpEntityId, SamlAssertion assertion) {
    accept(apiKey, idpEntityId, assertion.id(), assertion.keepUntil());
  }

  /**
   * Records an accepted message (a logout message) by its ID; 403004 when the same identity
   * provider's message of that ID was accepted before.
   */
  public void accept(String apiKey, String idpEntityId, String id, java.time.Instant keepUntil) {
    try {
      recorder.record(key(apiKey, idpEntityId, id), keepUntil, PURGE.due());
    } catch (RuntimeException e) {
      if (Constraints.isViolation(e)) {
        throw new GigyaException(
            ErrorCode.DUPLICATE_NONCE, "This SAML message was used before: a replay is refused");
      }
      throw e;
    }
  }
}
