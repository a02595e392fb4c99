package io.junction.web.db;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Unique-constraint violations: how Junction recognises that another request (or node) inserted the
 * same key first, and the one retry that then finds the winner's row.
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

  /**
   * Runs a unit of work that may lose an insert race on a unique key, and runs it once more when it
   * did: the second run finds the row the winner wrote. The work must be its own transaction (the
   * caller holds none), so that the failed attempt is rolled back before the retry.
   */
  public static <T> T retryOnceOnViolation(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (isViolation(e)) {
        return work.get();
      }
      throw e;
    }
  }
}
