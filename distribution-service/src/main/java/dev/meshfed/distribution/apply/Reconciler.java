package dev.meshfed.distribution.apply;

import dev.failsafe.Failsafe;
import dev.meshfed.distribution.model.Action;
import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.DesiredState;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.RecordPosition;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
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
  private final ClusterWriter writer;
  private final ScheduledExecutorService scheduler;
  private final RetrySettings retry;
  private final Runnable onProgress;
  private final Consumer<ApplyFailure> onFailure;
  private final Map<ObjectIdentity, Work> pending = new HashMap<>();
  // counted, not scanned for: the status is refreshed after every attempt
  private int retrying;
  private long failedAttempts;
  private final ApplyLatency latency;
  private long applied;
  private long deleted;
  private long pruned;

  Reconciler(
      DesiredState state,
      ClusterWriter writer,
      ScheduledExecutorService scheduler,
      RetrySettings retry,
      Runnable onProgress,
      Consumer<ApplyFailure> onFailure,
      ApplyLatency latency) {
    this.latency = latency;
    this.state = state;
    this.writer = writer;
    this.scheduler = scheduler;
    this.retry = retry;
    this.onProgress = onProgress;
    this.onFailure = onFailure;
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
    try {
      perform(action);
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
    count(action, work.cause);
    if (work.writtenAt != RecordPosition.UNKNOWN_TIME) {
      latency.done(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - work.writtenAt)));
    }
    LOG.info(done(action, work.cause));
    onProgress.run();
  }

  private void perform(Action action) {
    if (action instanceof Action.Apply apply) {
      writer.apply(apply.manifest());
    } else {
      Action.Delete delete = (Action.Delete) action;
      writer.delete(delete.key(), delete.type());
    }
  }

  private void reportFailure(Work work, Action action, RuntimeException e) {
    ApplyFailure failure =
        new ApplyFailure(action.key(), operation(action, work.cause), work.failures, errorOf(e));
    if (!failure.repeats(work.reported)) {
      work.reported = failure;
      onFailure.accept(failure);
    }
  }

  private static ApplyFailure.Operation operation(Action action, Cause cause) {
    if (action instanceof Action.Apply) {
      return ApplyFailure.Operation.APPLY;
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
      return "apply " + apply.manifest().key();
    }
    String verb = cause == Cause.PRUNE ? "prune " : "delete ";
    return verb + ((Action.Delete) action).key();
  }

  private static String done(Action action, Cause cause) {
    if (action instanceof Action.Apply apply) {
      return "Applied " + apply.manifest().key();
    }
    String verb = cause == Cause.PRUNE ? "Pruned " : "Deleted ";
    return verb + ((Action.Delete) action).key();
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

  private static final class Work {
    private ObjectKey target;
    private Cause cause;
    private long writtenAt = RecordPosition.UNKNOWN_TIME;
    private int failures;
    private ApplyFailure reported;

    private Work(ObjectKey target, Cause cause) {
      this.target = target;
      this.cause = cause;
    }
  }
}
