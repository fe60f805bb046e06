package dev.meshfed.testbed.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The fields of an object a scenario input declares and the applier keeps in line: labels,
 * annotations and every top-level field but apiVersion, kind, metadata and status (spec, data,
 * ...). Status is handled apart because it is written through its own subresource.
 */
final class InputFields {

  private static final List<String> NOT_INPUT = List.of("apiVersion", "kind", "metadata", "status");
  private static final List<String> INPUT_METADATA = List.of("labels", "annotations");

  private InputFields() {}

  static boolean same(ObjectNode current, ObjectNode desired) {
    return of(current).equals(of(desired));
  }

  /** {@code current} with its input fields replaced by those of {@code desired}. */
  static ObjectNode replaced(ObjectNode current, ObjectNode desired) {
    ObjectNode result = current.deepCopy();
    result.retain(NOT_INPUT);
    ObjectNode metadata = result.withObjectProperty("metadata");
    metadata.remove(INPUT_METADATA);
    of(desired).properties().forEach(field -> set(result, metadata, field));
    return result;
  }

  private static void set(
      ObjectNode object, ObjectNode metadata, Map.Entry<String, JsonNode> field) {
    if (INPUT_METADATA.contains(field.getKey())) {
      metadata.set(field.getKey(), field.getValue());
    } else {
      object.set(field.getKey(), field.getValue());
    }
  }

  /** The input fields, with empty labels and annotations left out. */
  private static ObjectNode of(ObjectNode object) {
    ObjectNode fields = object.deepCopy();
    fields.remove(NOT_INPUT);
    for (String name : INPUT_METADATA) {
      JsonNode value = object.path("metadata").path(name);
      if (value.isObject() && !value.isEmpty()) {
        fields.set(name, value.deepCopy());
      }
    }
    return fields;
  }
}
