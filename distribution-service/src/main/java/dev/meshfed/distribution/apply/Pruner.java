package dev.meshfed.distribution.apply;

import dev.failsafe.Failsafe;
import dev.meshfed.distribution.model.DesiredState;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.PruneDecision;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.distribution.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Hands managed live objects that nothing desires to the reconciler, which deletes them unless a
 * record makes them desired first. Lists each kind once, retried until the list succeeds, then,
 * unless the guard withholds it, prunes what every kind's list found; runs on the scheduler thread
 * like the reconciler.
 */
final class Pruner {

  private static final Logger LOG = Logger.getLogger(Pruner.class);

  private final KindTable kinds;
  private final ManagedObjects live;
  private final DesiredState state;
  private final Reconciler reconciler;
  private final ScheduledExecutorService scheduler;
  private final RetrySettings retry;
  private final PruneGuard guard;
  private final Runnable onProgress;
  private final BiConsumer<Integer, String> onWithheld;
  private final List<ObjectKey> candidates = new ArrayList<>();
  private int managed;
  private int kindsToList = -1;
  private int withheld;

  Pruner(
      KindTable kinds,
      ManagedObjects live,
      DesiredState state,
      Reconciler reconciler,
      ScheduledExecutorService scheduler,
      RetrySettings retry,
      PruneGuard guard,
      Runnable onProgress,
      BiConsumer<Integer, String> onWithheld) {
    this.kinds = kinds;
    this.live = live;
    this.state = state;
    this.reconciler = reconciler;
    this.scheduler = scheduler;
    this.retry = retry;
    this.guard = guard;
    this.onProgress = onProgress;
    this.onWithheld = onWithheld;
  }

  /** Must only run once the whole desired state is known: before, everything looks undesired. */
  void pruneAll() {
    kindsToList = kinds.kinds().size();
    for (ResourceKind kind : kinds.kinds()) {
      Failsafe.with(retry.forever(() -> "list managed " + kind.kind() + " objects for pruning"))
          .with(scheduler)
          .runAsync(() -> list(kind))
          .whenComplete(
              (done, failure) ->
                  Abandonment.report(scheduler, failure, "list " + kind.kind() + " objects"));
    }
  }

  /** Whether every kind has been listed and its unwanted objects handed on (or withheld). */
  boolean done() {
    return kindsToList == 0;
  }

  /** Managed objects nothing desires that the guard kept from being pruned. */
  int withheld() {
    return withheld;
  }

  private void list(ResourceKind kind) {
    List<ObjectKey> listed = live.list(kind);
    managed += listed.size();
    candidates.addAll(PruneDecision.toPrune(listed, state));
    if (--kindsToList == 0) {
      decide();
    }
    onProgress.run();
  }

  private void decide() {
    Optional<String> reason = guard.withhold(candidates.size(), managed, state.desiredCount());
    if (reason.isPresent()) {
      withheld = candidates.size();
      LOG.errorf("Not pruning %d objects: %s", withheld, reason.get());
      onWithheld.accept(withheld, reason.get());
    } else {
      candidates.forEach(key -> reconciler.reconcile(key, Cause.PRUNE));
    }
    candidates.clear();
  }
}
