package io.junction.web.testing;

import io.junction.web.security.Nonces;
import java.time.Duration;

/**
 * {@link Nonces} with the transaction its {@code @Transactional} asks for (a new one, committed
 * whatever the calling method then does), as the server's interceptor runs it.
 */
final class TransactionalNonces extends Nonces {

  private final TestDatabase db;

  TransactionalNonces(TestDatabase db) {
    this.db = db;
  }

  @Override
  public void use(String apiKey, String nonce, Duration keep) {
    db.transactional(
        Nonces.class,
        "use",
        () -> {
          super.use(apiKey, nonce, keep);
          return null;
        });
  }

  @Override
  public void useJwtId(String apiKey, String jti, Duration keep) {
    db.transactional(
        Nonces.class,
        "useJwtId",
        () -> {
          super.useJwtId(apiKey, jti, keep);
          return null;
        });
  }
}
