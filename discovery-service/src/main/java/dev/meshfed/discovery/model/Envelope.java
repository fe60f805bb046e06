package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DiscoveredObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The fields every discovered object carries, read from the Kubernetes object's metadata. */
final class Envelope {

  private Envelope() {}

  static DiscoveredObject wrap(HasMetadata object, Object payload) {
    ObjectMeta metadata = object.getMetadata();
    return DiscoveredObject.newBuilder()
        .setApiVersion(Objects.requireNonNullElse(object.getApiVersion(), ""))
        .setUid(Objects.requireNonNullElse(metadata.getUid(), ""))
        .setGeneration(metadata.getGeneration())
        .setCreationTimestamp(metadata.getCreationTimestamp())
        .setPayload(payload)
        .build();
  }

  static Map<String, String> labels(HasMetadata object) {
    return sorted(object.getMetadata().getLabels());
  }

  static String label(HasMetadata object, String name) {
    return labels(object).get(name);
  }

  /** A sorted copy, so that equal maps are also encoded alike. */
  static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? new TreeMap<>() : new TreeMap<>(map);
  }
}
