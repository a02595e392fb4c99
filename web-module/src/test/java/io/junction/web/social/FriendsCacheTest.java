package io.junction.web.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.SocialProfile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FriendsCacheTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger loads = new AtomicInteger();

  private static SocialProfile friend(String uid) {
    return new SocialProfile(uid, uid, null, null, null, null, null, null, null, null, null);
  }

  private Supplier<List<SocialProfile>> provider(String... uids) {
    return () -> {
      loads.incrementAndGet();
      return java.util.Arrays.stream(uids).map(FriendsCacheTest::friend).toList();
    };
  }

  private void advanceSeconds(long s) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(s));
  }

  @Test
  void aSecondReadWithinTheTimeIsNotAskedOfTheProvider() {
    FriendsCache cache = new FriendsCache(60, 10, now::get);
    assertEquals(1, cache.friends("id-1", "s1", provider("a")).size());
    assertEquals(1, cache.friends("id-1", "s1", provider("a", "b")).size(), "kept");
    assertEquals(1, loads.get());
    advanceSeconds(59);
    cache.friends("id-1", "s1", provider("a", "b"));
    assertEquals(1, loads.get());
    advanceSeconds(1);
    assertEquals(2, cache.friends("id-1", "s1", provider("a", "b")).size(), "expired");
    assertEquals(2, loads.get());
  }

  @Test
  void aForgottenIdentityOrAnotherSessionIsReadAgain() {
    FriendsCache cache = new FriendsCache(60, 10, now::get);
    cache.friends("id-1", "s1", provider("a"));
    cache.forget("id-1");
    assertEquals(2, cache.friends("id-1", "s1", provider("a", "b")).size());
    assertEquals(2, loads.get());
    // Connected again: another provider session, whatever is kept for the identity.
    assertEquals(3, cache.friends("id-1", "s2", provider("a", "b", "c")).size());
    assertEquals(3, loads.get());
  }

  @Test
  void boundedInSizeTheLeastRecentlyReadGoingFirst() {
    FriendsCache cache = new FriendsCache(60, 3, now::get);
    for (int i = 0; i < 100; i++) {
      cache.friends("id-" + i, "s", provider("a"));
    }
    assertEquals(3, cache.size());
    int before = loads.get();
    cache.friends("id-99", "s", provider("a"));
    assertEquals(before, loads.get(), "the most recent is kept");
    cache.friends("id-0", "s", provider("a"));
    assertEquals(before + 1, loads.get(), "the oldest went");
  }

  @Test
  void aFailureIsNotKeptAndZeroSecondsKeepsNothing() {
    FriendsCache cache = new FriendsCache(60, 10, now::get);
    assertThrows(
        IllegalStateException.class,
        () ->
            cache.friends(
                "id-1",
                "s",
                () -> {
                  throw new IllegalStateException("provider down");
                }));
    assertEquals(0, cache.size());
    cache.friends("id-1", "s", provider("a"));
    assertEquals(1, loads.get());

    FriendsCache off = new FriendsCache(0, 10, now::get);
    off.friends("id-1", "s", provider("a"));
    off.friends("id-1", "s", provider("a"));
    assertEquals(3, loads.get());
    assertEquals(0, off.size());
  }
}
