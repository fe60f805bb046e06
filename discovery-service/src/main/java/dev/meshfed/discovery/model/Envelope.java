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
    return wrap(object, payload, object.getMetadata().getGeneration());
  }

  /**
   * For objects whose generation moves with what is not published (a Deployment's replicas, which
   * autoscalers change all the time; an EndpointSlice's addresses): with it, every such change
   * would publish an otherwise equal record. Only the statuses of meshfed's own resources read it.
   */
  static DiscoveredObject wrapWithoutGeneration(HasMetadata object, Object payload) {
    return wrap(object, payload, null);
  }

  private static DiscoveredObject wrap(HasMetadata object, Object payload, Long generation) {
    ObjectMeta metadata = object.getMetadata();
    return DiscoveredObject.newBuilder()
        .setApiVersion(Objects.requireNonNullElse(object.getApiVersion(), ""))
        .setUid(Objects.requireNonNullElse(metadata.getUid(), ""))
        .setGeneration(generation)
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
