package dev.meshfed.cli.status;

import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last result a cluster's distribution-service reported on its applied topic. */
public sealed interface ApplyState {

  /** Nothing reported (no distribution-service, or one that has not finished a pass yet). */
  record Unknown() implements ApplyState {}

  /**
   * The cluster held exactly its desired objects, as of the desired topic's last record (or of an
   * offset the report did not name); {@code pruneWithheld} undesired objects its catch-up did not
   * prune, as they were most of what meshfed manages there.
   */
  record Converged(Instant at, int pruneWithheld) implements ApplyState {}

  /** It converged at {@code at}, but the desired topic has {@code records} records since. */
  record Behind(long records, Instant at) implements ApplyState {}

  /** Objects that failed to apply since the cluster last converged, the latest failure of each. */
  record Failing(List<Failure> objects) implements ApplyState {
    public Failing {
      objects = List.copyOf(objects);
    }
  }

  /**
   * @param drift for a repair, the drift it was to repair; UNMANAGED for an apply refused because
   *     an object meshfed does not manage has the name; else null
   */
  record Failure(
      DesiredKey object, String action, int attempts, String error, String drift, Instant at) {

    /** {@code Kind/namespace/name}. */
    public String describe() {
      return object.getKind() + "/" + object.getNamespace() + "/" + object.getName();
    }
  }

  /**
   * @param applied the cluster's applied topic, in order
   * @param desired the cluster's desired topic, in order
   */
  static ApplyState of(List<EventView> applied, List<DesiredEntry> desired) {
    EventView converged = null;
    Map<DesiredKey, Failure> failures = new LinkedHashMap<>();
    for (EventView e : applied) {
      Object typed = e.event().getEvent();
      if (typed instanceof ClusterConverged) {
        converged = e;
        failures.clear();
      } else if (typed instanceof ApplyFailed f) {
        failures.remove(f.getObject());
        failures.put(
            f.getObject(),
            new Failure(
                f.getObject(),
                f.getAction().name(),
                f.getAttempts(),
                f.getError(),
                f.getDrift() == null ? null : f.getDrift().name(),
                Instant.ofEpochMilli(e.timestamp())));
      }
    }
    if (!failures.isEmpty()) {
      return new Failing(
          failures.values().stream().sorted(Comparator.comparing(Failure::describe)).toList());
    }
    if (converged == null) {
      return new Unknown();
    }
    Instant at = Instant.ofEpochMilli(converged.timestamp());
    ClusterConverged report = (ClusterConverged) converged.event().getEvent();
    Long reflected = report.getDesiredOffset();
    long newer =
        reflected == null ? 0 : desired.stream().filter(d -> d.offset() > reflected).count();
    return newer == 0 ? new Converged(at, report.getPruneWithheld()) : new Behind(newer, at);
  }
}
