package io.junction.web.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OncePerIntervalTest {

  @Test
  void dueAtFirstThenOncePerInterval() {
    AtomicLong clock = new AtomicLong(1_000_000);
    OncePerInterval timer = new OncePerInterval(Duration.ofMinutes(1), clock::get);
    assertTrue(timer.due(), "the first call");
    assertFalse(timer.due(), "at once again");
    clock.addAndGet(59_999);
    assertFalse(timer.due(), "a millisecond early");
    clock.addAndGet(1);
    assertTrue(timer.due(), "a minute later");
    assertFalse(timer.due());
    clock.addAndGet(10 * 60_000);
    assertTrue(timer.due(), "after a long pause, once");
    assertFalse(timer.due());
  }

  @Test
  void oneOfManyRacingCallersGetsIt() throws Exception {
    OncePerInterval timer = new OncePerInterval(Duration.ofHours(1));
    int threads = 16;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return timer.due();
                }));
      }
      go.countDown();
      int trues = 0;
      for (Future<Boolean> a : answers) {
        trues += a.get() ? 1 : 0;
      }
      assertEquals(1, trues);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theIntervalMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new OncePerInterval(Duration.ZERO));
  }
}
