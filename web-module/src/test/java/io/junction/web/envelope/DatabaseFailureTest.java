package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean the database cannot be used now (500028), and which are bugs or races. */
class DatabaseFailureTest {

  private static SQLException databaseFailure(Throwable e) {
    return ExceptionMappers.Unexpected.databaseFailure(e);
  }

  @Test
  void aRefusedOrLostConnectionDeepInsideIsTheDatabasesFailure() {
    SQLException refused = new SQLException("Connection refused", "08001");
    assertSame(
        refused,
        databaseFailure(
            new PersistenceException("query failed", new RuntimeException("wrapped", refused))));
    SQLException shutdown = new SQLException("terminating connection", "57P01");
    assertSame(shutdown, databaseFailure(new PersistenceException(shutdown)));
    SQLException poolTimeout = new SQLTransientConnectionException("no connection in 4 s");
    assertSame(poolTimeout, databaseFailure(new IllegalStateException(poolTimeout)));
  }

  @Test
  void constraintsDeadlocksAndOtherFailuresAreNot() {
    assertNull(databaseFailure(new PersistenceException(new SQLException("syntax", "42601"))));
    assertNull(
        databaseFailure(new SQLIntegrityConstraintViolationException("duplicate key", "23505")));
    assertNull(databaseFailure(new SQLTransactionRollbackException("deadlock", "40P01")));
    assertNull(databaseFailure(new IllegalStateException("no SQL here")));
  }
}
