package dev.meshfed.distribution.io;

import dev.meshfed.distribution.model.DistributionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every served cluster has read its desired topic to the end and applied and pruned that
 * state; live while every cluster's loop can still make progress.
 */
@ApplicationScoped
public class DistributionHealth {

  @Produces
  @Readiness
  HealthCheck caughtUp(DistributionService service) {
    return () -> readiness(service.status());
  }

  @Produces
  @Liveness
  HealthCheck reading(DistributionService service) {
    return () -> liveness(service.stalled());
  }

  static HealthCheckResponse readiness(Map<String, DistributionStatus> clusters) {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("desired topics applied")
            .status(
                !clusters.isEmpty()
                    && clusters.values().stream().allMatch(DistributionStatus::caughtUp));
    clusters.forEach(
        (cluster, status) ->
            response.withData(
                cluster,
                (status.caughtUp() ? "caught up" : "catching up")
                    + ", "
                    + status.desired()
                    + " desired, "
                    + status.pending()
                    + " pending, "
                    + status.retrying()
                    + " retrying, "
                    + status.failed()
                    + " unusable records"));
    return response.build();
  }

  static HealthCheckResponse liveness(List<String> stalled) {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("desired topics read").status(stalled.isEmpty());
    if (!stalled.isEmpty()) {
      response.withData("stopped reading", String.join(", ", stalled));
    }
    return response.build();
  }
}
