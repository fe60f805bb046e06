package dev.meshfed.cli.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.events.FederationEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How an event is printed: a table line for people, YAML documents or JSON lines for machines. */
public enum EventFormat {
  TABLE,
  YAML,
  JSON;

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML_MAPPER =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .build());

  public static final String TABLE_HEADER =
      String.format(
          "%-23s  %-15s  %-42s  %-19s  %s",
          "TIME", "TYPE", "HOST / INPUT", "FROM -> IN", "MESSAGE");

  /** One event as text (without a trailing newline for TABLE and JSON). */
  public String format(long timestamp, FederationEvent event) {
    try {
      return switch (this) {
        case TABLE -> tableLine(timestamp, event);
        case JSON -> JSON_MAPPER.writeValueAsString(tree(timestamp, event));
        case YAML ->
            "---\n" + YAML_MAPPER.writeValueAsString(tree(timestamp, event)).stripTrailing();
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render an event", e);
    }
  }

  private static String tableLine(long timestamp, FederationEvent e) {
    String subject = e.getHost() != null ? e.getHost() : ref(e.getObject());
    String route =
        (e.getSourceCluster() == null ? "-" : e.getSourceCluster())
            + " -> "
            + (e.getTargetCluster() == null ? "-" : e.getTargetCluster());
    return String.format(
        "%-23s  %-15s  %-42s  %-19s  %s",
        LOCAL_TIME.format(Instant.ofEpochMilli(timestamp)),
        e.getType(),
        subject,
        route,
        e.getMessage());
  }

  private static ObjectNode tree(long timestamp, FederationEvent e) {
    ObjectNode node = JSON_MAPPER.createObjectNode();
    node.put("time", Instant.ofEpochMilli(timestamp).toString());
    node.put("type", e.getType().name());
    node.put("host", e.getHost());
    node.put("workspace", e.getWorkspace());
    node.put("sourceCluster", e.getSourceCluster());
    node.put("targetCluster", e.getTargetCluster());
    node.put("object", e.getObject() == null ? null : ref(e.getObject()));
    e.getInputs().forEach(input -> node.withArray("inputs").add(ref(input)));
    node.put("message", e.getMessage());
    return node;
  }

  private static String ref(ObjectRef ref) {
    return ref == null
        ? "-"
        : ref.getCluster() + "/" + ref.getKind() + "/" + ref.getNamespace() + "/" + ref.getName();
  }
}
