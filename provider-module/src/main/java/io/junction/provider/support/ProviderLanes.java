package io.junction.provider.support;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.provider.support.ProviderHttp.Answer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fault tolerance of the calls to providers: each provider has a lane of its own, a CDI bean
 * whose one method carries MicroProfile Fault Tolerance's {@code @Timeout}, {@code @Bulkhead} and
 * {@code @CircuitBreaker}, so a provider that hangs or fails fills and opens its own lane only: the
 * threads and the breakers of the others stay free.
 *
 * <p>Fault Tolerance keeps the state of a bulkhead and of a circuit breaker per bean class and
 * method, and has no key of its own. So the isolation per provider comes from one small subclass
 * per provider, each overriding {@link Lane#call} with the annotations (an override is a method of
 * its own class, whatever the implementation keys its state on). Every {@code oidc-<name>} provider
 * shares one lane, {@link OtherProviders}, as does any name not listed here.
 *
 * <p>A lane's breaker counts as failures what holds threads: a call that timed out ({@link
 * Hanging}, and Fault Tolerance's own timeout) and a full bulkhead. A provider that refuses
 * connections or answers an error does so at once, and every {@code oidc-<name>} provider shares a
 * lane: such failures of one issuer must not close the lane to the others. The limits are the
 * annotations' values; MicroProfile Fault Tolerance's own settings override them (for example
 * {@code CircuitBreaker/delay} for every lane, or {@code
 * io.junction.provider.support.ProviderLanes$Facebook/call/Bulkhead/value} for one).
 */
@ApplicationScoped
public class ProviderLanes {

  /** The longest a whole call may take: above the default connect and read timeouts (5 + 10 s). */
  static final long TIMEOUT_MS = 20_000;

  /** The most calls to one provider at a time; further ones fail at once. */
  static final int CONCURRENT = 10;

  /** The window of calls the breaker looks at, and the share of failures that opens it. */
  static final int WINDOW = 10;

  static final double FAILURE_RATIO = 0.5;

  /** How long an open breaker answers at once before it lets a trial call through. */
  static final long OPEN_MS = 30_000;

  static final Map<String, Class<? extends Lane>> LANES =
      Map.ofEntries(
          Map.entry("facebook", Facebook.class),
          Map.entry("googleplus", Google.class),
          Map.entry("instagram", Instagram.class),
          Map.entry("line", Line.class),
          Map.entry("linkedin", Linkedin.class),
          Map.entry("microsoft", Microsoft.class),
          Map.entry("mixi", Mixi.class),
          Map.entry("odnoklassniki", Odnoklassniki.class),
          Map.entry("qq", Qq.class),
          Map.entry("renren", Renren.class),
          Map.entry("sina", Sina.class),
          Map.entry("twitter", Twitter.class),
          Map.entry("vkontakte", Vkontakte.class),
          Map.entry("wechat", Wechat.class),
          Map.entry("yahoo", Yahoo.class),
          Map.entry("yahoojapan", YahooJapan.class));

  @Inject Instance<Lane> lanes;

  /** The lane of a provider, by the name its connector calls with. */
  public Lane of(String provider) {
    return lanes.select(LANES.getOrDefault(provider, OtherProviders.class)).get();
  }

  /**
   * A call that timed out (504001): the failure its breaker counts, with a full bulkhead and Fault
   * Tolerance's own timeout. {@link ProviderHttp} throws the original exception again.
   */
  public static final class Hanging extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Hanging(ProviderException timeout) {
      super(timeout.getMessage(), timeout, false, false);
    }

    public ProviderException timeout() {
      return (ProviderException) getCause();
    }
  }

  /** A provider's lane: its subclasses add nothing but their own fault tolerance state. */
  public abstract static class Lane {

    /** Sends one call; a timeout comes back as {@link Hanging}. */
    public Answer call(Supplier<Answer> send) {
      try {
        return send.get();
      } catch (ProviderException e) {
        if (e.code() == ErrorCode.TIMEOUT) {
          throw new Hanging(e);
        }
        throw e;
      }
    }
  }

  // One lane per provider. Each override carries the same annotations; see the class comment.

  @ApplicationScoped
  public static class Facebook extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Google extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Instagram extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Line extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Linkedin extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Microsoft extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Mixi extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Odnoklassniki extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Qq extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Renren extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Sina extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Twitter extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Vkontakte extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Wechat extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class Yahoo extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class YahooJapan extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }

  @ApplicationScoped
  public static class OtherProviders extends Lane {
    @Override
    @Timeout(TIMEOUT_MS)
    @Bulkhead(CONCURRENT)
    @CircuitBreaker(
        requestVolumeThreshold = WINDOW,
        failureRatio = FAILURE_RATIO,
        delay = OPEN_MS,
        delayUnit = ChronoUnit.MILLIS,
        failOn = {Hanging.class, BulkheadException.class, TimeoutException.class})
    public Answer call(Supplier<Answer> send) {
      return super.call(send);
    }
  }
}
