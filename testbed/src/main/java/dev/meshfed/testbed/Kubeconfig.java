package dev.meshfed.testbed;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a kubeconfig for simulated clusters. */
public final class Kubeconfig {

  private Kubeconfig() {}

  /**
   * Writes {@code file} with one cluster, user and context per cluster, each named after the
   * cluster; the current context is the first cluster's. The servers are plain http.
   */
  public static void write(Path file, List<SimulatedCluster> clusters) throws IOException {
    if (clusters.isEmpty()) {
      throw new IllegalArgumentException("a kubeconfig needs at least one cluster");
    }
    Config config =
        new ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .withClusters(clusters.stream().map(Kubeconfig::cluster).toList())
            .withUsers(clusters.stream().map(Kubeconfig::user).toList())
            .withContexts(clusters.stream().map(Kubeconfig::context).toList())
            .withCurrentContext(clusters.get(0).name())
            .build();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, Serialization.asYaml(config));
  }

  private static NamedCluster cluster(SimulatedCluster cluster) {
    return new NamedClusterBuilder()
        .withName(cluster.name())
        .withNewCluster()
        .withServer(cluster.url())
        .endCluster()
        .build();
  }

  /**
   * The simulated API servers accept any request, but a user with no credentials at all makes
   * fabric8 re-read the kubeconfig before every request (it looks for a token to refresh): a static
   * token, as a real cluster's user has, spares that.
   */
  private static NamedAuthInfo user(SimulatedCluster cluster) {
    AuthInfo user = new AuthInfo();
    user.setToken("meshfed-testbed-" + cluster.name());
    return new NamedAuthInfo(cluster.name(), user);
  }

  private static NamedContext context(SimulatedCluster cluster) {
    return new NamedContextBuilder()
        .withName(cluster.name())
        .withNewContext()
        .withCluster(cluster.name())
        .withUser(cluster.name())
        .withNamespace("default")
        .endContext()
        .build();
  }
}
