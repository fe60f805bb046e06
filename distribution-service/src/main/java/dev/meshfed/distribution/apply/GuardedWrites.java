package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.DriftCheck;
import dev.meshfed.distribution.model.LiveObject;
import java.util.Optional;

/**
 * The writes of desired objects, guarded so that meshfed never overwrites an object it does not
 * manage, and the repair of a desired object that drifted. A desired status is written after each
 * apply.
 */
final class GuardedWrites {

  private final ClusterWriter writer;
  private final ManagedObjectWatch watch;

  GuardedWrites(ClusterWriter writer, ManagedObjectWatch watch) {
    this.writer = writer;
    this.watch = watch;
  }

  ClusterWriter writer() {
    return writer;
  }

  /**
   * Applies {@code manifest} unless an object meshfed does not manage has its name. Only an object
   * the watch does not hold is read first: for the others, a read would tell nothing new.
   */
  void apply(DesiredManifest manifest) {
    if (!watch.holds(manifest.identity())) {
      Optional<LiveObject> live = writer.read(manifest.key(), manifest.type());
      if (live.isPresent() && !live.get().managed()) {
        throw new ObjectInTheWay(manifest.key());
      }
    }
    applyWithStatus(manifest);
  }

  /** How the live object differs from {@code manifest} now, read from the API server. */
  Optional<Drift> driftOf(DesiredManifest manifest) {
    return DriftCheck.of(manifest, writer.read(manifest.key(), manifest.type()));
  }

  /**
   * Makes the live object {@code manifest} again: fields others added go, then a forced apply and
   * the status.
   */
  void repair(DesiredManifest manifest, Drift drift) {
    if (drift.kind() == Drift.Kind.UNMANAGED) {
      throw new ObjectInTheWay(manifest.key());
    }
    if (!drift.added().isEmpty()) {
      writer.removeFields(manifest.key(), manifest.type(), drift.added());
    }
    applyWithStatus(manifest);
  }

  /** The apply, then the status it leaves alone, if the manifest has one. */
  private void applyWithStatus(DesiredManifest manifest) {
    writer.apply(manifest);
    if (manifest.hasStatus()) {
      writer.writeStatus(manifest);
    }
  }
}
