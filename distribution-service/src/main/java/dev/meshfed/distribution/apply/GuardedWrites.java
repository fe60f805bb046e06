package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.DriftCheck;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The writes of desired objects, guarded so that meshfed never overwrites an object it does not
 * manage, and the repair of a desired object that drifted. A desired status is written after each
 * apply. The resource versions its last writes of each object gave it are kept, so that the watch's
 * echo of them is known for what it is (at 20 clusters of 12,000 objects, some 25 MB). Used on the
 * scheduler thread only, as the {@link Reconciler} is.
 */
final class GuardedWrites {

  /** The versions one write left: the apply's, and the status write's after it, if any. */
  private record Written(String applied, String status) {
    boolean gave(String version) {
      return !version.isEmpty() && (version.equals(applied) || version.equals(status));
    }
  }

  private final ClusterWriter writer;
  private final ManagedObjectWatch watch;
  private final Map<ObjectIdentity, Written> written = new HashMap<>();

  GuardedWrites(ClusterWriter writer, ManagedObjectWatch watch) {
    this.writer = writer;
    this.watch = watch;
  }

  ClusterWriter writer() {
    return writer;
  }

  /**
   * Applies {@code manifest} unless an object meshfed does not manage has its name. The watch knows
   * the names of meshfed's objects and of the others' of their kinds; only a name it cannot tell
   * about yet is read first. Either way an object someone creates in the instant before the apply
   * can be taken over: Kubernetes has no apply that creates only.
   */
  void apply(DesiredManifest manifest) {
    switch (watch.occupant(manifest.identity())) {
      case OTHER -> throw new ObjectInTheWay(manifest.key());
      case UNKNOWN -> {
        Optional<LiveObject> live = writer.read(manifest.key(), manifest.type());
        if (live.isPresent() && !live.get().managed()) {
          throw new ObjectInTheWay(manifest.key());
        }
      }
      case MESHFED, NOBODY -> {
        // a read would tell nothing new
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

  /** Deletes the object; its versions are forgotten. */
  void delete(ObjectKey key, ResourceType type) {
    written.remove(key.identity());
    writer.delete(key, type);
  }

  /**
   * Whether meshfed's own last write of the object gave it {@code resourceVersion}: the watch's
   * echo of that write, which cannot have drifted from what it wrote.
   */
  boolean wroteVersion(ObjectIdentity identity, String resourceVersion) {
    Written last = written.get(identity);
    return last != null && last.gave(resourceVersion);
  }

  /** The apply, then the status it leaves alone, if the manifest has one. */
  private void applyWithStatus(DesiredManifest manifest) {
    written.remove(manifest.identity());
    String applied = writer.apply(manifest);
    String status = manifest.hasStatus() ? writer.writeStatus(manifest) : null;
    written.put(manifest.identity(), new Written(applied, status));
  }
}
