package dev.meshfed.oracle.mesh;

/** A workload's SPIFFE identity, {@code <trustDomain>/ns/<namespace>/sa/<serviceAccount>}. */
record Identity(String trustDomain, String namespace, String serviceAccount) {

  String principal() {
    return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
  }
}
