package io.junction.web.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A node-local timer for housekeeping such as purging expired rows: {@link #due()} answers true to
 * one caller at a time, at most once per interval, and costs no database access or lock when it
 * answers false.
 */
public final class OncePerInterval {

  private final long intervalMillis;
  private final LongSupplier clockMillis;
  private final AtomicLong next = new AtomicLong();

  public OncePerInterval(Duration interval) {
    this(interval, System::currentTimeMillis);
  }

  /** With a clock of its own (milliseconds), for tests. */
  OncePerInterval(Duration interval, LongSupplier clockMillis) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the interval must be positive");
    }
    this.intervalMillis = interval.toMillis();
    this.clockMillis = clockMillis;
  }

  /**
   * True when the interval has passed since the last true (and on the first call), for exactly one
   * of the callers racing at that moment; false otherwise.
   */
  public boolean due() {
    long now = clockMillis.getAsLong();
    long at = next.get();
    return now >= at && next.compareAndSet(at, now + intervalMillis);
  }
}
