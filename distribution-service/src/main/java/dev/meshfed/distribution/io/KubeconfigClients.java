package dev.meshfed.distribution.io;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/** Builds a cluster's own Kubernetes client from a context of a kubeconfig file. */
public final class KubeconfigClients {

  /**
   * One for every client of the process, as in discovery-service: a client built without one gets
   * its own Jackson mapper, and builds its deserializers again. The mapper is thread-safe.
   */
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private KubeconfigClients() {}

  /**
   * @throws IllegalArgumentException if the file has no such context (or no current context)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static KubernetesClient create(ServedCluster.KubeconfigContext kubeconfig) {
    return new KubernetesClientBuilder()
        .withKubernetesSerialization(SERIALIZATION)
        .withConfig(config(kubeconfig))
        .build();
  }

  static Config config(ServedCluster.KubeconfigContext kubeconfig) {
    String content;
    try {
      content = Files.readString(kubeconfig.file());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read kubeconfig " + kubeconfig.file(), e);
    }
    Config config =
        Config.fromKubeconfig(
            kubeconfig.context().orElse(null), content, kubeconfig.file().toString());
    // fabric8 falls back to defaults, silently, for a context the file does not have
    String used =
        Optional.ofNullable(config.getCurrentContext()).map(NamedContext::getName).orElse(null);
    if (used == null || kubeconfig.context().filter(c -> !c.equals(used)).isPresent()) {
      throw new IllegalArgumentException(
          "Kubeconfig " + kubeconfig + ": no such context in the file");
    }
    // Retries are the service's own, per object, as application.properties sets for the
    // application's client: fabric8's retry of 5xx answers would hold the cluster's apply thread.
    return new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
  }
}
