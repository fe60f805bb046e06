package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

  @TempDir Path dir;

  @Test
  void oneContextPerClusterAndTheFirstIsCurrent() throws Exception {
    try (SimulatedCluster east = SimulatedCluster.start("east");
        SimulatedCluster west = SimulatedCluster.start("west")) {
      Path file = dir.resolve("kube/config");

      Kubeconfig.write(file, List.of(east, west));

      assertThat(Config.fromKubeconfig(file.toFile()).getCurrentContext().getName())
          .isEqualTo("east");
      Config westConfig = Config.fromKubeconfig("west", file.toFile());
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(westConfig).build()) {
        client
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("via-kubeconfig")
                    .endMetadata()
                    .build())
            .create();
      }
      assertThat(west.client().namespaces().withName("via-kubeconfig").get()).isNotNull();
      assertThat(east.client().namespaces().withName("via-kubeconfig").get()).isNull();
    }
  }
}
