package dev.meshfed.distribution.io;

import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.DriftKind;
import dev.meshfed.schema.events.DriftRepaired;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.PruneWithheld;

/**
 * The applied topic's records for the loop's reports. The subject of a failure is its object,
 * {@code Kind/namespace/name} without the API version, so that every report on one object stays in
 * order whichever version it was written in; the subject of a convergence is the cluster.
 */
final class AppliedEvents {

  /** One record of the applied topic. */
  record Event(EventKey key, FederationEvent value) {}

  private final String cluster;

  AppliedEvents(String cluster) {
    this.cluster = cluster;
  }

  Event applyFailed(ApplyFailure failure) {
    ObjectKey key = failure.key();
    String message =
        "cannot %s %s %s/%s in %s (attempt %d): %s"
            .formatted(
                failure.operation().name().toLowerCase(),
                key.kind(),
                key.namespace(),
                key.name(),
                cluster,
                failure.attempts(),
                failure.error());
    ApplyFailed event =
        new ApplyFailed(
            desiredKey(key),
            action(failure.operation()),
            failure.attempts(),
            failure.error(),
            failure.drift() == null ? null : driftKind(failure.drift()));
    return new Event(subject(key), new FederationEvent(message, event));
  }

  Event pruneWithheld(int objects, String reason) {
    return new Event(
        new EventKey(cluster),
        new FederationEvent(
            "not pruning %d objects in %s: %s".formatted(objects, cluster, reason),
            new PruneWithheld(objects, reason)));
  }

  Event driftRepaired(ObjectKey key, Drift drift) {
    String message =
        "repaired %s %s/%s in %s: %s"
            .formatted(key.kind(), key.namespace(), key.name(), cluster, drift.describe());
    DriftRepaired event =
        new DriftRepaired(
            desiredKey(key), driftKind(drift.kind()), drift.fields(), drift.managers());
    return new Event(subject(key), new FederationEvent(message, event));
  }

  private static EventKey subject(ObjectKey key) {
    return new EventKey(key.kind() + "/" + key.namespace() + "/" + key.name());
  }

  private static DesiredKey desiredKey(ObjectKey key) {
    return new DesiredKey(key.apiVersion(), key.kind(), key.namespace(), key.name());
  }

  private static DriftKind driftKind(Drift.Kind kind) {
    return switch (kind) {
      case DELETED -> DriftKind.DELETED;
      case EDITED -> DriftKind.EDITED;
      case TAKEN_OVER -> DriftKind.TAKEN_OVER;
      case UNMANAGED -> DriftKind.UNMANAGED;
    };
  }

  Event converged(Convergence convergence) {
    ClusterConverged event =
        new ClusterConverged(
            convergence.desired(),
            convergence.applied(),
            convergence.deleted(),
            convergence.pruned(),
            convergence.desiredOffset().isPresent()
                ? convergence.desiredOffset().getAsLong()
                : null,
            convergence.pruneWithheld());
    return new Event(new EventKey(cluster), new FederationEvent(message(convergence), event));
  }

  private String message(Convergence convergence) {
    String message =
        "%s holds its %d desired object%s (applied %d, deleted %d, pruned %d since start"
            .formatted(
                cluster,
                convergence.desired(),
                convergence.desired() == 1 ? "" : "s",
                convergence.applied(),
                convergence.deleted(),
                convergence.pruned());
    if (convergence.pruneWithheld() > 0) {
      message += "; %d undesired objects not pruned".formatted(convergence.pruneWithheld());
    }
    if (convergence.failedRecords() > 0) {
      message +=
          "; %d desired record%s could not be used"
              .formatted(convergence.failedRecords(), convergence.failedRecords() == 1 ? "" : "s");
    }
    return message + ")";
  }

  private static ApplyAction action(ApplyFailure.Operation operation) {
    return switch (operation) {
      case APPLY -> ApplyAction.APPLY;
      case DELETE -> ApplyAction.DELETE;
      case PRUNE -> ApplyAction.PRUNE;
      case REPAIR -> ApplyAction.REPAIR;
    };
  }
}
