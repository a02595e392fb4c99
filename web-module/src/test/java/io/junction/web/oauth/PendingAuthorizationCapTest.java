package io.junction.web.oauth;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.testing.TestServices;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * First legs need no proof of anything, so the pending authorizations they write are capped per
 * site (here 3): the next one is refused with 400124 and nothing is written; expired ones do not
 * count, nor do other sites'; a callback that takes one away makes room.
 */
class PendingAuthorizationCapTest {

  private static TestServices app;
  private static PendingAuthorizations store;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    app.beans().config("junction.flow.max-pending-per-site", "3");
    store = app.get(PendingAuthorizations.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static PendingAuthorization pending(String apiKey, Instant expiresAt) {
    return PendingAuthorization.builder()
        .stateHash(Hashes.sha256Hex(Randoms.urlSafe(32)))
        .apiKey(apiKey)
        .provider("odnoklassniki")
        .flow(PendingAuthorization.Flow.LOGIN)
        .browserHash(Hashes.sha256Hex(Randoms.urlSafe(32)))
        .redirectUri("https://shop.example.com/after-login")
        .responseType("code")
        .callbackUrl("https://localhost/GS/GSLogin.aspx")
        .expiresAt(expiresAt)
        .build();
  }

  private static void save(PendingAuthorization p) {
    app.db()
        .transactional(
            PendingAuthorizations.class,
            "save",
            () -> {
              store.save(p);
              return null;
            });
  }

  private static boolean stored(PendingAuthorization p) {
    return app.db().transactional(PendingAuthorizations.class, "find", () -> exists(p));
  }

  private static boolean exists(PendingAuthorization p) {
    return app.db()
            .entityManager()
            .createQuery(
                "SELECT COUNT(p) FROM PendingAuthorization p WHERE p.stateHash = :h", Long.class)
            .setParameter("h", p.stateHash())
            .getSingleResult()
        == 1;
  }

  @Test
  void aSiteHoldsAtMostTheCapOfUnexpiredFlows() {
    String site = app.newSite().site().apiKey();
    String other = app.newSite().site().apiKey();
    Instant later = Instant.now().plusSeconds(600);
    save(pending(site, Instant.now().minusSeconds(1)));
    PendingAuthorization first = pending(site, later);
    save(first);
    save(pending(site, later));
    save(pending(site, later));

    PendingAuthorization refused = pending(site, later);
    assertRefused(ErrorCode.LIMIT_REACHED, () -> save(refused));
    assertTrue(!stored(refused), "a refused flow writes nothing");

    save(pending(other, later));

    app.db()
        .transactional(
            PendingAuthorizations.class,
            "delete",
            () -> {
              store.delete(first);
              return null;
            });
    save(pending(site, later));
  }
}
