package dev.meshfed.distribution.apply;

import dev.failsafe.Failsafe;
import dev.meshfed.distribution.model.ConvergenceWatch;
import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.DesiredState;
import dev.meshfed.distribution.model.DistributionStatus;
import dev.meshfed.distribution.model.DriftCheck;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.distribution.model.RecordOutcome;
import dev.meshfed.distribution.model.TopicRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One cluster's distribution: creates its desired topic, reads it to the end, applies that state
 * and prunes what it does not contain, then applies every further record as it comes. It reports
 * failed writes and, whenever it has converged, how many objects the cluster holds.
 *
 * <p>The topic is read on a thread of its own; the desired state, every decision and every cluster
 * write live on a single scheduler thread, so they need no locks and never race.
 */
public final class DistributionLoop implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DistributionLoop.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration WATCH_SYNC_WAIT = Duration.ofSeconds(30);

  private final DesiredTopic topic;
  private final DesiredState state;
  private final ScheduledExecutorService scheduler;
  private final Reconciler reconciler;
  private final Pruner pruner;
  private final TopicReader reader;
  private final CatchUpGate catchUpGate;
  private final ApplyReports reports;
  private final ManagedObjectWatch watch;
  private final RetrySettings retry;
  private final ConvergenceWatch convergence = new ConvergenceWatch();
  // what the watch showed before the topic was read to its end, to compare with the state read then
  private final Map<ObjectIdentity, Optional<LiveObject>> seenBeforeCatchUp = new HashMap<>();

  /**
   * Objects whose watch event came while an attempt on them was pending, and was passed over, and
   * was not the echo of meshfed's previous write: the echo of that attempt's write is checked, as
   * it keeps fields others added meanwhile. (In a cold start most events that come while an apply
   * is pending are the echo of the apply before it.)
   */
  private final Set<ObjectIdentity> changedWhilePending = new HashSet<>();

  private volatile DistributionStatus status = DistributionStatus.STARTING;
  private boolean tailing;
  private boolean caughtUp;

  public DistributionLoop(
      DesiredTopic topic,
      DesiredRecordSource source,
      ClusterWriter writer,
      ManagedObjects live,
      ApplyReports reports,
      KindTable kinds,
      RetrySettings retry) {
    this(
        topic,
        source,
        writer,
        live,
        ManagedObjectWatch.NONE,
        reports,
        kinds,
        retry,
        PruneGuard.DEFAULT,
        ApplyLatency.NONE);
  }

  public DistributionLoop(
      DesiredTopic topic,
      DesiredRecordSource source,
      ClusterWriter writer,
      ManagedObjects live,
      ManagedObjectWatch watch,
      ApplyReports reports,
      KindTable kinds,
      RetrySettings retry,
      PruneGuard pruneGuard,
      ApplyLatency latency) {
    this.topic = topic;
    this.watch = watch;
    this.retry = retry;
    this.reports = new GuardedReports(reports);
    this.state = new DesiredState(new ManifestParser(kinds));
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "meshfed-distribution-" + topic.name()));
    this.reconciler =
        new Reconciler(
            state,
            new GuardedWrites(writer, watch),
            scheduler,
            retry,
            this::refreshStatus,
            this.reports,
            latency);
    this.pruner =
        new Pruner(
            kinds,
            live,
            state,
            reconciler,
            scheduler,
            retry,
            pruneGuard,
            this::refreshStatus,
            this.reports::pruneWithheld);
    this.catchUpGate = new CatchUpGate(scheduler, WATCH_SYNC_WAIT, this::onCaughtUp);
    this.reader =
        new TopicReader(
            topic, source, retry, this::handOver, () -> scheduler.execute(catchUpGate::readToEnd));
  }

  public void start() {
    LOG.infof("Distributing %s", topic.name());
    Failsafe.with(retry.forever(() -> "watch the managed objects of " + topic.name()))
        .with(scheduler)
        .runAsync(
            () -> {
              try {
                watch.start(
                    live -> scheduler.execute(() -> onLive(live.key(), Optional.of(live))),
                    key -> scheduler.execute(() -> onLive(key, Optional.empty())),
                    () -> scheduler.execute(catchUpGate::watchSynced));
              } catch (RuntimeException e) {
                scheduler.execute(catchUpGate::watchFailed);
                throw e;
              }
            })
        .whenComplete(
            (done, failure) -> Abandonment.report(scheduler, failure, "watch " + topic.name()));
    reader.start();
  }

  public DistributionStatus status() {
    return status;
  }

  /**
   * False when the loop can no longer make progress: its reader stopped, without {@link #close}, on
   * an error it could not retry. (The apply thread survives a failed task: the executor replaces
   * it.)
   */
  public boolean alive() {
    return reader.reading();
  }

  /** Stops reading and writing, then delivers what was reported; idempotent. */
  @Override
  public void close() {
    if (scheduler.isShutdown()) {
      return;
    }
    reader.close();
    watch.close();
    scheduler.shutdownNow();
    try {
      awaitTermination();
    } finally {
      reports.close();
    }
    LOG.infof("Stopped distributing %s: %s", topic.name(), status);
  }

  /** Runs on the reader thread. */
  private void handOver(List<TopicRecord> records) {
    scheduler.execute(() -> onRecords(records));
  }

  private void onRecords(List<TopicRecord> records) {
    for (TopicRecord topicRecord : records) {
      RecordOutcome outcome = state.record(topicRecord);
      if (outcome instanceof RecordOutcome.Rejected rejected) {
        LOG.errorf(
            "Cannot use %s at %s: %s", rejected.subject(), rejected.origin(), rejected.reason());
      } else if (tailing) {
        reconciler.reconcile(
            ((RecordOutcome.Changed) outcome).key(),
            Cause.RECORD,
            topicRecord.position().writtenAt());
      }
    }
    refreshStatus();
  }

  private void onCaughtUp() {
    LOG.infof(
        "Read %s to its end: %d desired, %d failed records; applying, then pruning",
        topic.name(), state.desiredCount(), state.failedRecords());
    tailing = true;
    for (ObjectIdentity identity : state.desiredIdentities()) {
      DesiredManifest manifest = state.desired(identity).orElseThrow();
      reconciler.reconcile(manifest.key(), catchUpCause(manifest));
    }
    seenBeforeCatchUp.clear();
    pruner.pruneAll();
    refreshStatus();
  }

  /**
   * A managed object changed or went: repair it if it drifted from its desired object. Before the
   * desired state is known, what was seen is kept for the catch-up to compare.
   */
  private void onLive(ObjectKey key, Optional<LiveObject> live) {
    ObjectIdentity identity = key.identity();
    if (!tailing) {
      seenBeforeCatchUp.put(identity, live);
      return;
    }
    if (reconciler.pending(identity)) {
      if (live.isEmpty() || !reconciler.wroteVersion(identity, live.get().resourceVersion())) {
        changedWhilePending.add(identity);
      }
      return;
    }
    boolean changedMeanwhile = changedWhilePending.remove(identity);
    if (!changedMeanwhile
        && live.isPresent()
        && reconciler.wroteVersion(identity, live.get().resourceVersion())) {
      return; // the echo of its own write
    }
    state
        .desired(identity)
        .filter(desired -> DriftCheck.of(desired, live).isPresent())
        .ifPresent(desired -> reconciler.repair(desired.key()));
  }

  /**
   * How catch-up reconciles a desired object: as a repair (read, compare, report) when the watch
   * showed it drifted, e.g. while the service was down; else with a plain apply.
   */
  private Cause catchUpCause(DesiredManifest manifest) {
    Optional<LiveObject> seen = seenBeforeCatchUp.get(manifest.identity());
    if (seen == null) {
      // listed by the watch, but its event is still on the way: read it to compare
      return watch.holds(manifest.identity()) ? Cause.DRIFT : Cause.CATCH_UP;
    }
    if (seen.isPresent() && DriftCheck.of(manifest, seen).isPresent()) {
      return Cause.DRIFT;
    }
    return Cause.CATCH_UP;
  }

  /** Runs on the scheduler thread after every change. */
  private void refreshStatus() {
    if (!caughtUp && tailing && pruner.done() && reconciler.idle()) {
      caughtUp = true;
      LOG.infof(
          "Caught up with %s: %d desired, %d applied, %d pruned, %d failed",
          topic.name(),
          state.desiredCount(),
          reconciler.applied(),
          reconciler.pruned(),
          state.failedRecords());
    }
    status =
        new DistributionStatus(
            state.desiredCount(),
            reconciler.applied(),
            reconciler.deleted(),
            reconciler.pruned(),
            reconciler.pending(),
            reconciler.retrying(),
            reconciler.failedAttempts(),
            state.failedRecords(),
            reconciler.driftRepaired(),
            pruner.withheld(),
            caughtUp);
    convergence.observe(status, state.lastOffset()).ifPresent(reports::converged);
  }

  private void awaitTermination() {
    try {
      if (!scheduler.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf("%s did not stop within %s", topic.name(), STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping " + topic.name(), e);
    }
  }
}
