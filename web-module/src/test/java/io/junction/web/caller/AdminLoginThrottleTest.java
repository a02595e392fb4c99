package io.junction.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdminLoginThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

  private AdminLoginThrottle throttle(int maxFailures, int lockoutSeconds, int maxTracked) {
    return new AdminLoginThrottle(
        maxFailures, Duration.ofSeconds(lockoutSeconds), maxTracked, now::get);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void theTwentiethFailureWithinAMinuteLocksTheAddressOut() {
    AdminLoginThrottle t = throttle(20, 300, 100);
    for (int i = 1; i < 20; i++) {
      assertFalse(t.failed("10.0.0.1"), "failure " + i);
      assertEquals(0, t.lockedOutSeconds("10.0.0.1"));
      advance(Duration.ofSeconds(3));
    }
    assertTrue(t.failed("10.0.0.1"));
    assertEquals(300, t.lockedOutSeconds("10.0.0.1"));
    assertEquals(0, t.lockedOutSeconds("10.0.0.2"), "other addresses are not locked");
    advance(Duration.ofSeconds(299).plusMillis(500));
    assertEquals(1, t.lockedOutSeconds("10.0.0.1"), "rounded up");
  }

  @Test
  void failuresSpreadOverMoreThanAMinuteDoNotLock() {
    AdminLoginThrottle t = throttle(20, 300, 100);
    for (int i = 0; i < 200; i++) {
      assertFalse(t.failed("10.0.0.1"), "failure " + i);
      advance(Duration.ofMillis(3_200));
    }
    assertEquals(0, t.lockedOutSeconds("10.0.0.1"));
  }

  @Test
  void theWindowSlidesRatherThanStartingEachMinute() {
    AdminLoginThrottle t = throttle(20, 300, 100);
    for (int i = 0; i < 10; i++) {
      t.failed("10.0.0.1");
    }
    advance(Duration.ofSeconds(50));
    for (int i = 0; i < 9; i++) {
      t.failed("10.0.0.1");
    }
    advance(Duration.ofSeconds(9));
    // 20 failures within 59 s, across what a fixed window would split.
    assertTrue(t.failed("10.0.0.1"));
  }

  @Test
  void failuresDuringTheLockoutDoNotExtendItAndItEndsWithAFreshCount() {
    AdminLoginThrottle t = throttle(3, 60, 100);
    t.failed("a");
    t.failed("a");
    assertTrue(t.failed("a"));
    advance(Duration.ofSeconds(30));
    assertFalse(t.failed("a"));
    assertEquals(30, t.lockedOutSeconds("a"));
    advance(Duration.ofSeconds(30));
    assertEquals(0, t.lockedOutSeconds("a"), "the lockout has ended");
    assertFalse(t.failed("a"));
    assertFalse(t.failed("a"));
    assertEquals(0, t.lockedOutSeconds("a"), "the failures before the lockout are forgotten");
    assertTrue(t.failed("a"));
    assertEquals(60, t.lockedOutSeconds("a"));
  }

  @Test
  void theNumberOfTrackedAddressesIsCappedAndTheLeastRecentIsForgotten() {
    AdminLoginThrottle t = throttle(2, 60, 3);
    t.failed("a");
    t.failed("b");
    t.failed("c");
    t.failed("a");
    assertEquals(3, t.tracked());
    assertEquals(60, t.lockedOutSeconds("a"));
    t.failed("d");
    assertEquals(3, t.tracked());
    // b was the least recently seen: forgotten, its failure no longer counts.
    assertFalse(t.failed("b"));
    assertEquals(3, t.tracked());
    assertEquals(0, t.lockedOutSeconds("b"));
  }

  @Test
  void addressesWhoseFailuresLeftTheWindowAreDropped() {
    AdminLoginThrottle t = throttle(20, 60, 1000);
    for (int i = 0; i < 500; i++) {
      t.failed("10.0.1." + i);
    }
    assertEquals(500, t.tracked());
    advance(Duration.ofSeconds(61));
    t.failed("10.0.2.1");
    assertEquals(1, t.tracked());
  }

  @Test
  void aLockedAddressIsNotDroppedAsStale() {
    AdminLoginThrottle t = throttle(1, 300, 1000);
    assertTrue(t.failed("locked"));
    advance(Duration.ofSeconds(120));
    t.failed("other");
    assertEquals(180, t.lockedOutSeconds("locked"));
  }
}
