package dev.meshfed.distribution.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An object as the cluster's API server holds it, read or watched through {@code key}'s API
 * version.
 */
public record LiveObject(ObjectKey key, JsonNode object) {

  /** Whether it carries meshfed's managed-by label: only such objects are meshfed's to change. */
  public boolean managed() {
    return ManifestParser.MANAGED_BY_VALUE.equals(
        object.path("metadata").path("labels").path(ManifestParser.MANAGED_BY_LABEL).asText(null));
  }

  public String resourceVersion() {
    return object.path("metadata").path("resourceVersion").asText("");
  }
}
