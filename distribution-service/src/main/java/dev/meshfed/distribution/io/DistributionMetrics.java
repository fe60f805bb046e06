package dev.meshfed.distribution.io;

import dev.meshfed.distribution.model.DistributionStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.function.ToDoubleFunction;

/**
 * Each served cluster's apply loop as Prometheus metrics, tagged {@code cluster}: counters of what
 * was applied, deleted, pruned and failed, gauges of what is desired, pending and retrying.
 */
@ApplicationScoped
public class DistributionMetrics {

  @Produces
  MeterBinder clusters(DistributionConfig config, DistributionService service) {
    return registry -> {
      for (ServedCluster cluster : ServedClusters.of(config)) {
        bind(registry, cluster.name(), service);
      }
    };
  }

  static void bind(MeterRegistry registry, String cluster, DistributionService service) {
    counter(registry, "applied", "objects applied", cluster, service, s -> s.applied());
    counter(
        registry, "deleted", "objects deleted (tombstones)", cluster, service, s -> s.deleted());
    counter(registry, "pruned", "managed objects pruned", cluster, service, s -> s.pruned());
    counter(
        registry,
        "drift.repaired",
        "managed objects found deleted, edited or taken over and applied again",
        cluster,
        service,
        s -> s.driftRepaired());
    counter(
        registry,
        "apply.failures",
        "failed applies and deletes, each retry counted",
        cluster,
        service,
        s -> s.failedAttempts());
    gauge(registry, "desired", "objects desired", cluster, service, s -> s.desired());
    gauge(
        registry,
        "prune.withheld",
        "undesired managed objects the catch-up did not prune, as they were most of the cluster's",
        cluster,
        service,
        s -> s.pruneWithheld());
    gauge(
        registry,
        "pending",
        "objects being applied or awaiting a retry",
        cluster,
        service,
        s -> s.pending());
    gauge(
        registry,
        "retrying",
        "objects whose last attempt failed",
        cluster,
        service,
        s -> s.retrying());
    gauge(
        registry,
        "unusable.records",
        "desired records that cannot be applied",
        cluster,
        service,
        s -> s.failed());
    gauge(
        registry,
        "caught.up",
        "1 once the desired topic was read to its end and applied",
        cluster,
        service,
        s -> s.caughtUp() ? 1 : 0);
  }

  private static void counter(
      MeterRegistry registry,
      String name,
      String description,
      String cluster,
      DistributionService service,
      ToDoubleFunction<DistributionStatus> value) {
    FunctionCounter.builder(name(name), service, of(cluster, value))
        .description(description)
        .tag("cluster", cluster)
        .register(registry);
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String description,
      String cluster,
      DistributionService service,
      ToDoubleFunction<DistributionStatus> value) {
    Gauge.builder(name(name), service, of(cluster, value))
        .description(description)
        .tag("cluster", cluster)
        .register(registry);
  }

  private static String name(String name) {
    return "meshfed.distribution." + name;
  }

  /** The value for one cluster, read from the service's current status. */
  private static ToDoubleFunction<DistributionService> of(
      String cluster, ToDoubleFunction<DistributionStatus> value) {
    return service -> value.applyAsDouble(status(service, cluster));
  }

  private static DistributionStatus status(DistributionService service, String cluster) {
    return service.status().getOrDefault(cluster, DistributionStatus.STARTING);
  }
}
