package io.junction.web.db;

import java.sql.SQLException;

/**
 * Unique-constraint violations: how Junction recognises that another request (or node) inserted the
 * same key first (see {@link Contention} for the retry of a lost race).
 */
public final class Constraints {

  private Constraints() {}

  /**
   * Whether a failure was caused by an integrity-constraint violation: an {@link SQLException}
   * anywhere in the cause chain whose SQLState is of class 23, as Derby and PostgreSQL both report
   * a duplicate key.
   */
  public static boolean isViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && s.getSQLState() != null
          && s.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
