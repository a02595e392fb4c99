package io.junction.web.oauth;

import io.junction.web.telemetry.JunctionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Publishes {@code junction.pending.flows} when the application starts: the unexpired pending
 * authorizations in the database (every node's), counted at each read of {@code /metrics}.
 */
@ApplicationScoped
public class PendingFlowsGauge {

  @Inject JunctionMetrics metrics;
  @Inject PendingAuthorizations pending;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    metrics.pendingFlows(pending::countUnexpired);
  }
}
