package io.junction.web.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void aLostInsertRaceIsRunOnceMore() {
    AtomicInteger runs = new AtomicInteger();
    String result =
        Constraints.retryOnceOnViolation(
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw wrapped(new SQLException("dup", "23505"));
              }
              return "found the winner's row";
            });
    assertEquals("found the winner's row", result);
    assertEquals(2, runs.get());
  }

  @Test
  void otherFailuresAndASecondViolationAreNotRetried() {
    AtomicInteger runs = new AtomicInteger();
    RuntimeException other = new IllegalStateException("other");
    assertSame(
        other,
        assertThrows(
            IllegalStateException.class,
            () ->
                Constraints.retryOnceOnViolation(
                    () -> {
                      runs.incrementAndGet();
                      throw other;
                    })));
    assertEquals(1, runs.get());

    runs.set(0);
    assertThrows(
        RuntimeException.class,
        () ->
            Constraints.retryOnceOnViolation(
                () -> {
                  runs.incrementAndGet();
                  throw wrapped(new SQLException("dup", "23505"));
                }));
    assertEquals(2, runs.get());
  }
}
