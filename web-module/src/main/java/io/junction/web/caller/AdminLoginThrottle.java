package io.junction.web.caller;

import io.junction.web.config.JunctionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Slows down guessing of the administrator's password: a client address that fails {@code
 * junction.admin.max-failures-per-minute} logins within one minute is locked out for {@code
 * junction.admin.lockout-seconds}, during which every administrator call from it is refused, with
 * the right password too, so no guess can be tested. The lockout starts the count afresh.
 *
 * <p>The counts live in this node's memory: a cluster of N nodes allows N times the failures. At
 * most {@link #MAX_TRACKED} addresses are tracked; those whose failures have left the window are
 * dropped first, and beyond the cap the least recently seen address is forgotten, so the memory
 * does not grow with traffic.
 */
@ApplicationScoped
public class AdminLoginThrottle {

  private static final Logger LOG = Logger.getLogger(AdminLoginThrottle.class.getName());

  /** The window in which failures are counted. */
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** The most client addresses tracked at once. */
  static final int MAX_TRACKED = 10_000;

  private final int maxFailures;
  private final long windowNanos;
  private final long lockoutNanos;
  private final int maxTracked;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<String, Failures> tracked;

  @Inject
  public AdminLoginThrottle(JunctionConfig config) {
    this(
        config.adminMaxFailuresPerMinute(),
        Duration.ofSeconds(config.adminLockoutSeconds()),
        MAX_TRACKED,
        System::nanoTime);
  }

  AdminLoginThrottle(int maxFailures, Duration lockout, int maxTracked, LongSupplier nanoClock) {
    if (maxFailures < 1 || lockout.isNegative() || lockout.isZero() || maxTracked < 1) {
      throw new IllegalArgumentException("a throttle needs positive limits");
    }
    this.maxFailures = maxFailures;
    this.windowNanos = WINDOW.toNanos();
    this.lockoutNanos = lockout.toNanos();
    this.maxTracked = maxTracked;
    this.nanoClock = nanoClock;
    this.tracked = new LinkedHashMap<>(16, 0.75f, true);
  }

  protected AdminLoginThrottle() {
    this.maxFailures = 1;
    this.windowNanos = 0;
    this.lockoutNanos = 0;
    this.maxTracked = 0;
    this.nanoClock = System::nanoTime;
    this.tracked = null;
  }

  /** The failures of one address: the times of the latest ones, and the end of its lockout. */
  private static final class Failures {
    final long[] times;
    int next;
    int count;
    boolean locked;
    long lockedUntil;

    Failures(int size) {
      times = new long[size];
    }

    boolean lockedAt(long now) {
      return locked && now - lockedUntil < 0;
    }

    /** Neither locked nor holding a failure inside the window: nothing left to remember. */
    boolean staleAt(long now, long windowNanos) {
      if (lockedAt(now)) {
        return false;
      }
      if (count == 0) {
        return true;
      }
      long latest = times[(next - 1 + times.length) % times.length];
      return now - latest > windowNanos;
    }
  }

  /** How many seconds the address stays locked out (rounded up), or 0 when it may try to log in. */
  public synchronized long lockedOutSeconds(String address) {
    long now = nanoClock.getAsLong();
    Failures f = tracked.get(address);
    if (f == null) {
      return 0;
    }
    if (f.lockedAt(now)) {
      return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(f.lockedUntil - now + 999_999_999L));
    }
    if (f.staleAt(now, windowNanos)) {
      tracked.remove(address);
    }
    return 0;
  }

  /**
   * Counts a failed login of the address; returns whether this failure locked it out (the one
   * WARNING of a lockout is logged here).
   */
  public synchronized boolean failed(String address) {
    long now = nanoClock.getAsLong();
    dropStale(now);
    Failures f = tracked.get(address);
    if (f == null) {
      f = new Failures(maxFailures);
      tracked.put(address, f);
      if (tracked.size() > maxTracked) {
        Iterator<String> eldest = tracked.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
    if (f.lockedAt(now)) {
      return false;
    }
    f.locked = false;
    f.times[f.next] = now;
    f.next = (f.next + 1) % maxFailures;
    f.count = Math.min(f.count + 1, maxFailures);
    // With the ring full, times[next] is the oldest of the latest maxFailures failures.
    if (f.count == maxFailures && now - f.times[f.next] <= windowNanos) {
      f.locked = true;
      f.lockedUntil = now + lockoutNanos;
      f.count = 0;
      f.next = 0;
      LOG.warning(
          "Administrator logins from "
              + address
              + " are locked out for "
              + TimeUnit.NANOSECONDS.toSeconds(lockoutNanos)
              + " s after "
              + maxFailures
              + " failures within a minute");
      return true;
    }
    return false;
  }

  /** How many addresses are tracked now. */
  synchronized int tracked() {
    return tracked.size();
  }

  /** Drops the least recently seen addresses while they hold nothing worth remembering. */
  private void dropStale(long now) {
    Iterator<Map.Entry<String, Failures>> it = tracked.entrySet().iterator();
    while (it.hasNext()) {
      if (!it.next().getValue().staleAt(now, windowNanos)) {
        return;
      }
      it.remove();
    }
  }
}
