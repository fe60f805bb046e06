package dev.meshfed.distribution.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An object as the cluster's API server holds it, read or watched through {@code key}'s API
 * version. A watched object's JSON tree is built only when asked for: most watch events are the
 * echo of meshfed's own write, known by their resource version alone.
 */
public final class LiveObject {

  private final ObjectKey key;
  private final String resourceVersion;
  private final Supplier<JsonNode> tree;
  private JsonNode object;

  public LiveObject(ObjectKey key, JsonNode object) {
    this(key, object.path("metadata").path("resourceVersion").asText(""), () -> object);
  }

  private LiveObject(ObjectKey key, String resourceVersion, Supplier<JsonNode> tree) {
    this.key = key;
    this.resourceVersion = resourceVersion;
    this.tree = tree;
  }

  /** An object whose tree is built from its {@code source} on first use, on the thread using it. */
  public static LiveObject lazy(ObjectKey key, String resourceVersion, Supplier<JsonNode> source) {
    return new LiveObject(key, resourceVersion == null ? "" : resourceVersion, source);
  }

  public ObjectKey key() {
    return key;
  }

  public JsonNode object() {
    if (object == null) {
      object = tree.get();
    }
    return object;
  }

  /** Whether it carries meshfed's managed-by label: only such objects are meshfed's to change. */
  public boolean managed() {
    return ManifestParser.MANAGED_BY_VALUE.equals(
        object()
            .path("metadata")
            .path("labels")
            .path(ManifestParser.MANAGED_BY_LABEL)
            .asText(null));
  }

  public String resourceVersion() {
    return resourceVersion;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LiveObject live
        && key.equals(live.key)
        && object().equals(live.object());
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, object());
  }

  @Override
  public String toString() {
    return "LiveObject[key=" + key + ", resourceVersion=" + resourceVersion + "]";
  }
}
