package dev.meshfed.cli.events;

import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.FederationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event as read, whatever its type: the typed record's fields by name, so that filters and
 * formats handle every type (and types added later) alike.
 *
 * @param timestamp the record's time
 * @param reportedBy the cluster of the applied topic it came from; null for meshfed.events
 * @param event the envelope
 */
public record EventView(long timestamp, String reportedBy, FederationEvent event) {

  public String type() {
    return typed().getSchema().getName();
  }

  public String message() {
    return event.getMessage();
  }

  public Optional<String> host() {
    return text("host");
  }

  public Optional<String> workspace() {
    return text("workspace");
  }

  public Optional<String> sourceCluster() {
    return text("sourceCluster").or(() -> input().map(ObjectRef::getCluster));
  }

  /** The cluster the event happened in: a target, a joining cluster, or the reporting one. */
  public Optional<String> targetCluster() {
    return text("targetCluster")
        .or(() -> text("cluster"))
        .or(() -> Optional.ofNullable(reportedBy));
  }

  /** Every cluster the event concerns. */
  public SortedSet<String> clusters() {
    SortedSet<String> clusters = new TreeSet<>();
    sourceCluster().ifPresent(clusters::add);
    targetCluster().ifPresent(clusters::add);
    return clusters;
  }

  /** What the event is about, for people: a host, an input, an object or a cluster. */
  public String subject() {
    return host()
        .or(() -> input().map(EventView::ref))
        .or(() -> field("object").map(this::describe))
        .or(() -> text("cluster"))
        .or(() -> Optional.ofNullable(reportedBy))
        .orElse("-");
  }

  /** The typed fields, in schema order, as plain values (strings, numbers, lists, maps). */
  public Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Schema.Field f : typed().getSchema().getFields()) {
      fields.put(f.name(), plain(typed().get(f.pos())));
    }
    return fields;
  }

  private Optional<ObjectRef> input() {
    return field("input").map(ObjectRef.class::cast);
  }

  private Optional<String> text(String name) {
    return field(name).map(Object::toString);
  }

  private Optional<Object> field(String name) {
    Schema.Field f = typed().getSchema().getField(name);
    return f == null ? Optional.empty() : Optional.ofNullable(typed().get(f.pos()));
  }

  private SpecificRecord typed() {
    return (SpecificRecord) event.getEvent();
  }

  private String describe(Object object) {
    return object instanceof ObjectRef ref ? ref(ref) : String.valueOf(plain(object));
  }

  private Object plain(Object value) {
    if (value instanceof ObjectRef ref) {
      return ref(ref);
    }
    if (value instanceof DesiredKey key) {
      return (reportedBy == null ? "" : reportedBy + "/")
          + key.getKind()
          + "/"
          + key.getNamespace()
          + "/"
          + key.getName();
    }
    if (value instanceof SpecificRecord record) {
      Map<String, Object> nested = new LinkedHashMap<>();
      record.getSchema().getFields().forEach(f -> nested.put(f.name(), plain(record.get(f.pos()))));
      return nested;
    }
    if (value instanceof Iterable<?> items) {
      java.util.List<Object> list = new java.util.ArrayList<>();
      items.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (value instanceof CharSequence || value instanceof Enum<?>) {
      return value.toString();
    }
    return value;
  }

  static String ref(ObjectRef ref) {
    return ref.getCluster() + "/" + ref.getKind() + "/" + ref.getNamespace() + "/" + ref.getName();
  }
}
