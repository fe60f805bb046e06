package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.KnownRecords;
import dev.meshfed.discovery.model.ListingCheck;
import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.model.Reconciliation;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.model.Write;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Publishes the full state of one cluster's watched objects to its discovered topic: first what
 * changed since the topic was last written, then every change as it happens.
 */
public final class DiscoveryService implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DiscoveryService.class);

  /**
   * @param runId identifies this run in the Agent record
   * @param namespaces the namespaces whose applications are published
   */
  public record Options(
      String discoveryVersion,
      String runId,
      Duration syncTimeout,
      Backoff backoff,
      NamespaceSelection namespaces) {

    /** Every namespace. */
    public Options(String discoveryVersion, String runId, Duration syncTimeout, Backoff backoff) {
      this(discoveryVersion, runId, syncTimeout, backoff, NamespaceSelection.EVERYTHING);
    }
  }

  private final String topic;
  private final Options options;
  private final TopicProvisioner topics;
  private final TopicSnapshotReader snapshotReader;
  private final RecordSink sink;
  private final ClusterWatch watch;
  private final ClusterState clusterState;
  private volatile Write agent;
  private volatile Publisher publisher;
  private boolean closed;

  public DiscoveryService(
      String topic,
      Options options,
      TopicProvisioner topics,
      TopicSnapshotReader snapshotReader,
      RecordSink sink,
      ClusterWatch watch) {
    this.topic = topic;
    this.options = options;
    this.topics = topics;
    this.snapshotReader = snapshotReader;
    this.sink = sink;
    this.watch = watch;
    this.clusterState = new ClusterState(watch, options.namespaces());
  }

  /** Returns once the cluster is synced and the Agent record is queued. */
  public void start() {
    topics.ensureClusterTopics();
    // the cluster is listed while the topic is read: neither waits for the other
    PublishingListener listener = new PublishingListener(topic, clusterState);
    CompletableFuture<Void> listed = watch.start(listener).toCompletableFuture();
    Map<DiscoveryKey, DiscoveredObject> snapshot = snapshotReader.readToEnd();
    LOG.infof(
        "Topic %s holds %d records; publishing the applications of %s",
        topic, snapshot.size(), options.namespaces());
    publisher =
        new Publisher(topic, sink, new KnownRecords(snapshot), options.backoff(), this::current);
    listener.publishTo(publisher);
    awaitSynced(listed);
    agent = AgentRecord.of(options.discoveryVersion(), options.runId(), watch.watchedSources());
    checkListing();
    Reconciliation.Plan plan = reconcile(snapshot);
    publishAgent(plan);
  }

  private void awaitSynced(CompletableFuture<Void> listed) {
    try {
      listed.get(options.syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "The cluster's objects were not listed within " + options.syncTimeout(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot watch the cluster: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing the cluster's objects", e);
    }
  }

  /** Fails the start (it is tried again) before a listing that cannot be trusted tombstones. */
  private void checkListing() {
    List<String> namespaces =
        watch.cached(Source.NAMESPACES).stream().map(ns -> ns.getMetadata().getName()).toList();
    ListingCheck.untrusted(namespaces)
        .ifPresent(
            problem -> {
              throw new IllegalStateException(
                  "Not synced with " + topic + "'s cluster: " + problem);
            });
  }

  /**
   * Publishes the cache's current state (some adds may still be on their way to the listener) and
   * tombstones what was deleted while this service was down. It runs on the publishing thread, so a
   * change that comes later is also published later.
   */
  private Reconciliation.Plan reconcile(Map<DiscoveryKey, DiscoveredObject> snapshot) {
    return publisher
        .publishPlanned(
            () -> Reconciliation.plan(snapshot.keySet(), clusterState.currentWrites()),
            Reconciliation.Plan::all)
        .join();
  }

  private void publishAgent(Reconciliation.Plan plan) {
    publisher
        .publishAlways(agent)
        .thenRun(
            () ->
                LOG.infof(
                    "Sync complete for %s: %d objects' records, %d stale keys tombstoned;"
                        + " %d records sent, %d writes skipped as unchanged",
                    topic,
                    plan.current().stream().filter(write -> !write.isTombstone()).count(),
                    plan.staleTombstones().size(),
                    publisher.sentCount(),
                    publisher.unchangedCount()));
  }

  private Write current(DiscoveryKey key) {
    return key.equals(AgentRecord.KEY) ? agent : clusterState.current(key);
  }

  /** What has been published so far; zeros before the start. */
  public PublishCounts publishCounts() {
    Publisher current = publisher;
    return current == null
        ? new PublishCounts(0, 0, 0)
        : new PublishCounts(
            current.sentCount(), current.unchangedCount(), current.failedSendCount());
  }

  /** The sources whose watch ended for good; see {@link ClusterWatch#stoppedSources}. */
  public List<Source> stoppedSources() {
    return watch.stoppedSources();
  }

  /** Stops watching, then sends what is queued and waits for the broker. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watch.close();
    if (publisher != null) {
      publisher.close();
    } else {
      sink.close();
    }
  }
}
