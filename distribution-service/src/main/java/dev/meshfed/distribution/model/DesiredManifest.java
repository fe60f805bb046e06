package dev.meshfed.distribution.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** A desired object that passed validation: ready for server-side apply as {@code type}. */
public record DesiredManifest(ObjectKey key, ResourceType type, GenericKubernetesResource object) {

  public ObjectIdentity identity() {
    return key.identity();
  }
}
