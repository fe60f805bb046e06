package dev.meshfed.distribution.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Turns a desired record's manifest JSON into an object to apply, checking it against its key. */
public final class ManifestParser {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "meshfed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KindTable kinds;

  public ManifestParser(KindTable kinds) {
    this.kinds = kinds;
  }

  public ResourceType resolve(ObjectKey key) throws InvalidRecordException {
    if (key.namespace().isEmpty()) {
      throw new InvalidRecordException("no namespace: every kind meshfed writes is namespaced");
    }
    return kinds
        .resolve(key)
        .orElseThrow(
            () ->
                new InvalidRecordException("unknown kind " + key.apiVersion() + " " + key.kind()));
  }

  public DesiredManifest parse(ObjectKey key, String manifestJson) throws InvalidRecordException {
    ResourceType type = resolve(key);
    GenericKubernetesResource object = readJson(manifestJson);
    checkMatches("apiVersion", key.apiVersion(), object.getApiVersion());
    checkMatches("kind", key.kind(), object.getKind());
    ObjectMeta metadata = object.getMetadata();
    if (metadata == null) {
      throw new InvalidRecordException("manifest has no metadata");
    }
    checkMatches("metadata.name", key.name(), metadata.getName());
    if (metadata.getNamespace() == null) {
      metadata.setNamespace(key.namespace());
    }
    checkMatches("metadata.namespace", key.namespace(), metadata.getNamespace());
    ensureManagedByLabel(metadata);
    return new DesiredManifest(key, type, writeJson(object));
  }

  private static GenericKubernetesResource readJson(String manifestJson)
      throws InvalidRecordException {
    try {
      GenericKubernetesResource object =
          JSON.readValue(manifestJson, GenericKubernetesResource.class);
      if (object == null) {
        throw new InvalidRecordException("manifest is JSON null");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException(
          "manifest is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  private static String writeJson(GenericKubernetesResource object) {
    try {
      return JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object just read does not write: " + e.getMessage(), e);
    }
  }

  private static void checkMatches(String field, String expected, String actual)
      throws InvalidRecordException {
    if (!Objects.equals(expected, actual)) {
      throw new InvalidRecordException(
          "manifest " + field + " is '" + actual + "' but the record key says '" + expected + "'");
    }
  }

  /** Pruning finds meshfed's objects by this label: an object without it would never be pruned. */
  private static void ensureManagedByLabel(ObjectMeta metadata) {
    Map<String, String> labels =
        metadata.getLabels() == null ? new HashMap<>() : new HashMap<>(metadata.getLabels());
    labels.put(MANAGED_BY_LABEL, MANAGED_BY_VALUE);
    metadata.setLabels(labels);
  }
}
