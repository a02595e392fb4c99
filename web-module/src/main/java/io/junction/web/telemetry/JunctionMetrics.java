package io.junction.web.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Junction's own metrics, on {@code /metrics} (MicroProfile Metrics, application scope): logins and
 * connections by site, provider and outcome, the latency of each step of a browser flow, signature
 * failures by error code, and the pending flows. Every name is in the README.
 *
 * <p>Recording is a registry look-up and an atomic add: no I/O, no reflection.
 */
@ApplicationScoped
public class JunctionMetrics {

  private static final Logger LOG = Logger.getLogger(JunctionMetrics.class.getName());

  /** The outcome tag of a success (Gigya's errorCode 0). */
  public static final String OK = "0";

  static final Metadata LOGINS =
      Metadata.builder()
          .withName("junction.login")
          .withDescription(
              "Logins that reached an end (socialize.login to its redirect), by site, provider and"
                  + " outcome (the errorCode, 0 for success)")
          .build();

  static final Metadata CONNECTIONS =
      Metadata.builder()
          .withName("junction.connection")
          .withDescription(
              "Connections (socialize.addConnection) that reached an end, by site, provider and"
                  + " outcome (the errorCode, 0 for success)")
          .build();

  static final Metadata FLOW_STEPS =
      Metadata.builder()
          .withName("junction.flow.step")
          .withDescription(
              "Time Junction takes to answer each step of a browser flow: login, addConnection,"
                  + " callback, confirm, getToken")
          .withUnit(MetricUnits.SECONDS)
          .build();

  static final Metadata SIGNATURE_FAILURES =
      Metadata.builder()
          .withName("junction.signature.failures")
          .withDescription("Signed calls refused, by errorCode (403002 expired, 403003 wrong, ...)")
          .build();

  static final Metadata PENDING_FLOWS =
      Metadata.builder()
          .withName("junction.pending.flows")
          .withDescription("Browser flows started and not yet back from the provider, all nodes")
          .build();

  /** The application's registry; null outside a server (unit tests): nothing is recorded. */
  @Inject MetricRegistry registry;

  private MetricRegistry registry() {
    return registry;
  }

  /** A login that ended: at the site's redirect_uri with a code, token or error. */
  public void login(String apiKey, String provider, String outcome) {
    MetricRegistry r = registry();
    if (r != null) {
      r.counter(LOGINS, siteTags(apiKey, provider, outcome)).inc();
    }
  }

  /** A connection that ended, likewise. */
  public void connection(String apiKey, String provider, String outcome) {
    MetricRegistry r = registry();
    if (r != null) {
      r.counter(CONNECTIONS, siteTags(apiKey, provider, outcome)).inc();
    }
  }

  /** How long one step of a browser flow took, from the request's arrival to its answer. */
  public void flowStep(String step, long nanos) {
    MetricRegistry r = registry();
    if (r != null) {
      r.timer(FLOW_STEPS, new Tag("step", step)).update(Duration.ofNanos(nanos));
    }
  }

  /** A signed call refused with this errorCode. */
  public void signatureFailure(int errorCode) {
    MetricRegistry r = registry();
    if (r != null) {
      r.counter(SIGNATURE_FAILURES, new Tag("code", Integer.toString(errorCode))).inc();
    }
  }

  /** Registers the gauge of pending flows, read from the database at each scrape. */
  public void pendingFlows(Supplier<Long> count) {
    MetricRegistry r = registry();
    if (r == null) {
      return;
    }
    r.gauge(
        PENDING_FLOWS,
        () -> {
          try {
            return (double) count.get();
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot count the pending flows", e);
            return Double.NaN;
          }
        });
  }

  private static Tag[] siteTags(String apiKey, String provider, String outcome) {
    return new Tag[] {
      new Tag("site", apiKey == null ? "unknown" : apiKey),
      new Tag("provider", provider == null ? "unknown" : provider),
      new Tag("outcome", outcome)
    };
  }
}
