package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.apply.StatusLoop;
import dev.meshfed.distribution.model.DistributionStatus;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.schema.kafka.TopicSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The distribution of every served cluster: per cluster, a loop of its own (its own threads,
 * desired-topic consumer and report producer) and the client it owns, so that a cluster whose API
 * server fails holds up no other.
 */
public final class Distributions implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Distributions.class);

  private final List<Served> served;

  private Distributions(List<Served> served) {
    this.served = served;
  }

  /**
   * Builds every cluster's client first, so that a configuration error stops the start before any
   * loop runs, then starts every loop.
   *
   * @param applicationClient the client for a cluster without a kubeconfig of its own; not closed
   *     here
   * @param kafkaConfig Kafka client configuration, at least {@code bootstrap.servers}
   */
  public static Distributions start(
      List<ServedCluster> clusters,
      Supplier<KubernetesClient> applicationClient,
      Map<String, Object> kafkaConfig,
      TopicSettings topics,
      RetrySettings retry,
      PruneGuard pruneGuard) {
    List<Served> served = new ArrayList<>();
    Distributions distributions = new Distributions(served);
    try {
      for (ServedCluster cluster : clusters) {
        served.add(connect(cluster, applicationClient));
      }
      for (Served cluster : served) {
        LOG.infof(
            "Distributing to cluster %s at %s%s",
            cluster.name,
            cluster.client.getMasterUrl(),
            cluster.kubeconfig.map(k -> " from kubeconfig " + k).orElse(""));
        cluster.loop =
            DistributionFactory.create(
                cluster.name, kafkaConfig, topics, cluster.client, retry, pruneGuard);
        cluster.loop.start();
        cluster.statusLoop =
            DistributionFactory.statusLoop(cluster.name, kafkaConfig, cluster.client, retry);
        cluster.statusLoop.start();
      }
    } catch (RuntimeException e) {
      distributions.close();
      throw e;
    }
    return distributions;
  }

  private static Served connect(ServedCluster cluster, Supplier<KubernetesClient> application) {
    return cluster
        .kubeconfig()
        .map(
            kubeconfig -> {
              try {
                return new Served(
                    cluster.name(), KubeconfigClients.create(kubeconfig), cluster.kubeconfig());
              } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                    "Cluster " + cluster.name() + ": " + e.getMessage(), e);
              }
            })
        .orElseGet(() -> new Served(cluster.name(), application.get(), Optional.empty()));
  }

  /** Each cluster's status, by name, in the order configured. */
  public Map<String, DistributionStatus> status() {
    Map<String, DistributionStatus> status = new LinkedHashMap<>();
    served.forEach(
        cluster ->
            status.put(
                cluster.name,
                cluster.loop == null ? DistributionStatus.STARTING : cluster.loop.status()));
    return status;
  }

  /** The clusters whose loop stopped and will not recover: the process should be restarted. */
  public List<String> stalled() {
    return served.stream()
        .filter(cluster -> cluster.loop != null && !cluster.loop.alive())
        .map(cluster -> cluster.name)
        .toList();
  }

  /**
   * Closes every cluster's loop, then the client built for it. Clusters close in parallel: each
   * waits, within bounds, for its writes and reports to end, and a cluster whose API server or
   * reports hang would otherwise hold up the others' shutdown.
   */
  @Override
  public void close() {
    List<Thread> closing = new ArrayList<>();
    for (Served cluster : served) {
      Thread thread = new Thread(cluster::closeLogged, "meshfed-close-" + cluster.name);
      closing.add(thread);
      thread.start();
    }
    boolean interrupted = false;
    for (Thread thread : closing) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Served {
    private final String name;
    private final KubernetesClient client;

    /** Present when the client was built for this cluster, which then closes it. */
    private final Optional<ServedCluster.KubeconfigContext> kubeconfig;

    private DistributionLoop loop;
    private StatusLoop statusLoop;

    private Served(
        String name,
        KubernetesClient client,
        Optional<ServedCluster.KubeconfigContext> kubeconfig) {
      this.name = name;
      this.client = client;
      this.kubeconfig = kubeconfig;
    }

    private void closeLogged() {
      try {
        close();
      } catch (RuntimeException e) {
        LOG.errorf(e, "Cannot stop distributing to cluster %s cleanly", name);
      }
    }

    private void close() {
      try {
        if (statusLoop != null) {
          statusLoop.close();
        }
        if (loop != null) {
          loop.close();
        }
      } finally {
        if (kubeconfig.isPresent()) {
          client.close();
        }
      }
    }
  }
}
