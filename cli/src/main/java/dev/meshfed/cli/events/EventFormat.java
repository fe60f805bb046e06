package dev.meshfed.cli.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.cli.output.Mappers;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** How an event is printed: a table line for people, YAML documents or JSON lines for machines. */
public enum EventFormat {
  TABLE,
  YAML,
  JSON;

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
  private static final ObjectMapper JSON_MAPPER = Mappers.JSON;
  private static final ObjectMapper YAML_MAPPER = Mappers.YAML;
  private static final String TABLE_LINE = "%-23s  %-17s  %-42s  %-19s  %s";

  public static final String TABLE_HEADER =
      String.format(TABLE_LINE, "TIME", "TYPE", "SUBJECT", "FROM -> IN", "MESSAGE");

  /** One event as text (without a trailing newline for TABLE and JSON). */
  public String format(EventView event) {
    try {
      return switch (this) {
        case TABLE -> tableLine(event);
        case JSON -> JSON_MAPPER.writeValueAsString(tree(event));
        case YAML -> "---\n" + YAML_MAPPER.writeValueAsString(tree(event)).stripTrailing();
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render an event", e);
    }
  }

  private static String tableLine(EventView e) {
    String route = e.sourceCluster().orElse("-") + " -> " + e.targetCluster().orElse("-");
    return String.format(
        TABLE_LINE,
        LOCAL_TIME.format(Instant.ofEpochMilli(e.timestamp())),
        e.type(),
        e.subject(),
        route,
        e.message());
  }

  /** The time, the type, the reporting cluster if any, the typed fields, then the message. */
  private static Map<String, Object> tree(EventView e) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("time", Instant.ofEpochMilli(e.timestamp()).toString());
    tree.put("type", e.type());
    if (e.reportedBy() != null) {
      tree.put("cluster", e.reportedBy());
    }
    tree.putAll(e.fields());
    tree.put("message", e.message());
    return tree;
  }
}
