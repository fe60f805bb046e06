package dev.meshfed.cli.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.cli.audit.Lookup.Deleted;
import dev.meshfed.cli.audit.Lookup.Exists;
import dev.meshfed.cli.audit.Lookup.Never;
import dev.meshfed.cli.output.Mappers;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.translate.Exclusion;
import dev.meshfed.translation.translate.Output;
import dev.meshfed.translation.translate.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How an explanation is printed: text for people, YAML or JSON for machines. */
public enum ExplainFormat {
  TABLE,
  YAML,
  JSON;

  private static final ObjectMapper JSON_MAPPER = Mappers.INDENTED_JSON;
  private static final ObjectMapper YAML_MAPPER = Mappers.YAML;

  private static final String ROW = "%-10s  %-10s  %-18s  %-32s  %-10s  %-36s  %-34s  %s";

  /** The explanation as text ending with a newline. */
  public String format(Explanation e) {
    try {
      return switch (this) {
        case TABLE -> table(e) + e.whyMissing().map(ExplainFormat::whyMissing).orElse("");
        case JSON -> JSON_MAPPER.writeValueAsString(tree(e)) + "\n";
        case YAML -> YAML_MAPPER.writeValueAsString(tree(e));
      };
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("Cannot render an explanation", x);
    }
  }

  private static String table(Explanation e) {
    StringBuilder out = new StringBuilder();
    String desiredTopic = Topics.DESIRED_PREFIX + e.cluster();
    if (e.state() instanceof Exists x) {
      DesiredEntry d = x.entry();
      out.append("cluster ")
          .append(e.cluster())
          .append(" has ")
          .append(e.object())
          .append(" at ")
          .append(e.at())
          .append('\n');
      out.append("  apiVersion: ").append(d.apiVersion()).append('\n');
      out.append("  workspace:  ").append(orDash(d.workspace())).append('\n');
      out.append("  published:  ")
          .append(desiredTopic)
          .append('@')
          .append(d.offset())
          .append(" at ")
          .append(d.time())
          .append('\n');
      out.append("produced from:\n");
    } else if (e.state() instanceof Deleted x) {
      out.append("cluster ")
          .append(e.cluster())
          .append(" had no ")
          .append(e.object())
          .append(" at ")
          .append(e.at())
          .append(": deleted at ")
          .append(x.tombstone().time())
          .append(" (offset ")
          .append(x.tombstone().offset())
          .append(")\n");
      if (x.lastVersion() == null) {
        out.append("its last version is no longer on ")
            .append(desiredTopic)
            .append(" (compacted away)\n");
      } else {
        out.append("it was produced by (last version: ")
            .append(x.lastVersion().apiVersion())
            .append(", workspace ")
            .append(orDash(x.lastVersion().workspace()))
            .append(", offset ")
            .append(x.lastVersion().offset())
            .append(" at ")
            .append(x.lastVersion().time())
            .append("):\n");
      }
    } else if (e.state() instanceof Never x) {
      out.append("cluster ")
          .append(e.cluster())
          .append(" never had ")
          .append(e.object())
          .append(" published at or before ")
          .append(e.at())
          .append('\n');
      if (x.firstLater() != null) {
        out.append("  (first published at ")
            .append(x.firstLater().time())
            .append(", offset ")
            .append(x.firstLater().offset())
            .append(")\n");
      }
      if (e.whyMissing().isEmpty()) {
        out.append("why it was not produced: see `meshfed events --cluster ")
            .append(e.cluster())
            .append("`\n");
      }
      return out.toString();
    }
    if (e.inputs().isEmpty()) {
      out.append("  (no sources recorded)\n");
      return out.toString();
    }
    out.append(
            String.format(
                    ROW,
                    "ROLE",
                    "CLUSTER",
                    "KIND",
                    "NAMESPACE/NAME",
                    "GENERATION",
                    "UID",
                    "RECORD",
                    "TIME")
                .stripTrailing())
        .append('\n');
    for (Explanation.Input input : e.inputs()) {
      Ref ref = input.ref();
      String role = ref.allows() ? "allowed by" : "input";
      String topic = Topics.DISCOVERED_PREFIX + ref.cluster();
      if (input.record().isEmpty()) {
        out.append(
                String.format(
                    "%-10s  %-10s  %-18s  %-32s  no record at or before %s (deleted, or compacted"
                        + " away)",
                    role, ref.cluster(), ref.kind(), ref.namespacedName(), e.at()))
            .append('\n');
        continue;
      }
      DiscoveredEntry r = input.record().get();
      out.append(
              String.format(
                      ROW,
                      role,
                      ref.cluster(),
                      ref.kind(),
                      ref.namespacedName(),
                      r.tombstone() ? "deleted" : orDash(r.generation()),
                      r.tombstone() ? "-" : orDash(r.uid()),
                      topic + "@" + r.offset(),
                      r.time())
                  .stripTrailing())
          .append('\n');
    }
    return out.toString();
  }

