package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.Source;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one cluster's discovery-service among several in one process. It starts on a thread of its
 * own, so a slow or failing cluster holds up no other; a start that fails (API server unreachable,
 * broken kubeconfig, Kafka down) is logged naming the cluster and tried again with a fresh service
 * after a backoff. Where a single-cluster process would exit and be restarted, this restarts the
 * cluster alone. Once started, a service recovers from API server and Kafka outages on its own.
 */
public final class RestartingDiscovery implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RestartingDiscovery.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final String cluster;
  private final Supplier<DiscoveryService> factory;
  private final Backoff backoff;
  private final ScheduledExecutorService thread;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private volatile DiscoveryService current;
  private int failedStarts;

  /**
   * @param factory builds a new, unstarted service for the cluster; it may throw (e.g. when the
   *     kubeconfig cannot be read), which counts as a failed start
   */
  public RestartingDiscovery(String cluster, Supplier<DiscoveryService> factory, Backoff backoff) {
    this.cluster = cluster;
    this.factory = factory;
    this.backoff = backoff;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "discovery-" + cluster));
  }

  public String cluster() {
    return cluster;
  }

  /** Returns at once; the cluster starts in the background until it succeeds or is closed. */
  public void start() {
    thread.execute(this::attempt);
  }

  /** Whether the cluster has synced (it stays so: a started service recovers on its own). */
  public boolean synced() {
    return started.isDone();
  }

  /** The sources of the running service whose watch ended for good. */
  public List<Source> stoppedSources() {
    DiscoveryService service = current;
    return service == null || !synced() ? List.of() : service.stoppedSources();
  }

  /** What the running service has published; zeros while none runs. */
  public PublishCounts publishCounts() {
    DiscoveryService service = current;
    return service == null ? new PublishCounts(0, 0, 0) : service.publishCounts();
  }

  /** Completes once the cluster has synced and its Agent record is queued. */
  public CompletionStage<Void> started() {
    return started;
  }

  private void attempt() {
    try {
      current = factory.get();
      current.start();
      started.complete(null);
      if (failedStarts > 0) {
        LOG.infof("Cluster %s: started after %d failed starts", cluster, failedStarts);
      }
    } catch (RuntimeException e) {
      // close() interrupts a start; the Kafka clients would not close on an interrupted thread
      Thread.interrupted();
      closeCurrent();
      if (!thread.isShutdown()) {
        retryLater(e);
      }
    }
  }

  private void retryLater(RuntimeException failure) {
    failedStarts++;
    Duration delay = backoff.delay(failedStarts);
    String message =
        String.format(
            "Cluster %s: discovery failed to start (attempt %d), trying again in %d ms: %s",
            cluster, failedStarts, delay.toMillis(), failure.getMessage());
    if (failedStarts == 1) {
      LOG.error(message, failure);
    } else {
      LOG.error(message);
    }
    try {
      thread.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      LOG.debugf("Cluster %s: closed before its next start", cluster);
    }
  }

  private void closeCurrent() {
    DiscoveryService service = current;
    current = null;
    if (service != null) {
      try {
        service.close();
      } catch (RuntimeException e) {
        LOG.warnf(e, "Cluster %s: closing the failed service failed", cluster);
      }
    }
  }

  /** Interrupts a start in progress, drops a pending retry, and closes the service. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf("Cluster %s: its start did not stop in time; closing it anyway", cluster);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeCurrent();
  }
}
