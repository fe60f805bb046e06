package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.distribution.model.DistributionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DistributionHealthTest {

  private static final DistributionStatus CAUGHT_UP =
      new DistributionStatus(3, 3, 0, 0, 0, 0, 0, 0, 0, 0, true);
  private static final DistributionStatus CATCHING_UP =
      new DistributionStatus(3, 1, 0, 0, 2, 1, 4, 0, 0, 0, false);

  @Test
  void readyOnlyOnceEveryClusterHasCaughtUp() {
    Map<String, DistributionStatus> clusters = new LinkedHashMap<>();
    clusters.put("cluster1", CAUGHT_UP);
    clusters.put("cluster2", CATCHING_UP);

    HealthCheckResponse notYet = DistributionHealth.readiness(clusters);
    clusters.put("cluster2", CAUGHT_UP);
    HealthCheckResponse ready = DistributionHealth.readiness(clusters);

    assertThat(notYet.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(notYet.getData().orElseThrow().get("cluster2"))
        .isEqualTo("catching up, 3 desired, 2 pending, 1 retrying, 0 unusable records");
    assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void notReadyBeforeStarting() {
    assertThat(DistributionHealth.readiness(Map.of()).getStatus())
        .isEqualTo(HealthCheckResponse.Status.DOWN);
  }

  @Test
  void deadWhenAClustersLoopStoppedReading() {
    assertThat(DistributionHealth.liveness(List.of()).getStatus())
        .isEqualTo(HealthCheckResponse.Status.UP);
    HealthCheckResponse stalled = DistributionHealth.liveness(List.of("cluster2"));
    assertThat(stalled.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(stalled.getData().orElseThrow()).containsEntry("stopped reading", "cluster2");
  }
}
