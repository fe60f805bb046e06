package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of an object as server-side apply tracks their ownership: every path to a value that
 * is not an object (lists are atomic, as in Istio's CRDs), written in the {@code FieldsV1} form of
 * {@code metadata.managedFields} ({@code {"f:spec":{"f:hosts":{}}}}). The object's identity and
 * what the server sets itself are nobody's fields.
 */
final class FieldSet {

  private static final Set<String> IDENTITY = Set.of("apiVersion", "kind");
  private static final Set<String> IDENTITY_METADATA = Set.of("name", "namespace");

  private final Set<List<String>> paths;

  private FieldSet(Set<List<String>> paths) {
    this.paths = paths;
  }

  /** The fields {@code object} sets; {@code status} is left out unless {@code withStatus}. */
  static FieldSet of(JsonNode object, boolean withStatus) {
    Set<List<String>> paths = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = field.getKey();
      if (IDENTITY.contains(name) || ("status".equals(name) != withStatus)) {
        continue;
      }
      if ("metadata".equals(name)) {
        collectMetadata(field.getValue(), paths);
      } else {
        collect(List.of(name), field.getValue(), paths);
      }
    }
    return new FieldSet(paths);
  }

  /** The fields whose values differ between two states of an object (either may be null). */
  static FieldSet changed(JsonNode before, JsonNode after, boolean status) {
    Set<List<String>> changed = new LinkedHashSet<>();
    Set<List<String>> all = new LinkedHashSet<>();
    if (before != null) {
      all.addAll(of(before, status).paths);
    }
    if (after != null) {
      all.addAll(of(after, status).paths);
    }
    for (List<String> path : all) {
      if (!Objects.equals(at(before, path), at(after, path))) {
        changed.add(path);
      }
    }
    return new FieldSet(changed);
  }

  static FieldSet none() {
    return new FieldSet(Set.of());
  }

  static FieldSet fromFieldsV1(JsonNode fieldsV1) {
    Set<List<String>> paths = new LinkedHashSet<>();
    readFieldsV1(new ArrayList<>(), fieldsV1, paths);
    return new FieldSet(paths);
  }

  FieldSet minus(FieldSet other) {
    Set<List<String>> rest = new LinkedHashSet<>(paths);
    rest.removeAll(other.paths);
    return new FieldSet(rest);
  }

  FieldSet retain(FieldSet other) {
    Set<List<String>> common = new LinkedHashSet<>(paths);
    common.retainAll(other.paths);
    return new FieldSet(common);
  }

  FieldSet plus(FieldSet other) {
    Set<List<String>> all = new LinkedHashSet<>(paths);
    all.addAll(other.paths);
    return new FieldSet(all);
  }

  boolean isEmpty() {
    return paths.isEmpty();
  }

  ObjectNode toFieldsV1() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (List<String> path : paths) {
      ObjectNode node = root;
      for (String name : path) {
        node = node.withObjectProperty("f:" + name);
      }
    }
    return root;
  }

  private static void collectMetadata(JsonNode metadata, Set<List<String>> paths) {
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      if (!IDENTITY_METADATA.contains(field.getKey())
          && !ApplyRequest.SERVER_SET_METADATA.contains(field.getKey())) {
        collect(List.of("metadata", field.getKey()), field.getValue(), paths);
      }
    }
  }

  private static void collect(List<String> path, JsonNode value, Set<List<String>> paths) {
    if (value instanceof ObjectNode object && !object.isEmpty()) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        List<String> child = new ArrayList<>(path);
        child.add(field.getKey());
        collect(List.copyOf(child), field.getValue(), paths);
      }
    } else {
      paths.add(path);
    }
  }

  private static JsonNode at(JsonNode object, List<String> path) {
    JsonNode node = object;
    for (String name : path) {
      if (node == null) {
        return null;
      }
      node = node.get(name);
    }
    return node;
  }

  private static void readFieldsV1(List<String> path, JsonNode node, Set<List<String>> paths) {
    if (node.isEmpty()) {
      if (!path.isEmpty()) {
        paths.add(List.copyOf(path));
      }
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().startsWith("f:")) {
        path.add(field.getKey().substring(2));
        readFieldsV1(path, field.getValue(), paths);
        path.remove(path.size() - 1);
      }
    }
  }
}
