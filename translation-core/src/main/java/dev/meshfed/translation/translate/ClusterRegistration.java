package dev.meshfed.translation.translate;

import java.util.Locale;

/** Whether a cluster needs a KubernetesCluster in the management cluster to be in the mesh. */
public enum ClusterRegistration {
  /**
   * As Gloo Mesh once the management cluster holds any valid KubernetesCluster: from then on a
   * cluster without one is not a member, so deleting its registration removes it. While it holds
   * none, a cluster joins by running its discovery-service (the zero-setup demo).
   */
  AUTO,
  /** Only registered clusters are members, even with no registration at all. */
  REQUIRED,
  /** A cluster joins by running its discovery-service; registrations only label clusters. */
  OPTIONAL;

  /** Whether an unregistered cluster is out, given how many clusters are registered. */
  public boolean requiredWith(int registrations) {
    return this == REQUIRED || (this == AUTO && registrations > 0);
  }

  /** How {@code meshfed.cluster-registration} spells it. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** From {@code auto}, {@code required} or {@code optional}, in any case. */
  public static ClusterRegistration parse(String value) {
    for (ClusterRegistration mode : values()) {
      if (mode.configValue().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "meshfed.cluster-registration must be auto, required or optional, not " + value);
  }
}
