package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading fields of Kubernetes objects held as JSON trees. */
final class Json {

  private Json() {}

  static String text(JsonNode node, String... path) {
    JsonNode at = at(node, path);
    return at.isValueNode() ? at.asText() : "";
  }

  static JsonNode at(JsonNode node, String... path) {
    JsonNode at = node;
    for (String field : path) {
      at = at.path(field);
    }
    return at;
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new TreeMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(value -> values.add(value.asText()));
    return values;
  }

  static String namespace(JsonNode object) {
    return text(object, "metadata", "namespace");
  }

  static String name(JsonNode object) {
    return text(object, "metadata", "name");
  }

  static Map<String, String> labels(JsonNode object) {
    return stringMap(at(object, "metadata", "labels"));
  }

  static String kind(JsonNode object) {
    return text(object, "kind");
  }

  static JsonNode spec(JsonNode object) {
    return object.path("spec");
  }
}
