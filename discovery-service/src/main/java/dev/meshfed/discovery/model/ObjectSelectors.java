package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.ObjectSelector;
import java.util.Map;

/**
 * Gloo Mesh's ObjectSelector ({@code name, namespace, cluster, workspace, labels}), as written:
 * every field it leaves out matches anything.
 */
final class ObjectSelectors {

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
}
