package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code metadata.managedFields} a real API server keeps: per field manager and operation, the
 * fields it owns ({@code fieldsV1}) and the API version it wrote through. An apply owns exactly the
 * fields it sends; a plain write (update or patch) owns the fields it changed. A write that changes
 * a field takes it from every other manager (as an apply with {@code force} does); one that sets
 * the value a field has shares it. A manager left with no fields loses its entry. No time is
 * recorded, so an apply that changes nothing stays a no-op (a real server also leaves the entry
 * alone then).
 */
final class ManagedFields {

  private ManagedFields() {}

  /**
   * An apply turned {@code before} (null for a create) into {@code after}. Fields it set to the
   * value they had stay shared with their other owners; those it changed are its alone.
   */
  static void recordApply(ObjectNode after, JsonNode before, ApplyRequest apply) {
    FieldSet applied = FieldSet.of(apply.fields(), apply.statusSubresource());
    FieldSet changed = FieldSet.changed(before, after, apply.statusSubresource());
    record(
        after,
        apply.fieldManager(),
        "Apply",
        apply.fields().path("apiVersion").asText(),
        apply.statusSubresource(),
        applied,
        applied.retain(changed));
  }

  /**
   * A plain write by {@code manager} turned {@code before} into {@code after}: it takes the fields
   * it changed. Fields it removed belong to nobody.
   */
  static void recordUpdate(
      ObjectNode after, JsonNode before, String manager, boolean statusSubresource) {
    JsonNode previousEntries = before == null ? null : before.path("metadata").get("managedFields");
    if (previousEntries != null) {
      after.withObjectProperty("metadata").set("managedFields", previousEntries.deepCopy());
    }
    FieldSet changed = FieldSet.changed(before, after, statusSubresource);
    FieldSet present = FieldSet.of(after, statusSubresource);
    FieldSet removed = changed.minus(present);
    FieldSet owned =
        ownedBy(after, manager, "Update", statusSubresource).plus(changed).minus(removed);
    record(
        after,
        manager,
        "Update",
        after.path("apiVersion").asText(),
        statusSubresource,
        owned,
        changed);
  }

  private static FieldSet ownedBy(
      ObjectNode object, String manager, String operation, boolean statusSubresource) {
    for (JsonNode entry : object.path("metadata").path("managedFields")) {
      if (is(entry, manager, operation, statusSubresource)) {
        return FieldSet.fromFieldsV1(entry.path("fieldsV1"));
      }
    }
    return FieldSet.none();
  }

  private static void record(
      ObjectNode object,
      String manager,
      String operation,
      String apiVersion,
      boolean statusSubresource,
      FieldSet owned,
      FieldSet takenFromOthers) {
    ObjectNode metadata = object.withObjectProperty("metadata");
    ArrayNode entries =
        metadata.get("managedFields") instanceof ArrayNode existing
            ? existing
            : metadata.putArray("managedFields");
    for (int i = entries.size() - 1; i >= 0; i--) {
      JsonNode entry = entries.get(i);
      boolean sameSubresource = statusSubresource == isStatus(entry);
      if (is(entry, manager, operation, statusSubresource)) {
        entries.remove(i);
      } else if (sameSubresource && entry instanceof ObjectNode other) {
        FieldSet rest = FieldSet.fromFieldsV1(other.path("fieldsV1")).minus(takenFromOthers);
        if (rest.isEmpty()) {
          entries.remove(i);
        } else {
          other.set("fieldsV1", rest.toFieldsV1());
        }
      }
    }
    if (owned.isEmpty() && "Update".equals(operation)) {
      return;
    }
    ObjectNode entry = entries.addObject();
    entry.put("manager", manager);
    entry.put("operation", operation);
    entry.put("apiVersion", apiVersion);
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", owned.toFieldsV1());
    if (statusSubresource) {
      entry.put("subresource", "status");
    }
  }

  private static boolean is(
      JsonNode entry, String manager, String operation, boolean statusSubresource) {
    return manager.equals(entry.path("manager").asText())
        && operation.equals(entry.path("operation").asText())
        && statusSubresource == isStatus(entry);
  }

  private static boolean isStatus(JsonNode entry) {
    return "status".equals(entry.path("subresource").asText());
  }
}
