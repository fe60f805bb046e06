package dev.meshfed.distribution.apply;

import dev.failsafe.Failsafe;
import dev.meshfed.distribution.model.Action;
import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.DesiredState;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.RecordPosition;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes live objects match the desired state, one retried execution per identity, so that one
 * failing object does not hold up the others. Every method and every attempt runs on the one
 * scheduler thread, so an attempt always acts on the latest desired state of its identity.
 *
 * <p>A failure is reported when an identity first fails and whenever it then fails differently, not
 * on every retry: retries go on forever.
 */
final class Reconciler {

  private static final Logger LOG = Logger.getLogger(Reconciler.class);

  private final DesiredState state;
  private final GuardedWrites writes;
  private final ScheduledExecutorService scheduler;
  private final RetrySettings retry;
  private final Runnable onProgress;
  private final ApplyReports reports;
  private final Map<ObjectIdentity, Work> pending = new HashMap<>();
  // counted, not scanned for: the status is refreshed after every attempt
  private int retrying;
  private long failedAttempts;
  private final ApplyLatency latency;
  private long applied;
  private long deleted;
  private long pruned;
  private long driftRepaired;
  private final AppliedTally appliedTally = new AppliedTally();
  private boolean tallyLineScheduled;

  Reconciler(
      DesiredState state,
      GuardedWrites writes,
      ScheduledExecutorService scheduler,
      RetrySettings retry,
      Runnable onProgress,
      ApplyReports reports,
      ApplyLatency latency) {
    this.latency = latency;
    this.state = state;
    this.writes = writes;
    this.scheduler = scheduler;
    this.retry = retry;
    this.onProgress = onProgress;
    this.reports = reports;
  }

  /**
   * Reads {@code target}'s identity and repairs it if it drifted from the desired state. Nothing to
   * do while an attempt on it is pending: that attempt applies the desired state anyway.
   */
  void repair(ObjectKey target) {
    if (!pending.containsKey(target.identity())) {
      reconcile(target, Cause.DRIFT);
    }
  }

  boolean pending(ObjectIdentity identity) {
    return pending.containsKey(identity);
  }

  /** Whether meshfed's own last write of the identity gave it {@code resourceVersion}. */
  boolean wroteVersion(ObjectIdentity identity, String resourceVersion) {
    return writes.wroteVersion(identity, resourceVersion);
  }

  /**
   * Makes {@code target}'s identity match the desired state: applied if desired, else deleted
   * (through {@code target}'s API version). A pending attempt will pick up the change.
   */
  void reconcile(ObjectKey target, Cause cause) {
    reconcile(target, cause, RecordPosition.UNKNOWN_TIME);
  }

  /** For a record written at {@code writtenAt}: how long it took is reported once it is done. */
  void reconcile(ObjectKey target, Cause cause, long writtenAt) {
    Work work = pending.get(target.identity());
    if (work != null) {
      work.target = target;
      work.cause = cause;
      work.writtenAt = writtenAt;
      return;
    }
    work = new Work(target, cause);
    work.writtenAt = writtenAt;
    pending.put(target.identity(), work);
    start(work);
  }

  private void start(Work work) {
    Failsafe.with(retry.forever(() -> describe(state.actionFor(work.target), work.cause)))
        .with(scheduler)
        .runAsync(() -> attempt(work))
        .whenComplete(
            (done, failure) -> Abandonment.report(scheduler, failure, "reconcile " + work.target));
  }

