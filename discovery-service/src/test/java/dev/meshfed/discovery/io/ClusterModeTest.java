package dev.meshfed.discovery.io;

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

/** meshfed.cluster / meshfed.clusters, read the way Quarkus reads them (SmallRye mapping). */
class ClusterModeTest {

  @Test
  void oneClusterIsTheSingleMode() {
    assertThat(mode(Map.of("meshfed.cluster", "cluster1")))
        .isEqualTo(new ClusterMode.Single("cluster1"));
  }

  @Test
  void namesAreTheServedClusters() {
    assertThat(mode(Map.of("meshfed.cluster", "cluster1")).names()).containsExactly("cluster1");
    assertThat(
            mode(Map.of(
                    "meshfed.clusters.b.kubeconfig", "/b.yaml",
                    "meshfed.clusters.a.kubeconfig", "/a.yaml"))
                .names())
        .containsExactly("a", "b");
  }

  @Test
  void clustersAreTheMultiModeEachWithItsKubeconfigAndOptionalContext() {
    ClusterMode mode =
        mode(
            Map.of(
                "meshfed.clusters.cluster2.kubeconfig", "/etc/meshfed/c2.yaml",
                "meshfed.clusters.cluster1.kubeconfig", "/etc/meshfed/all.yaml",
                "meshfed.clusters.cluster1.context", "kind-cluster1"));

    assertThat(mode)
        .isEqualTo(
            new ClusterMode.Multi(
                List.of(
                    new ClusterMode.KubeconfigCluster(
                        "cluster1", Path.of("/etc/meshfed/all.yaml"), Optional.of("kind-cluster1")),
                    new ClusterMode.KubeconfigCluster(
                        "cluster2", Path.of("/etc/meshfed/c2.yaml"), Optional.empty()))));
  }

  @Test
  void bothModesAtOnceIsAnError() {
    assertThatThrownBy(
            () ->
                mode(
                    Map.of(
                        "meshfed.cluster", "cluster1",
                        "meshfed.clusters.cluster2.kubeconfig", "/k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Both meshfed.cluster and meshfed.clusters are set");
  }

  @Test
  void noClusterIsAnError() {
    assertThatThrownBy(() -> mode(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No cluster configured")
        .hasMessageContaining("meshfed.cluster=<name>")
        .hasMessageContaining("meshfed.clusters.<name>.kubeconfig=<file>");
  }

  @Test
  void clusterNamesMustBeValidTopicNames() {
    assertThatThrownBy(() -> mode(Map.of("meshfed.cluster", "Cluster_1")))
        .hasMessageStartingWith("meshfed.cluster: Invalid cluster name 'Cluster_1'");
    assertThatThrownBy(() -> mode(Map.of("meshfed.clusters.Cluster_2.kubeconfig", "/k")))
        .hasMessageStartingWith("meshfed.clusters.Cluster_2: Invalid cluster name 'Cluster_2'");
  }

  @Test
  void aClusterWithoutKubeconfigIsRejectedByTheMapping() {
    assertThatThrownBy(() -> mode(Map.of("meshfed.clusters.cluster1.context", "c1")))
        .hasMessageContaining("meshfed.clusters.cluster1.kubeconfig");
  }

  private static ClusterMode mode(Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(DiscoveryConfig.class)
            .withConverter(Duration.class, 100, new DurationConverter())
            .withSources(new PropertiesConfigSource(properties, "test", 100))
            .build();
    DiscoveryConfig discovery = config.getConfigMapping(DiscoveryConfig.class);
    return ClusterMode.of(discovery.cluster(), discovery.clusters());
  }
}
