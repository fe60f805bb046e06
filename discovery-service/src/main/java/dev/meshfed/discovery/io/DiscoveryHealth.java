package dev.meshfed.discovery.io;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every served cluster has synced (its objects listed and published); live while every
 * watch still follows its cluster.
 */
@ApplicationScoped
public class DiscoveryHealth {

  @Produces
  @Readiness
  HealthCheck synced(DiscoveryApp app) {
    return () -> readiness(app.reports());
  }

  @Produces
  @Liveness
  HealthCheck watching(DiscoveryApp app) {
    return () -> liveness(app.reports());
  }

  static HealthCheckResponse readiness(List<ClusterReport> clusters) {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("clusters synced")
            .status(!clusters.isEmpty() && clusters.stream().allMatch(ClusterReport::synced));
    clusters.forEach(c -> response.withData(c.cluster(), c.synced() ? "synced" : "syncing"));
    return response.build();
  }

  static HealthCheckResponse liveness(List<ClusterReport> clusters) {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("clusters watched")
            .status(clusters.stream().allMatch(c -> c.stoppedSources().isEmpty()));
    clusters.stream()
        .filter(c -> !c.stoppedSources().isEmpty())
        .forEach(c -> response.withData(c.cluster(), "stopped watching " + c.stoppedSources()));
    return response.build();
  }
}
