package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServedClustersTest {

  @Test
  void meshfedClusterServesOneClusterThroughTheApplicationsClient() {
    assertThat(ServedClusters.of(config(Map.of("meshfed.cluster", "cluster1"))))
        .containsExactly(new ServedCluster("cluster1", Optional.empty()));
  }

  @Test
  void meshfedClustersServesEachNamedClusterThroughItsKubeconfig() {
    List<ServedCluster> served =
        ServedClusters.of(
            config(
                Map.of(
                    "meshfed.clusters.cluster2.kubeconfig", "/etc/meshfed/c2.yaml",
                    "meshfed.clusters.cluster1.kubeconfig", "/etc/meshfed/all.yaml",
                    "meshfed.clusters.cluster1.context", "admin@cluster1")));

    assertThat(served)
        .containsExactly(
            new ServedCluster(
                "cluster1",
                Optional.of(
                    new ServedCluster.KubeconfigContext(
                        Path.of("/etc/meshfed/all.yaml"), Optional.of("admin@cluster1")))),
            new ServedCluster(
                "cluster2",
                Optional.of(
                    new ServedCluster.KubeconfigContext(
                        Path.of("/etc/meshfed/c2.yaml"), Optional.empty()))));
  }

  @Test
  void bothModesAtOnceAreAnError() {
    DistributionConfig config =
        config(
            Map.of(
                "meshfed.cluster", "cluster1",
                "meshfed.clusters.cluster2.kubeconfig", "/etc/meshfed/c2.yaml"));

    assertThatThrownBy(() -> ServedClusters.of(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Both meshfed.cluster (cluster1) and meshfed.clusters (cluster2)");
  }

  @Test
  void neitherModeIsAnError() {
    assertThatThrownBy(() -> ServedClusters.of(config(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No cluster to serve: set meshfed.cluster");
  }

  @Test
  void clusterNamesMustBeValidInTopicNames() {
    assertThatThrownBy(() -> ServedClusters.of(config(Map.of("meshfed.cluster", "Cluster_1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("meshfed.cluster: Invalid cluster name 'Cluster_1'");
    DistributionConfig multi =
        config(
            Map.of(
                "meshfed.clusters.ok.kubeconfig", "/k",
                "meshfed.clusters.Not-Ok.kubeconfig", "/k"));
    assertThatThrownBy(() -> ServedClusters.of(multi))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("meshfed.clusters.Not-Ok: Invalid cluster name 'Not-Ok'");
  }

  @Test
  void aClusterWithoutKubeconfigDoesNotConfigure() {
    assertThatThrownBy(() -> config(Map.of("meshfed.clusters.cluster1.context", "c1")))
        .hasMessageContaining("meshfed.clusters.cluster1.kubeconfig");
  }

  @Test
  void distributionOptionsHaveDefaults() {
    DistributionConfig config = config(Map.of("meshfed.cluster", "cluster1"));

    assertThat(config.topics().replicationFactor()).as("the broker's default").isEmpty();
    assertThat(config.topics().minInsyncReplicas()).as("the broker's default").isEmpty();
    assertThat(config.distribution().retry().initialDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(config.distribution().retry().maxDelay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void topicSettingsAreReadWhenGiven() {
    DistributionConfig config =
        config(
            Map.of(
                "meshfed.cluster", "cluster1",
                "meshfed.topics.replication-factor", "3",
                "meshfed.topics.min-insync-replicas", "2"));

    assertThat(config.topics().replicationFactor()).contains((short) 3);
    assertThat(config.topics().minInsyncReplicas()).contains(2);
  }

  /** Reads the properties as the application does, with Quarkus' durations ("200ms"). */
  static DistributionConfig config(Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(DistributionConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withSources(new PropertiesConfigSource(properties, "test", 100))
            .build();
    return config.getConfigMapping(DistributionConfig.class);
  }
}
