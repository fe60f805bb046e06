package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.model.KnownRecords;
import dev.meshfed.discovery.model.Write;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one ordered path to the discovered topic: a single thread sends every record, so per key the
 * last write wins. It owns the known records (to skip writes that change nothing) and republishes a
 * key whose send failed, from the cluster's current state, after a backoff.
 */
public final class Publisher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Publisher.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final ScheduledThreadPoolExecutor thread;
  private final RecordSink sink;
  private final KnownRecords known;
  private final Backoff backoff;
  private final Function<DiscoveryKey, Write> currentState;
  private final Map<DiscoveryKey, Integer> failedAttempts = new HashMap<>();
  private final Set<DiscoveryKey> retryScheduled = new HashSet<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong failedSends = new AtomicLong();
  private final AtomicBoolean closing = new AtomicBoolean();

  /**
   * @param topic names the topic in log lines and the thread: a process may serve several clusters
   * @param currentState the record a key should have now (a tombstone when nothing owns it)
   */
  public Publisher(
      String topic,
      RecordSink sink,
      KnownRecords known,
      Backoff backoff,
      Function<DiscoveryKey, Write> currentState) {
    this.topic = topic;
    this.sink = sink;
    this.known = known;
    this.backoff = backoff;
    this.currentState = currentState;
    this.thread =
        new ScheduledThreadPoolExecutor(1, runnable -> new Thread(runnable, "publisher-" + topic));
    // Retries still waiting at shutdown are dropped: the next start reconciles the topic anyway.
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Sends the write unless the topic already says the same. */
  public void publish(Write write) {
    thread.execute(() -> publishIfNews(write));
  }

  /**
   * Makes a plan on the publishing thread and sends its writes that are news, before any write
   * queued later.
   */
  public <P> CompletableFuture<P> publishPlanned(
      Supplier<P> planner, Function<P, List<Write>> writesOf) {
    return CompletableFuture.supplyAsync(
        () -> {
          P plan = planner.get();
          writesOf.apply(plan).forEach(this::publishIfNews);
          return plan;
        },
        thread);
  }

  /** Sends the write even if the topic already holds it; completes when the broker has it. */
  public CompletableFuture<Void> publishAlways(Write write) {
    return CompletableFuture.supplyAsync(() -> send(write), thread).thenCompose(sending -> sending);
  }

  public long sentCount() {
    return sent.get();
  }

  public long unchangedCount() {
    return unchanged.get();
  }

  /** Sends the broker did not take (each is retried with the key's current state). */
  public long failedSendCount() {
    return failedSends.get();
  }

  private boolean publishIfNews(Write write) {
    if (!known.isNews(write)) {
      unchanged.incrementAndGet();
      return false;
    }
    send(write);
    return true;
  }

  private CompletableFuture<Void> send(Write write) {
    known.remember(write);
    sent.incrementAndGet();
    LOG.debugf("Publishing %s", write);
    return sink.send(write)
        .whenComplete((ok, error) -> onPublishingThread(() -> completed(write.key(), error)))
        .toCompletableFuture();
  }

  private void completed(DiscoveryKey key, Throwable error) {
    if (error == null) {
      failedAttempts.remove(key);
    } else {
      scheduleRetry(key, error);
    }
  }

  private void scheduleRetry(DiscoveryKey key, Throwable error) {
    failedSends.incrementAndGet();
    int attempt = failedAttempts.merge(key, 1, Integer::sum);
    Duration delay = backoff.delay(attempt);
    LOG.errorf(
        error,
        "Publishing %s to %s failed (attempt %d); republishing its current state in %d ms",
        Keys.describe(key),
        topic,
        attempt,
        delay.toMillis());
    if (retryScheduled.add(key)) {
      thread.schedule(() -> retry(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void retry(DiscoveryKey key) {
    retryScheduled.remove(key);
    send(currentState.apply(key));
  }

  private void onPublishingThread(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.warnf(
          e,
          "A send to %s completed after its publisher stopped; the next start reconciles it",
          topic);
    }
  }

  /** Sends what is queued, waits for the broker, then stops; pending retries are dropped. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture.runAsync(() -> {}, thread)
        .orTimeout(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        .join();
    sink.flush();
    CompletableFuture.runAsync(this::logPendingRetries, thread).join();
    thread.shutdown();
    awaitTermination();
    sink.close();
  }

  private void logPendingRetries() {
    if (!retryScheduled.isEmpty()) {
      LOG.warnf(
          "Stopping with %d records of %s not yet republished: %s",
          retryScheduled.size(), topic, retryScheduled);
    }
  }

  private void awaitTermination() {
    try {
      if (!thread.awaitTermination(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warnf("The publishing thread of %s did not stop in time", topic);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the publisher", e);
    }
  }
}
