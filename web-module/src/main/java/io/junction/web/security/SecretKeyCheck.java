package io.junction.web.security;

import io.junction.web.db.DatabaseMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Makes sure this node encrypts with the key the data was encrypted with. The first node to start
 * stores a check value (a constant encrypted with its key, bound to this purpose) in the database;
 * every node compares it at start. A node whose {@code junction.secret-key} differs refuses to
 * start: the application fails to deploy with a SEVERE log line saying why, and the readiness check
 * stays DOWN. Were the database unreachable at start, the check runs with the first readiness probe
 * that finds it.
 *
 * <p>A database written before the check existed holds no check value: its first site secret must
 * then decrypt with this node's key before the check value is written, so that a node with the
 * wrong key cannot be the one that decides.
 */
@Readiness
@ApplicationScoped
public class SecretKeyCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(SecretKeyCheck.class.getName());

  static final String PURPOSE = "secrets-at-rest";
  static final String CONTEXT = "secret-key-check:" + PURPOSE;
  static final String CONSTANT = "Junction secret key check, version 1";

  static final String MISMATCH_MESSAGE =
      "junction.secret-key is not the key this database's secrets were encrypted with: this node"
          + " refuses to start. Give every node the same junction.secret-key (JUNCTION_SECRET_KEY)"
          + " as the nodes that wrote the data.";

  /** What the comparison found. */
  public enum Result {
    /** Not compared yet: the database was not reachable. */
    UNCHECKED,
    /** The key is the data's key (or this node was the first and stored its check value). */
    MATCH,
    /** The key differs from the data's key. */
    MISMATCH
  }

  @Inject DatabaseMigrator db;
  @Inject Secrets secrets;

  private volatile Result result = Result.UNCHECKED;

  /** At start: a node with the wrong key fails to deploy. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (check() == Result.MISMATCH) {
      throw new IllegalStateException(MISMATCH_MESSAGE);
    }
  }

  @Override
  public HealthCheckResponse call() {
    Result r = check();
    return HealthCheckResponse.named("secret-key")
        .status(r == Result.MATCH)
        .withData(
            "key",
            switch (r) {
              case MATCH -> "the data's key";
              case MISMATCH -> "not the key the data was encrypted with";
              case UNCHECKED -> "not checked yet: the database is not ready";
            })
        .build();
  }

  /** Compares once the database is there; the answer is kept. Never throws. */
  public synchronized Result check() {
    if (result != Result.UNCHECKED) {
      return result;
    }
    if (!db.migrate()) {
      return Result.UNCHECKED;
    }
    try (Connection c = db.dataSource().getConnection()) {
      result = verify(c, secrets.cipher());
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot check junction.secret-key against the database yet: {0}", e);
      return Result.UNCHECKED;
    }
    if (result == Result.MISMATCH) {
      LOG.severe(MISMATCH_MESSAGE);
    }
    return result;
  }

  /** The comparison itself, on an auto-commit connection to a migrated database. */
  static Result verify(Connection c, SecretCipher cipher) throws SQLException {
    String stored = storedCheck(c);
    if (stored == null) {
      if (!decryptsExistingData(c, cipher)) {
        return Result.MISMATCH;
      }
      String mine = cipher.encrypt(CONSTANT, CONTEXT);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO secret_key_check (purpose, check_value, created_at) VALUES (?, ?, ?)")) {
        s.setString(1, PURPOSE);
        s.setString(2, mine);
        s.setTimestamp(3, Timestamp.from(Instant.now()));
        s.executeUpdate();
        return Result.MATCH;
      } catch (SQLException e) {
        if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
          throw e;
        }
        // Another node stored its check value first: compare with that one.
        stored = storedCheck(c);
        if (stored == null) {
          throw e;
        }
      }
    }
    return matches(stored, cipher) ? Result.MATCH : Result.MISMATCH;
  }

  static boolean matches(String stored, SecretCipher cipher) {
    try {
      return CONSTANT.equals(cipher.decrypt(stored, CONTEXT));
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static String storedCheck(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT check_value FROM secret_key_check WHERE purpose = ?")) {
      s.setString(1, PURPOSE);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /**
   * Whether this key decrypts the secret of a site already stored (true when there is none). Site
   * secrets are encrypted bound to "site-secret:" and the API key, as SiteService stores them.
   */
  private static boolean decryptsExistingData(Connection c, SecretCipher cipher)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT api_key, secret_enc FROM site")) {
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return true;
        }
        try {
          cipher.decrypt(r.getString(2), "site-secret:" + r.getString(1));
          return true;
        } catch (IllegalStateException e) {
          return false;
        }
      }
    }
  }
}
