package dev.meshfed.cli.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.cli.output.Mappers;
import dev.meshfed.cli.status.ApplyState.Behind;
import dev.meshfed.cli.status.ApplyState.Converged;
import dev.meshfed.cli.status.ApplyState.Failing;
import dev.meshfed.cli.status.ApplyState.Failure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How status is printed: tables for people (ages relative to the status's time), YAML or JSON for
 * machines (RFC 3339 times).
 */
public enum StatusFormat {
  TABLE,
  YAML,
  JSON;

  private static final ObjectMapper JSON_MAPPER = Mappers.INDENTED_JSON;
  private static final ObjectMapper YAML_MAPPER = Mappers.YAML;

  /** The status as text ending with a newline. */
  public String format(MeshStatus status) {
    try {
      return switch (this) {
        case TABLE -> tables(status);
        case JSON -> JSON_MAPPER.writeValueAsString(tree(status)) + "\n";
        case YAML -> YAML_MAPPER.writeValueAsString(tree(status));
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render the status", e);
    }
  }

  private static String tables(MeshStatus status) {
    Instant now = status.at();
    Table clusters =
        new Table(
            "CLUSTER",
            "JOINED",
            "ISTIO",
            "NAMESPACES",
            "SERVICES",
            "DESIRED",
            "LAST SEEN",
            "TRANSLATION LAG",
            "APPLY",
            "DRIFT");
    for (ClusterStatus c : status.clusters()) {
      clusters.row(
          c.name(),
          c.joined() ? "yes" : "no",
          c.istioVersions().isEmpty() ? "-" : String.join(",", c.istioVersions()),
          String.valueOf(c.namespaces()),
          String.valueOf(c.services()),
          String.valueOf(c.desiredObjects()),
          c.lastSeen() == null ? "-" : Age.since(c.lastSeen(), now),
          orDash(c.translationLag()),
          apply(c.apply(), now),
          c.drift().summary());
    }
    StringBuilder out = new StringBuilder(clusters.render());
    DriftSection.table(status.clusters(), now).ifPresent(t -> out.append('\n').append(t));
    status.recompute().ifPresent(r -> out.append(r.describe(now)).append('\n'));
    out.append('\n');
    if (status.workspaces().isEmpty()) {
      out.append("no workspaces on the management cluster ")
          .append(status.managementCluster())
          .append('\n');
    } else {
      Table workspaces = new Table("WORKSPACE", "SELECTS", "HOSTS", "OPEN PROBLEMS");
      for (WorkspaceStatus w : status.workspaces()) {
        workspaces.row(
            w.name(),
            w.selects().isEmpty()
                ? "-"
                : String.join(",", w.selects().stream().map(Object::toString).toList()),
            String.valueOf(w.hosts().size()),
            String.valueOf(w.problems().size()));
      }
      out.append(workspaces.render());
    }
    if (!status.groupedInputs().isEmpty()) {
      out.append('\n').append(GroupedInputsSection.table(status.groupedInputs()));
    }
    out.append('\n');
    if (status.problems().isEmpty()) {
      out.append("no open problems\n");
    } else {
      Table problems = new Table("INPUT", "SEVERITY", "AGE", "WORKSPACE", "REASON");
      for (Problem p : status.problems()) {
        List<String> in = workspacesOf(status, p);
        problems.row(
            p.describeInput(),
            p.severity(),
            Age.since(p.since(), now),
            in.isEmpty() ? "-" : String.join(",", in),
            p.reason());
      }
      out.append(problems.render());
    }
    return out.toString();
  }

  private static String apply(ApplyState state, Instant now) {
    if (state instanceof Converged c) {
      String converged = "converged " + Age.since(c.at(), now) + " ago";
      return c.pruneWithheld() == 0
          ? converged
          : converged + ", " + c.pruneWithheld() + " not pruned";
    }
    if (state instanceof Behind b) {
      return "behind " + b.records();
    }
    if (state instanceof Failing f) {
      return "failing: " + f.objects().size() + (f.objects().size() == 1 ? " object" : " objects");
    }
    return "unknown";
  }

  private static Map<String, Object> tree(MeshStatus status) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("time", status.at().toString());
    tree.put("managementCluster", status.managementCluster());
    List<Map<String, Object>> clusters = new ArrayList<>();
    for (ClusterStatus c : status.clusters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("joined", c.joined());
      m.put("istioVersions", List.copyOf(c.istioVersions()));
      m.put("namespaces", c.namespaces());
      m.put("services", c.services());
      m.put("desiredObjects", c.desiredObjects());
      m.put("lastSeen", c.lastSeen() == null ? null : c.lastSeen().toString());
      m.put(
          "translationLag", c.translationLag().isPresent() ? c.translationLag().getAsLong() : null);
      m.put("apply", apply(c.apply()));
      m.put("drift", DriftSection.tree(c.drift()));
      clusters.add(m);
    }
    tree.put("clusters", clusters);
    status
        .recompute()
        .ifPresent(
            r -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("recomputing", r.running());
              m.put("units", r.units());
              m.put("tookMillis", r.tookMillis());
              m.put("at", r.at().toString());
              m.put("behind", r.behind().isPresent());
              m.put("deferredUnits", r.behind().map(Recompute.Behind::deferredUnits).orElse(0));
              tree.put("translation", m);
            });
    List<Map<String, Object>> workspaces = new ArrayList<>();
    for (WorkspaceStatus w : status.workspaces()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", w.name());
      m.put("selects", w.selects().stream().map(Object::toString).toList());
      m.put("hosts", List.copyOf(w.hosts()));
      m.put("openProblems", w.problems().size());
      workspaces.add(m);
    }
    tree.put("workspaces", workspaces);
    tree.put("groupedInputs", GroupedInputsSection.tree(status.groupedInputs()));
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem p : status.problems()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("input", p.describeInput());
      m.put("severity", p.severity());
      m.put("reason", p.reason());
      m.put("since", p.since().toString());
      m.put("workspaces", workspacesOf(status, p));
      problems.add(m);
    }
    tree.put("problems", problems);
    return tree;
  }

  private static Map<String, Object> apply(ApplyState state) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (state instanceof Converged c) {
      m.put("state", "converged");
      m.put("time", c.at().toString());
      m.put("pruneWithheld", c.pruneWithheld());
    } else if (state instanceof Behind b) {
      m.put("state", "behind");
      m.put("convergedTime", b.at().toString());
      m.put("desiredRecordsSince", b.records());
    } else if (state instanceof Failing f) {
      m.put("state", "failing");
      m.put("failures", f.objects().stream().map(StatusFormat::failure).toList());
    } else {
      m.put("state", "unknown");
    }
    return m;
  }

  private static Map<String, Object> failure(Failure f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", f.object().getApiVersion());
    m.put("kind", f.object().getKind());
    m.put("namespace", f.object().getNamespace());
    m.put("name", f.object().getName());
    m.put("action", f.action());
    m.put("attempts", f.attempts());
    m.put("error", f.error());
    m.put("drift", f.drift());
    m.put("time", f.at().toString());
    return m;
  }

  private static List<String> workspacesOf(MeshStatus status, Problem problem) {
    return status.workspaces().stream()
        .filter(w -> w.problems().contains(problem))
        .map(WorkspaceStatus::name)
        .toList();
  }

  private static String orDash(OptionalLong value) {
    return value.isPresent() ? String.valueOf(value.getAsLong()) : "-";
  }
}
