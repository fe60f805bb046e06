package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ClusterRegistrationState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KubernetesCluster (a cluster's registration: its name, labels, and {@code spec.removed} to
 * deregister it) → kind KubernetesCluster.
 */
public final class ClusterRegistrationMapper {

  private ClusterRegistrationMapper() {}

  public static Mapping map(GenericKubernetesResource registration) {
    return map(DiscoveredKinds.KUBERNETES_CLUSTER, registration);
  }

  /** Under the kind given: meshfed's, or Gloo's for admin.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource registration) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec =
        reader.map(registration.getAdditionalProperties().get("spec"), "spec");
    boolean removed = reader.bool(field(spec, "removed"), "spec.removed").orElse(false);
    var state = new ClusterRegistrationState(Envelope.labels(registration), removed);
    var write = new Write(Keys.of(kind, registration), Envelope.wrap(registration, state));
    return new Mapping(List.of(write), reader.problems());
  }
}