  private static String whyMissing(WhyMissing why) {
    StringBuilder out = new StringBuilder();
    Verdict verdict = why.verdict();
    if (verdict.produced().isPresent()) {
      Output o = verdict.produced().get();
      out.append("yet the translation of ")
          .append(why.source())
          .append(" produces it (")
          .append(o.apiVersion())
          .append(", workspace ")
          .append(orDash(o.workspace()))
          .append("): it should have been published; see `meshfed replay --recompute`\n");
    } else {
      out.append("why it is not produced, by the translation of ")
          .append(why.source())
          .append(":\n");
      for (Exclusion x : verdict.exclusions()) {
        out.append("  ")
            .append(x.rule())
            .append(x.subject() == null ? "" : " (" + x.subject().ref() + ")")
            .append(": ")
            .append(x.message())
            .append('\n');
      }
    }
    why.notes().forEach(note -> out.append("  note: ").append(note).append('\n'));
    return out.toString();
  }

  private static Map<String, Object> whyMissingTree(WhyMissing why) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("from", why.source());
    tree.put("implied", why.implied());
    List<Map<String, Object>> exclusions = new ArrayList<>();
    for (Exclusion x : why.verdict().exclusions()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rule", x.rule().name());
      row.put("subject", x.subject() == null ? null : x.subject().ref());
      row.put("message", x.message());
      exclusions.add(row);
    }
    tree.put("excludedBy", exclusions);
    tree.put("notes", why.notes());
    return tree;
  }

  private static Map<String, Object> tree(Explanation e) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("cluster", e.cluster());
    tree.put("kind", e.kind());
    tree.put("namespace", e.namespace());
    tree.put("name", e.name());
    tree.put("at", e.at().toString());
    if (e.state() instanceof Exists x) {
      tree.put("status", "exists");
      tree.put("desired", desired(x.entry()));
    } else if (e.state() instanceof Deleted x) {
      tree.put("status", "deleted");
      tree.put("deletedAt", x.tombstone().time().toString());
      tree.put("deletedOffset", x.tombstone().offset());
      tree.put("lastVersion", x.lastVersion() == null ? null : desired(x.lastVersion()));
    } else if (e.state() instanceof Never x) {
      tree.put("status", "never-published");
      if (x.firstLater() != null) {
        tree.put("firstPublishedAt", x.firstLater().time().toString());
      }
    }
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (Explanation.Input input : e.inputs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      Ref ref = input.ref();
      row.put("role", ref.allows() ? "allowed-by" : "input");
      row.put("cluster", ref.cluster());
      row.put("kind", ref.kind());
      row.put("namespace", ref.namespace());
      row.put("name", ref.name());
      input
          .record()
          .ifPresentOrElse(
              r -> {
                row.put("deleted", r.tombstone());
                row.put("apiVersion", r.apiVersion());
                row.put("generation", r.generation());
                row.put("uid", r.uid());
                row.put("topic", Topics.DISCOVERED_PREFIX + ref.cluster());
                row.put("offset", r.offset());
                row.put("time", r.time().toString());
              },
              () -> row.put("record", null));
      inputs.add(row);
    }
    tree.put("inputs", inputs);
    e.whyMissing().ifPresent(why -> tree.put("whyMissing", whyMissingTree(why)));
    return tree;
  }

  private static Map<String, Object> desired(DesiredEntry d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", d.apiVersion());
    m.put("workspace", d.workspace());
    m.put("offset", d.offset());
    m.put("time", d.time().toString());
    return m;
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
