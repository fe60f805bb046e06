package dev.meshfed.discovery.io;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Builds a fabric8 client from one cluster's kubeconfig file and context. */
final class KubeconfigClients {

  /**
   * One for every client of the process: a client built without one gets its own Jackson mapper,
   * which builds the deserializers of the informers' typed lists again (a Deployment's pulls in all
   * of a pod template). At 20 clusters discovery used 20 to 26 s of CPU over a cold start with one,
   * 30 to 34 s with one each (three pairs, 20x100). The mapper is thread-safe.
   */
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private KubeconfigClients() {}

  /** Reads the file on every call: a fixed or rotated kubeconfig is picked up by the next start. */
  static KubernetesClient open(ClusterMode.KubeconfigCluster cluster) {
    return new KubernetesClientBuilder()
        .withKubernetesSerialization(SERIALIZATION)
        .withConfig(config(cluster))
        .build();
  }

  static Config config(ClusterMode.KubeconfigCluster cluster) {
    String content;
    try {
      content = Files.readString(cluster.kubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read kubeconfig " + cluster.kubeconfig(), e);
    }
    String context = cluster.context().orElse(null);
    Config config;
    try {
      config = Config.fromKubeconfig(context, content, cluster.kubeconfig().toString());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Invalid kubeconfig " + cluster.kubeconfig() + ": " + e.getMessage(), e);
    }
    // fabric8 falls back to its defaults (https://kubernetes.default.svc) for a context it lacks
    NamedContext selected = config.getCurrentContext();
    if (selected == null || (context != null && !context.equals(selected.getName()))) {
      throw new IllegalArgumentException(
          "Kubeconfig "
              + cluster.kubeconfig()
              + (context == null ? " has no current context" : " has no context " + context));
    }
    return config;
  }
}