  private void attempt(Work work) {
    Action action = state.actionFor(work.target);
    Optional<Drift> repaired;
    try {
      repaired = perform(action, work);
    } catch (RuntimeException e) {
      failedAttempts++;
      if (work.failures++ == 0) {
        retrying++;
      }
      reportFailure(work, action, e);
      onProgress.run();
      throw e;
    }
    // Nothing else runs on this thread during an attempt: the work is done as it stands now.
    pending.remove(work.target.identity());
    if (work.failures > 0) {
      retrying--;
    }
    if (work.cause == Cause.DRIFT) {
      repaired.ifPresent(drift -> repaired(action.key(), drift));
    } else {
      count(action, work.cause);
      logDone(action, work.cause);
    }
    if (work.writtenAt != RecordPosition.UNKNOWN_TIME) {
      latency.done(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - work.writtenAt)));
    }
    onProgress.run();
  }

  /** The drift it repaired, for a repair; a repair of what is no longer desired does nothing. */
  private Optional<Drift> perform(Action action, Work work) {
    if (action instanceof Action.Apply apply && work.cause == Cause.DRIFT) {
      Optional<Drift> drift = writes.driftOf(apply.manifest());
      if (drift.isPresent()) {
        work.drift = drift.get().kind();
        writes.repair(apply.manifest(), drift.get());
      }
      return drift;
    }
    if (action instanceof Action.Apply apply) {
      writes.apply(apply.manifest());
    } else if (work.cause != Cause.DRIFT) {
      Action.Delete delete = (Action.Delete) action;
      writes.delete(delete.key(), delete.type());
    }
    return Optional.empty();
  }

  private void repaired(ObjectKey key, Drift drift) {
    applied++;
    driftRepaired++;
    LOG.infof("Repaired %s: %s", key, drift.describe());
    reports.driftRepaired(key, drift);
  }

  private void reportFailure(Work work, Action action, RuntimeException e) {
    Drift.Kind drift = e instanceof ObjectInTheWay ? Drift.Kind.UNMANAGED : work.drift;
    ApplyFailure failure =
        new ApplyFailure(
            action.key(), operation(action, work.cause), work.failures, errorOf(e), drift);
    if (!failure.repeats(work.reported)) {
      work.reported = failure;
      reports.applyFailed(failure);
    }
  }

  private static ApplyFailure.Operation operation(Action action, Cause cause) {
    if (action instanceof Action.Apply) {
      return cause == Cause.DRIFT ? ApplyFailure.Operation.REPAIR : ApplyFailure.Operation.APPLY;
    }
    return cause == Cause.PRUNE ? ApplyFailure.Operation.PRUNE : ApplyFailure.Operation.DELETE;
  }

  private static String errorOf(RuntimeException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private void count(Action action, Cause cause) {
    if (action instanceof Action.Apply) {
      applied++;
    } else if (cause == Cause.PRUNE) {
      pruned++;
    } else {
      deleted++;
    }
  }

  private static String describe(Action action, Cause cause) {
    if (action instanceof Action.Apply apply) {
      return (cause == Cause.DRIFT ? "repair " : "apply ") + apply.manifest().key();
    }
    String verb = cause == Cause.PRUNE ? "prune " : "delete ";
    return verb + ((Action.Delete) action).key();
  }

  private void logDone(Action action, Cause cause) {
    if (action instanceof Action.Apply apply) {
      LOG.debugf("Applied %s", apply.manifest().key());
      appliedTally.applied(System.nanoTime());
    } else {
      LOG.infof("%s %s", cause == Cause.PRUNE ? "Pruned" : "Deleted", action.key());
    }
    logTally();
  }

  /** The tally's line if due; if the limit holds it back, the line is logged once it is due. */
  private void logTally() {
    long now = System.nanoTime();
    Optional<String> line = appliedTally.summary(pending.isEmpty(), now);
    if (line.isPresent()) {
      LOG.info(line.get());
      return;
    }
    if (pending.isEmpty() && !tallyLineScheduled) {
      appliedTally
          .idleLineDueIn(now)
          .ifPresent(
              due -> {
                try {
                  scheduler.schedule(
                      () -> {
                        tallyLineScheduled = false;
                        logTally();
                      },
                      due.toNanos(),
                      TimeUnit.NANOSECONDS);
                  tallyLineScheduled = true;
                } catch (RejectedExecutionException stopping) {
                  LOG.debug("The summary line of the last applies is dropped: stopping");
                }
              });
    }
  }

  boolean idle() {
    return pending.isEmpty();
  }

  int pending() {
    return pending.size();
  }

  int retrying() {
    return retrying;
  }

  long failedAttempts() {
    return failedAttempts;
  }

  long applied() {
    return applied;
  }

  long deleted() {
    return deleted;
  }

  long pruned() {
    return pruned;
  }

  long driftRepaired() {
    return driftRepaired;
  }

  private static final class Work {
    private ObjectKey target;
    private Cause cause;
    private long writtenAt = RecordPosition.UNKNOWN_TIME;
    private int failures;
    private ApplyFailure reported;
    private Drift.Kind drift;

    private Work(ObjectKey target, Cause cause) {
      this.target = target;
      this.cause = cause;
    }
  }
}
