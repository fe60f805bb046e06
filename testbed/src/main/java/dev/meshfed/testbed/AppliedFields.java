package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The field merge of server-side apply for a single field manager; lists are atomic. */
final class AppliedFields {

  private AppliedFields() {}

  /**
   * The stored object after {@code applied}: fields of {@code previouslyApplied} (may be null)
   * missing from {@code applied} are removed, then the fields of {@code applied} are set.
   */
  static ObjectNode merge(ObjectNode stored, ObjectNode previouslyApplied, ObjectNode applied) {
    ObjectNode result = stored.deepCopy();
    if (previouslyApplied != null) {
      removeDropped(result, previouslyApplied, applied);
    }
    setApplied(result, applied);
    return result;
  }

  private static void removeDropped(ObjectNode target, ObjectNode previous, ObjectNode applied) {
    for (Map.Entry<String, JsonNode> field : previous.properties()) {
      JsonNode appliedValue = applied.get(field.getKey());
      JsonNode targetValue = target.get(field.getKey());
      if (appliedValue == null) {
        target.remove(field.getKey());
      } else if (appliedValue instanceof ObjectNode appliedObject
          && field.getValue() instanceof ObjectNode previousObject
          && targetValue instanceof ObjectNode targetObject) {
        removeDropped(targetObject, previousObject, appliedObject);
      }
    }
  }

  private static void setApplied(ObjectNode target, ObjectNode applied) {
    for (Map.Entry<String, JsonNode> field : applied.properties()) {
      JsonNode targetValue = target.get(field.getKey());
      if (field.getValue() instanceof ObjectNode appliedObject
          && targetValue instanceof ObjectNode targetObject) {
        setApplied(targetObject, appliedObject);
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }
}
