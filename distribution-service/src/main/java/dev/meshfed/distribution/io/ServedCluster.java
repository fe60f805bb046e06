package dev.meshfed.distribution.io;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A cluster this instance distributes to, and how to reach it: through its own kubeconfig, or (when
 * {@code kubeconfig} is empty) through the application's configured Kubernetes client.
 */
public record ServedCluster(String name, Optional<KubeconfigContext> kubeconfig) {

  /** A context of a kubeconfig file; the file's current context when {@code context} is empty. */
  public record KubeconfigContext(Path file, Optional<String> context) {

    @Override
    public String toString() {
      return file + context.map(c -> " (context " + c + ")").orElse(" (current context)");
    }
  }
}
