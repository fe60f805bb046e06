package dev.meshfed.distribution.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /**
   * A complete manifest is kept as it came ({@link ManifestScan}); any other is worked on as a JSON
   * tree (binding each manifest to fabric8's model cost 7% of the CPU).
   */
  public DesiredManifest parse(ObjectKey key, String manifestJson) throws InvalidRecordException {
    ResourceType type = resolve(key);
    ManifestScan scan = ManifestScan.of(key, manifestJson);
    if (scan.complete()) {
      return new DesiredManifest(key, type, manifestJson, scan.hasStatus());
    }
    ObjectNode object = readJson(manifestJson);
    checkMatches("apiVersion", key.apiVersion(), object.path("apiVersion").textValue());
    checkMatches("kind", key.kind(), object.path("kind").textValue());
    if (!(object.get("metadata") instanceof ObjectNode metadata)) {
      throw new InvalidRecordException("manifest has no metadata");
    }
    checkMatches("metadata.name", key.name(), metadata.path("name").textValue());
    if (metadata.path("namespace").isMissingNode() || metadata.path("namespace").isNull()) {
      metadata.put("namespace", key.namespace());
    }
    checkMatches("metadata.namespace", key.namespace(), metadata.path("namespace").textValue());
    ensureManagedByLabel(metadata);
    return new DesiredManifest(key, type, object.toString(), object.has("status"));
  }

  private static ObjectNode readJson(String manifestJson) throws InvalidRecordException {
    JsonNode node;
    try {
      node = JSON.readTree(manifestJson);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException(
          "manifest is not a JSON object: " + e.getOriginalMessage(), e);
    }
    if (node == null || node.isNull()) {
      throw new InvalidRecordException("manifest is JSON null");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new InvalidRecordException("manifest is not a JSON object: " + node.getNodeType());
    }
    return object;
  }

  private static void checkMatches(String field, String expected, String actual)
      throws InvalidRecordException {
    if (!Objects.equals(expected, actual)) {
      throw new InvalidRecordException(
          "manifest " + field + " is '" + actual + "' but the record key says '" + expected + "'");
    }
  }

  /** Pruning finds meshfed's objects by this label: an object without it would never be pruned. */
  private static void ensureManagedByLabel(ObjectNode metadata) throws InvalidRecordException {
    JsonNode labels = metadata.path("labels");
    if (labels.isMissingNode() || labels.isNull()) {
      metadata.putObject("labels").put(MANAGED_BY_LABEL, MANAGED_BY_VALUE);
    } else if (labels instanceof ObjectNode map) {
      map.put(MANAGED_BY_LABEL, MANAGED_BY_VALUE);
    } else {
      throw new InvalidRecordException("manifest metadata.labels is not an object");
    }
  }
}
