package dev.meshfed.cli.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How status prints each cluster's drift: a table for people, a map for YAML and JSON. */
final class DriftSection {

  /** Longer errors are cut in the table (YAML and JSON carry them whole). */
  static final int ERROR_WIDTH = 100;

  private DriftSection() {}

  /** Drift not repaired first, then the latest repairs; empty when no cluster has any. */
  static Optional<String> table(List<ClusterStatus> clusters, Instant now) {
    Table table = new Table("CLUSTER", "OBJECT", "DRIFT", "STATE", "AGE", "DETAIL");
    boolean any = false;
    for (ClusterStatus c : clusters) {
      for (ApplyState.Failure f : c.drift().notRepaired()) {
        any = true;
        table.row(
            c.name(),
            f.describe(),
            f.drift(),
            "not repaired (" + f.attempts() + " attempts)",
            Age.since(f.at(), now),
            truncate(f.error()));
      }
    }
    for (ClusterStatus c : clusters) {
      for (DriftReport.Repair r : c.drift().recent()) {
        any = true;
        table.row(
            c.name(), r.describe(), r.drift(), "repaired", Age.since(r.at(), now), r.detail());
      }
    }
    return any ? Optional.of(table.render()) : Optional.empty();
  }

  static Map<String, Object> tree(DriftReport drift) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repaired", drift.repaired());
    List<Map<String, Object>> recent = new ArrayList<>();
    for (DriftReport.Repair r : drift.recent()) {
      Map<String, Object> repair = new LinkedHashMap<>();
      repair.put("object", r.describe());
      repair.put("drift", r.drift());
      repair.put("fields", r.fields());
      repair.put("managers", r.managers());
      repair.put("time", r.at().toString());
      recent.add(repair);
    }
    m.put("recent", recent);
    List<Map<String, Object>> notRepaired = new ArrayList<>();
    for (ApplyState.Failure f : drift.notRepaired()) {
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("object", f.describe());
      failure.put("drift", f.drift());
      failure.put("attempts", f.attempts());
      failure.put("error", f.error());
      failure.put("time", f.at().toString());
      notRepaired.add(failure);
    }
    m.put("notRepaired", notRepaired);
    return m;
  }

  private static String truncate(String error) {
    return error.length() <= ERROR_WIDTH ? error : error.substring(0, ERROR_WIDTH - 3) + "...";
  }
}
