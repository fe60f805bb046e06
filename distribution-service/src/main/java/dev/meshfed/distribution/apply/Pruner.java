package dev.meshfed.distribution.apply;

import dev.failsafe.Failsafe;
import dev.meshfed.distribution.model.DesiredState;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.PruneDecision;
import dev.meshfed.distribution.model.ResourceKind;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Hands managed live objects that nothing desires to the reconciler, which deletes them unless a
 * record makes them desired first. Lists each kind once, retried until the list succeeds; runs on
 * the scheduler thread like the reconciler.
 */
final class Pruner {

  private final KindTable kinds;
  private final ManagedObjects live;
  private final DesiredState state;
  private final Reconciler reconciler;
  private final ScheduledExecutorService scheduler;
  private final RetrySettings retry;
  private final Runnable onProgress;
  private int kindsToList = -1;

  Pruner(
      KindTable kinds,
      ManagedObjects live,
      DesiredState state,
      Reconciler reconciler,
      ScheduledExecutorService scheduler,
      RetrySettings retry,
      Runnable onProgress) {
    this.kinds = kinds;
    this.live = live;
    this.state = state;
    this.reconciler = reconciler;
    this.scheduler = scheduler;
    this.retry = retry;
    this.onProgress = onProgress;
  }

  /** Must only run once the whole desired state is known: before, everything looks undesired. */
  void pruneAll() {
    kindsToList = kinds.kinds().size();
    for (ResourceKind kind : kinds.kinds()) {
      Failsafe.with(retry.forever(() -> "list managed " + kind.kind() + " objects for pruning"))
          .with(scheduler)
          .runAsync(() -> prune(kind))
          .whenComplete(
              (done, failure) ->
                  Abandonment.report(scheduler, failure, "list " + kind.kind() + " objects"));
    }
  }

  /** Whether every kind has been listed and its unwanted objects handed on. */
  boolean done() {
    return kindsToList == 0;
  }

  private void prune(ResourceKind kind) {
    List<ObjectKey> unwanted = PruneDecision.toPrune(live.list(kind), state);
    unwanted.forEach(key -> reconciler.reconcile(key, Cause.PRUNE));
    kindsToList--;
    onProgress.run();
  }
}
