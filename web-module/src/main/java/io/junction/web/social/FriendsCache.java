package io.junction.web.social;

import io.junction.api.SocialProfile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The friends a provider answered for one identity, kept for {@code
 * junction.social.friends-cache-seconds} (60 by default; 0 keeps none), for at most {@code
 * junction.social.friends-cache-size} identities (1000 by default; the least recently read goes
 * first). Keyed by the identity's own id and held for its provider session: a removed identity is
 * never asked for (a method reaches only the identities the account still holds, read from the
 * database), and one connected again has another session, so a removed connection's friends are not
 * served, on any server of a cluster; removing an identity also forgets its entry at once. A failed
 * read is not kept.
 */
@ApplicationScoped
public class FriendsCache {

  /** The setting of how long friends are kept, in seconds. */
  public static final String SECONDS = "junction.social.friends-cache-seconds";

  /** The setting of how many identities' friends are kept. */
  public static final String SIZE = "junction.social.friends-cache-size";

  static final int DEFAULT_SECONDS = 60;
  static final int DEFAULT_SIZE = 1000;

  private record Entry(String session, List<SocialProfile> friends, long expiresAt) {}

  private final Object lock = new Object();
  private long ttlNanos = TimeUnit.SECONDS.toNanos(DEFAULT_SECONDS);
  private int maxSize = DEFAULT_SIZE;
  private LongSupplier clock = System::nanoTime;

  private final LinkedHashMap<String, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > maxSize;
        }
      };

  /** For CDI, which reads the settings. */
  public FriendsCache() {}

  /** A cache with its settings and clock (tests). */
  FriendsCache(int seconds, int size, LongSupplier clock) {
    this.ttlNanos = TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
    this.maxSize = Math.max(1, size);
    this.clock = clock;
  }

  /** {@value #SECONDS}, 60 by default. */
  @Inject
  @ConfigProperty(name = SECONDS, defaultValue = "60")
  int seconds = DEFAULT_SECONDS;

  /** {@value #SIZE}, 1000 by default. */
  @Inject
  @ConfigProperty(name = SIZE, defaultValue = "1000")
  int size = DEFAULT_SIZE;

  @PostConstruct
  void configure() {
    ttlNanos = TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
    maxSize = Math.max(1, size);
  }

  /**
   * The identity's friends: those kept for this session while they last, else {@code load}'s, then
   * kept.
   *
   * @param session what tells the identity's provider session (a digest of its access token)
   */
  public List<SocialProfile> friends(
      String identityId, String session, Supplier<List<SocialProfile>> load) {
    if (ttlNanos <= 0 || identityId == null) {
      return load.get();
    }
    synchronized (lock) {
      Entry e = entries.get(identityId);
      if (e != null) {
        if (e.session().equals(session) && clock.getAsLong() - e.expiresAt() < 0) {
          return e.friends();
        }
        entries.remove(identityId);
      }
    }
    List<SocialProfile> fresh =
        java.util.Collections.unmodifiableList(new java.util.ArrayList<>(load.get()));
    synchronized (lock) {
      entries.put(identityId, new Entry(session, fresh, clock.getAsLong() + ttlNanos));
    }
    return fresh;
  }

  /** Forgets an identity's friends (the identity is removed). */
  public void forget(String identityId) {
    if (identityId != null) {
      synchronized (lock) {
        entries.remove(identityId);
      }
    }
  }

  /** How many identities' friends are kept. */
  int size() {
    synchronized (lock) {
      return entries.size();
    }
  }
}
