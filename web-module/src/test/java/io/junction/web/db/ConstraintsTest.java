package io.junction.web.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

  /** How JPA wraps a driver's failure: the SQLException a few causes down. */
  private static RuntimeException wrapped(SQLException e) {
    return new RuntimeException("persistence", new IllegalStateException("flush", e));
  }

  @Test
  void aDuplicateKeyAnywhereInTheCauseChainIsAViolation() {
    // Derby's duplicate key and PostgreSQL's unique_violation.
    assertTrue(
        Constraints.isViolation(new SQLIntegrityConstraintViolationException("dup", "23505")));
    assertTrue(Constraints.isViolation(wrapped(new SQLException("dup", "23505"))));
    assertTrue(Constraints.isViolation(wrapped(new SQLException("fk", "23503"))));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(Constraints.isViolation(wrapped(new SQLException("deadlock", "40001"))));
    assertFalse(Constraints.isViolation(wrapped(new SQLException("no state"))));
    assertFalse(Constraints.isViolation(new IllegalStateException("plain")));
    assertFalse(Constraints.isViolation(null));
  }
}
