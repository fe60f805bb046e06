package dev.meshfed.distribution.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an object that server-side apply tracks one by one: paths to values that are not
 * objects, lists counting as one value (Istio's CRDs declare no list merge keys).
 */
final class FieldPaths {

  private static final Set<String> OWN_METADATA = Set.of("labels", "annotations");
  private static final Set<String> NOT_CONTENT = Set.of("apiVersion", "kind", "metadata", "status");

  private FieldPaths() {}

  /** Labels, annotations and every other top-level section but status, with their values. */
  static Map<List<String>, JsonNode> of(JsonNode object) {
    Map<List<String>, JsonNode> leaves = new LinkedHashMap<>();
    object
        .properties()
        .forEach(
            field -> {
              if (!NOT_CONTENT.contains(field.getKey())) {
                collect(List.of(field.getKey()), field.getValue(), leaves);
              }
            });
    object
        .path("metadata")
        .properties()
        .forEach(
            field -> {
              if (OWN_METADATA.contains(field.getKey())) {
                collect(List.of("metadata", field.getKey()), field.getValue(), leaves);
              }
            });
    return leaves;
  }

  /** The status, with its values: empty when the object has none. */
  static Map<List<String>, JsonNode> ofStatus(JsonNode object) {
    Map<List<String>, JsonNode> leaves = new LinkedHashMap<>();
    JsonNode status = object.get("status");
    if (status != null) {
      collect(List.of("status"), status, leaves);
    }
    return leaves;
  }

  /** The section {@code path} of {@code object} holds, or null. */
  static JsonNode at(JsonNode object, List<String> path) {
    JsonNode node = object;
    for (String name : path) {
      node = node.get(name);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * The paths a {@code fieldsV1} tree of managedFields lists ({@code {"f:spec":{"f:hosts":{}}}}).
   */
  static List<List<String>> ofFieldsV1(JsonNode fieldsV1) {
    List<List<String>> paths = new ArrayList<>();
    readFieldsV1(new ArrayList<>(), fieldsV1, paths);
    return paths;
  }

  /** Whether one path lies within the other (or they are equal). */
  static boolean overlap(List<String> a, List<String> b) {
    int shorter = Math.min(a.size(), b.size());
    return a.subList(0, shorter).equals(b.subList(0, shorter));
  }

  static String dotted(List<String> path) {
    return String.join(".", path);
  }

  private static void collect(List<String> path, JsonNode value, Map<List<String>, JsonNode> out) {
    if (value.isObject() && !value.isEmpty()) {
      value
          .properties()
          .forEach(field -> collect(append(path, field.getKey()), field.getValue(), out));
    } else {
      out.put(path, value);
    }
  }

  private static void readFieldsV1(List<String> path, JsonNode node, List<List<String>> out) {
    boolean hasChildren = false;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().startsWith("f:")) {
        hasChildren = true;
        path.add(field.getKey().substring(2));
        readFieldsV1(path, field.getValue(), out);
        path.remove(path.size() - 1);
      }
    }
    if (!hasChildren && !path.isEmpty()) {
      out.add(List.copyOf(path));
    }
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return List.copyOf(longer);
  }
}
