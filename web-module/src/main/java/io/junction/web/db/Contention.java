package io.junction.web.db;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests that collide on the same rows: how Junction recognises that a transaction lost to
 * another one (on this node or another), and the bounded retry that runs it again.
 *
 * <p>Writers of an account's rows take the account's row lock first (accounts in the order of their
 * ids, then their identities), so concurrent requests for one user queue instead of deadlocking.
 * What still collides is settled by the database and retried here: two first logins of one identity
 * inserting it together (a unique-key violation; the retry finds the winner's row), a row changed
 * or removed under a transaction (an optimistic version check), and, as a last line, a deadlock or
 * a lock wait that ran out. When every attempt lost, the caller gets 409030 (Concurrent updates not
 * allowed), which a client may retry, never a 500.
 */
public final class Contention {

  private static final Logger LOG = Logger.getLogger(Contention.class.getName());

  /** How many times a unit of work runs at most. */
  public static final int ATTEMPTS = 6;

  /**
   * SQLStates of a lost race: 40001 (Derby's deadlock victim, PostgreSQL's serialization failure),
   * 40P01 (PostgreSQL's deadlock), 40XL1 and 40XL2 (Derby's lock wait timeout), 55P03 (PostgreSQL's
   * lock not available).
   */
  private static final Set<String> LOST = Set.of("40001", "40P01", "40XL1", "40XL2", "55P03");

  private Contention() {}

  /**
   * A transaction found, after taking its locks, that what it read before them changed meanwhile
   * (an identity moved to another account): it lost a race, and runs again.
   */
  public static final class Lost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Lost(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Whether a failure means the transaction lost a race: a unique-key or other integrity violation
   * (class 23), a deadlock or lock timeout, or a failed optimistic version check, anywhere in its
   * cause chain.
   */
  public static boolean isLostRace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Lost) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("23") || LOST.contains(state)) {
          return true;
        }
      }
      // jakarta.persistence's and EclipseLink's own: a version check that failed (the row was
      // changed or removed meanwhile), a lock that could not be had.
      String name = t.getClass().getSimpleName();
      if (name.equals("OptimisticLockException")
          || name.equals("PessimisticLockException")
          || name.equals("LockTimeoutException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The answer when every attempt lost: 409030, worth retrying later. */
  public static GigyaException exhausted() {
    return new GigyaException(
        ErrorCode.CONCURRENT_UPDATES_NOT_ALLOWED,
        "Other requests were changing the same account at the same time; try again");
  }

  /**
   * Runs a unit of work, and runs it again (after a short random pause) while it loses a race, at
   * most {@link #ATTEMPTS} times; then 409030. The work must be its own transaction (the caller
   * holds none), so that a lost attempt is rolled back before the next. A refusal of the
   * application ({@link GigyaException}) or any other failure is thrown as it is.
   */
  public static <T> T retry(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (GigyaException e) {
        throw e;
      } catch (RuntimeException e) {
        if (!isLostRace(e)) {
          throw e;
        }
        if (attempt >= ATTEMPTS) {
          LOG.log(Level.WARNING, "Gave up after {0} attempts: {1}", new Object[] {attempt, why(e)});
          throw exhausted();
        }
        LOG.log(Level.FINE, "Attempt {0} lost a race; again", attempt);
        pause(attempt);
      }
    }
  }

  /** Runs a unit of work without a result, as {@link #retry(Supplier)}. */
  public static void retry(Runnable work) {
    retry(
        () -> {
          work.run();
          return null;
        });
  }

  /** The failure's kind and SQLState, for the log: no values of the rows. */
  private static String why(Throwable failure) {
    String state = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        state = s.getSQLState();
      }
    }
    return failure.getClass().getSimpleName() + (state == null ? "" : " SQLState " + state);
  }

  /** A few milliseconds, growing with the attempt and random, so that the losers spread out. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw exhausted();
    }
  }
}
