package io.junction.web.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContentionTest {

  /** How JPA wraps a driver's failure: the SQLException a few causes down. */
  private static RuntimeException wrapped(SQLException e) {
    return new RuntimeException("persistence", new IllegalStateException("flush", e));
  }

  @Test
  void lostRacesAreRecognisedAnywhereInTheCauseChain() {
    assertTrue(Contention.isLostRace(wrapped(new SQLException("duplicate key", "23505"))));
    assertTrue(Contention.isLostRace(wrapped(new SQLException("Derby deadlock", "40001"))));
    assertTrue(Contention.isLostRace(wrapped(new SQLException("Derby lock timeout", "40XL1"))));
    assertTrue(Contention.isLostRace(wrapped(new SQLException("PostgreSQL deadlock", "40P01"))));
    assertTrue(Contention.isLostRace(wrapped(new SQLException("lock not available", "55P03"))));
    assertTrue(
        Contention.isLostRace(new RuntimeException(new OptimisticLockException("row changed"))));
    assertTrue(Contention.isLostRace(new Contention.Lost("moved")));
  }

  @Test
  void otherFailuresAreNotLostRaces() {
    assertFalse(Contention.isLostRace(wrapped(new SQLException("syntax", "42X01"))));
    assertFalse(Contention.isLostRace(wrapped(new SQLException("connection gone", "08006"))));
    assertFalse(Contention.isLostRace(wrapped(new SQLException("no state"))));
    assertFalse(Contention.isLostRace(new IllegalStateException("plain")));
    assertFalse(Contention.isLostRace(null));
  }

  @Test
  void aLostRaceRunsAgainUntilItWins() {
    AtomicInteger runs = new AtomicInteger();
    String result =
        Contention.retry(
            () -> {
              if (runs.incrementAndGet() < 4) {
                throw wrapped(new SQLException("deadlock", "40001"));
              }
              return "won";
            });
    assertEquals("won", result);
    assertEquals(4, runs.get());
  }

  @Test
  void whenEveryAttemptLosesTheAnswerIs409030NotA500() {
    AtomicInteger runs = new AtomicInteger();
    GigyaException e =
        assertThrows(
            GigyaException.class,
            () ->
                Contention.retry(
                    () -> {
                      runs.incrementAndGet();
                      throw wrapped(new SQLException("duplicate key", "23505"));
                    }));
    assertEquals(ErrorCode.CONCURRENT_UPDATES_NOT_ALLOWED, e.code());
    assertEquals(409, e.code().statusCode());
    assertEquals(Contention.ATTEMPTS, runs.get());
  }

  @Test
  void refusalsAndOtherFailuresAreNotRetried() {
    AtomicInteger runs = new AtomicInteger();
    GigyaException refusal = new GigyaException(ErrorCode.NOT_CONNECTED, "not connected");
    assertSame(
        refusal,
        assertThrows(
            GigyaException.class,
            () ->
                Contention.retry(
                    () -> {
                      runs.incrementAndGet();
                      throw refusal;
                    })));
    RuntimeException other = new IllegalStateException("other");
    assertSame(
        other,
        assertThrows(
            IllegalStateException.class,
            () ->
                Contention.retry(
                    () -> {
                      runs.incrementAndGet();
                      throw other;
                    })));
    assertEquals(2, runs.get());
  }
}
