package dev.meshfed.testbed.scenario;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Identifies an object across API versions: group, kind, namespace (null if none), name. */
record ObjectId(String group, String kind, String namespace, String name) {

  static ObjectId of(GenericKubernetesResource object, String namespace) {
    String apiVersion = object.getApiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return new ObjectId(group, object.getKind(), namespace, object.getMetadata().getName());
  }

  @Override
  public String toString() {
    String kindName = group.isEmpty() ? kind : kind + "." + group;
    return kindName + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
