package dev.meshfed.distribution.io;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The meshfed.* configuration of a distribution-service. It serves either one cluster through
 * Quarkus' Kubernetes client ({@code meshfed.cluster}, production) or several, each through its own
 * kubeconfig ({@code meshfed.clusters.<name>.kubeconfig}, for benchmarks and demos); {@link
 * ServedClusters} says which and rejects anything else.
 */
@ConfigMapping(prefix = "meshfed")
public interface DistributionConfig {

  /** Single-cluster mode: the name of the cluster this instance serves. */
  Optional<String> cluster();

  /** Multi-cluster mode: every cluster this instance serves, by name. */
  Map<String, ClusterAccess> clusters();

  Options distribution();

  TopicOptions topics();

  /** How to reach one cluster of the multi-cluster mode. */
  interface ClusterAccess {

    /** The path of a kubeconfig file. */
    String kubeconfig();

    /** The kubeconfig context to use; the file's current context when absent. */
    Optional<String> context();
  }

  /** How missing topics are created; each absent setting is the broker's default. */
  interface TopicOptions {
    Optional<Short> replicationFactor();

    Optional<Integer> minInsyncReplicas();
  }

  interface Options {

    Retry retry();

    /**
     * The largest share of the managed objects in a cluster that one catch-up may prune; a larger
     * prune is withheld and reported (the desired topic may be truncated).
     */
    @WithDefault("50")
    int pruneLimitPercent();
  }

  interface Retry {

    @WithDefault("200ms")
    Duration initialDelay();

    @WithDefault("30s")
    Duration maxDelay();
  }
}
