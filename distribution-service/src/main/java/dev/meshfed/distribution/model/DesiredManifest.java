package dev.meshfed.distribution.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * A desired object that passed validation: ready for server-side apply as {@code type}. It is kept
 * as its JSON and read again for each apply: every desired object of every served cluster stays in
 * memory, and as parsed objects twenty clusters of 12,000 took over a gigabyte of live heap.
 *
 * @param json the validated object, as {@link ManifestParser} normalised it
 * @param hasStatus whether the object carries a status: server-side apply ignores it where the kind
 *     has a status subresource (a ServiceImport's), so it is written through that subresource after
 *     the apply
 */
public record DesiredManifest(ObjectKey key, ResourceType type, String json, boolean hasStatus) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ObjectIdentity identity() {
    return key.identity();
  }

  /** A fresh copy of the object to apply. */
  public GenericKubernetesResource object() {
    try {
      return JSON.readValue(json, GenericKubernetesResource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a validated manifest no longer reads: " + key, e);
    }
  }
}
