package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ClusterRegistrationState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** KubernetesCluster (a cluster's registration: its name and labels) → kind KubernetesCluster. */
public final class ClusterRegistrationMapper {

  private ClusterRegistrationMapper() {}

  public static Mapping map(GenericKubernetesResource registration) {
    return map(DiscoveredKinds.KUBERNETES_CLUSTER, registration);
  }

  /** Under the kind given: meshfed's, or Gloo's for admin.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource registration) {
    var state = new ClusterRegistrationState(Envelope.labels(registration));
    return Mapping.of(new Write(Keys.of(kind, registration), Envelope.wrap(registration, state)));
  }
}
