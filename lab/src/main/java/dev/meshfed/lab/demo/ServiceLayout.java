package dev.meshfed.lab.demo;

/** How the per-cluster services are run. */
public enum ServiceLayout {
  /** A discovery-service and a distribution-service per cluster, as production runs them. */
  PER_CLUSTER,
  /** One discovery-service and one distribution-service for all clusters (multi-cluster mode). */
  SHARED
}
