package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.PublishCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Each served cluster's publishing as Prometheus metrics, tagged {@code cluster}: records
 * published, writes skipped as unchanged, failed sends, and whether the cluster has synced.
 */
@ApplicationScoped
public class DiscoveryMetrics {

  @Produces
  MeterBinder clusters(DiscoveryConfig config, DiscoveryApp app) {
    return registry -> {
      for (String cluster : ClusterMode.of(config.cluster(), config.clusters()).names()) {
        bind(registry, cluster, app);
      }
    };
  }

  static void bind(MeterRegistry registry, String cluster, DiscoveryApp app) {
    counter(
        registry,
        "published",
        "records sent to the discovered topic",
        cluster,
        app,
        PublishCounts::sent);
    counter(
        registry,
        "unchanged",
        "writes not sent: the topic already held the same record",
        cluster,
        app,
        PublishCounts::unchanged);
    counter(
        registry,
        "publish.failures",
        "sends the broker did not take (each is retried)",
        cluster,
        app,
        PublishCounts::failedSends);
    Gauge.builder("meshfed.discovery.synced", app, a -> report(a, cluster).synced() ? 1 : 0)
        .description("1 once the cluster's objects are listed and published")
        .tag("cluster", cluster)
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry,
      String name,
      String description,
      String cluster,
      DiscoveryApp app,
      ToDoubleFunction<PublishCounts> value) {
    FunctionCounter.builder(
            "meshfed.discovery." + name,
            app,
            a -> value.applyAsDouble(report(a, cluster).published()))
        .description(description)
        .tag("cluster", cluster)
        .register(registry);
  }

  private static ClusterReport report(DiscoveryApp app, String cluster) {
    return app.reports().stream()
        .filter(r -> r.cluster().equals(cluster))
        .findFirst()
        .orElse(new ClusterReport(cluster, false, List.of(), new PublishCounts(0, 0, 0)));
  }
}
