package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code metadata.managedFields} entry a real API server keeps per field manager: who applied,
 * and through which API version. No time is recorded, so an apply that changes nothing stays a
 * no-op (a real server also leaves the entry alone then).
 */
final class ManagedFields {

  private ManagedFields() {}

  static void recordApply(ObjectNode object, ApplyRequest apply) {
    ObjectNode metadata = object.withObjectProperty("metadata");
    ArrayNode entries =
        metadata.get("managedFields") instanceof ArrayNode existing
            ? existing
            : metadata.putArray("managedFields");
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (isApplyBy(entries.get(i), apply)) {
        entries.remove(i);
      }
    }
    ObjectNode entry = entries.addObject();
    entry.put("manager", apply.fieldManager());
    entry.put("operation", "Apply");
    entry.put("apiVersion", apply.fields().path("apiVersion").asText());
    entry.put("fieldsType", "FieldsV1");
    if (apply.statusSubresource()) {
      entry.put("subresource", "status");
    }
  }

  private static boolean isApplyBy(JsonNode entry, ApplyRequest apply) {
    return apply.fieldManager().equals(entry.path("manager").asText())
        && "Apply".equals(entry.path("operation").asText())
        && apply.statusSubresource() == "status".equals(entry.path("subresource").asText());
  }
}
