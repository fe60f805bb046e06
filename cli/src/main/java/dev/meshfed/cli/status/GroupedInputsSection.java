package dev.meshfed.cli.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How status prints the grouped inputs: a table for people, a list of maps for YAML and JSON. */
final class GroupedInputsSection {

  /** Longer messages are cut in the table (YAML and JSON carry them whole). */
  static final int MESSAGE_WIDTH = 80;

  private static final String ELLIPSIS = "...";

  private GroupedInputsSection() {}

  /** One row per input, each line ending with a newline. */
  static String table(List<GroupedInputStatus> inputs) {
    Table table = new Table("WORKSPACE", "INPUT", "STATE", "COUNTS", "MESSAGE");
    for (GroupedInputStatus i : inputs) {
      table.row(
          i.workspaces().isEmpty() ? "-" : String.join(",", i.workspaces()),
          i.input().path(),
          i.outdated() ? i.state() + " (outdated)" : i.state(),
          counts(i),
          truncate(i.message()));
    }
    return table.render();
  }

  static List<Map<String, Object>> tree(List<GroupedInputStatus> inputs) {
    List<Map<String, Object>> tree = new ArrayList<>();
    for (GroupedInputStatus i : inputs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("input", i.input().path());
      m.put("cluster", i.input().cluster());
      m.put("kind", i.input().kind());
      m.put("namespace", i.input().namespace());
      m.put("name", i.input().name());
      m.put("workspaces", i.workspaces());
      m.put("state", i.state());
      m.put("message", i.message());
      m.put("generation", i.generation());
      m.put("observedGeneration", i.observedGeneration());
      m.put("counts", i.countsByField());
      tree.add(m);
    }
    return tree;
  }

  /** {@code backing 2, policies 1}; {@code -} when its status has none (or it has no status). */
  static String counts(GroupedInputStatus input) {
    if (input.counts().isEmpty()) {
      return "-";
    }
    return input.counts().entrySet().stream()
        .map(e -> e.getKey().label + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** On one line, at most {@link #MESSAGE_WIDTH} characters. */
  static String truncate(String message) {
    String line = message == null ? "" : message.strip().replaceAll("\\s+", " ");
    if (line.length() <= MESSAGE_WIDTH) {
      return line;
    }
    return line.substring(0, MESSAGE_WIDTH - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
  }
}
