package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.ObjectSelector;
import java.util.List;
import java.util.Map;

/**
 * Gloo Mesh's ObjectSelector ({@code name, namespace, cluster, workspace, labels}), as written:
 * every field it leaves out matches anything.
 */
final class ObjectSelectors {

  private static final List<String> REFERENCE_FIELDS = List.of("name", "namespace", "cluster");

  private ObjectSelectors() {}

  static ObjectSelector read(LenientReader reader, Map<?, ?> selector, String path) {
    return ObjectSelector.newBuilder()
        .setName(reader.string(selector.get("name"), path + ".name").orElse(null))
        .setNamespace(reader.string(selector.get("namespace"), path + ".namespace").orElse(null))
        .setCluster(reader.string(selector.get("cluster"), path + ".cluster").orElse(null))
        .setWorkspace(reader.string(selector.get("workspace"), path + ".workspace").orElse(null))
        .setLabels(reader.stringMap(selector.get("labels"), path + ".labels"))
        .build();
  }

  /** A selector with no field set: it matches anything. */
  static ObjectSelector all() {
    return new ObjectSelector(null, null, null, null, Map.of());
  }

  /** Where a selector may be left out to select everything: absent, {@link #all()}. */
  static ObjectSelector readOrAll(LenientReader reader, Object value, String path) {
    return reader
        .map(value, path)
        .map(selector -> read(reader, selector, path))
        .orElseGet(ObjectSelectors::all);
  }

  /**
   * Gloo Mesh's ObjectReference ({@code name, namespace, cluster}) as a selector of those fields;
   * any other field is a problem.
   */
  static ObjectSelector reference(LenientReader reader, Map<?, ?> reference, String path) {
    reader.unsupportedFields(reference, path, REFERENCE_FIELDS);
    return ObjectSelector.newBuilder()
        .setName(reader.string(reference.get("name"), path + ".name").orElse(null))
        .setNamespace(reader.string(reference.get("namespace"), path + ".namespace").orElse(null))
        .setCluster(reader.string(reference.get("cluster"), path + ".cluster").orElse(null))
        .setWorkspace(null)
        .setLabels(Map.of())
        .build();
  }
}
