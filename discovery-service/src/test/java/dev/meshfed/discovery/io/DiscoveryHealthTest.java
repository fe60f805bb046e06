package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.sync.PublishCounts;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class DiscoveryHealthTest {

  private static final PublishCounts NONE = new PublishCounts(0, 0, 0);

  @Test
  void readyOnceEveryClusterHasSynced() {
    ClusterReport synced = new ClusterReport("east", true, List.of(), NONE);
    ClusterReport syncing = new ClusterReport("west", false, List.of(), NONE);

    assertThat(DiscoveryHealth.readiness(List.of()).getStatus()).isEqualTo(Status.DOWN);
    assertThat(DiscoveryHealth.readiness(List.of(synced, syncing)).getStatus())
        .isEqualTo(Status.DOWN);
    assertThat(DiscoveryHealth.readiness(List.of(synced)).getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void deadWhenAWatchStoppedForGood() {
    ClusterReport watching = new ClusterReport("east", true, List.of(), NONE);
    ClusterReport stopped = new ClusterReport("west", true, List.of(Source.SERVICES), NONE);

    assertThat(DiscoveryHealth.liveness(List.of(watching)).getStatus()).isEqualTo(Status.UP);
    var response = DiscoveryHealth.liveness(List.of(watching, stopped));
    assertThat(response.getStatus()).isEqualTo(Status.DOWN);
    assertThat(response.getData().orElseThrow())
        .containsEntry("west", "stopped watching [SERVICES]");
  }
}
