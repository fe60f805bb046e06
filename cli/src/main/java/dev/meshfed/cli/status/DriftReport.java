package dev.meshfed.cli.status;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.DriftRepaired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cluster's distribution-service found changed behind its back, from its applied topic.
 *
 * @param repaired repairs the topic holds (deleted, edited or taken-over objects applied again)
 * @param recent the latest repair of each object, newest first, at most {@value #RECENT}
 * @param notRepaired drift it is still failing to repair, and desired objects it will not apply
 *     because an object meshfed does not manage has the name
 */
public record DriftReport(int repaired, List<Repair> recent, List<ApplyState.Failure> notRepaired) {

  static final int RECENT = 5;

  public DriftReport {
    recent = List.copyOf(recent);
    notRepaired = List.copyOf(notRepaired);
  }

  /** One repair: the drift (DELETED, EDITED, TAKEN_OVER), the fields and who changed them. */
  public record Repair(
      DesiredKey object, String drift, List<String> fields, List<String> managers, Instant at) {

    /** {@code Kind/namespace/name}. */
    public String describe() {
      return object.getKind() + "/" + object.getNamespace() + "/" + object.getName();
    }

    /** What changed and who changed it, or "-". */
    public String detail() {
      String detail = fields.isEmpty() ? "" : String.join(", ", fields);
      if (!managers.isEmpty()) {
        detail += (detail.isEmpty() ? "" : " ") + "by " + String.join(", ", managers);
      }
      return detail.isEmpty() ? "-" : detail;
    }
  }

  static DriftReport of(List<EventView> applied, ApplyState apply) {
    int repaired = 0;
    Map<DesiredKey, Repair> latest = new LinkedHashMap<>();
    for (EventView e : applied) {
      if (e.event().getEvent() instanceof DriftRepaired r) {
        repaired++;
        latest.remove(r.getObject());
        latest.put(
            r.getObject(),
            new Repair(
                r.getObject(),
                r.getDrift().name(),
                r.getFields(),
                r.getManagers(),
                Instant.ofEpochMilli(e.timestamp())));
      }
    }
    List<Repair> recent = new ArrayList<>(latest.values());
    recent.sort(Comparator.comparing(Repair::at).reversed());
    List<ApplyState.Failure> notRepaired =
        apply instanceof ApplyState.Failing failing
            ? failing.objects().stream().filter(f -> f.drift() != null).toList()
            : List.of();
    return new DriftReport(
        repaired, recent.subList(0, Math.min(RECENT, recent.size())), notRepaired);
  }

  /** For the clusters table: "-", "3 repaired", "1 not repaired", or both. */
  String summary() {
    List<String> parts = new ArrayList<>();
    if (repaired > 0) {
      parts.add(repaired + " repaired");
    }
    if (!notRepaired.isEmpty()) {
      parts.add(notRepaired.size() + " not repaired");
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }
}
