package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The identities in the certificates of the pods behind services ({@code spiffe://<trust
 * domain>/ns/<namespace>/sa/<account>}): what a client's DestinationRule names in {@code
 * subjectAltNames} where Istio's own list would miss some. A service whose workloads are not known
 * yet counts as the namespace's {@code default} account.
 */
final class WorkloadIdentities {

  private WorkloadIdentities() {}

  /** Those of every service, by the cluster it is in. */
  static List<String> of(MeshInputs inputs, Map<String, ServiceInput> servicesByCluster) {
    SortedSet<String> names = new TreeSet<>();
    servicesByCluster.forEach((cluster, service) -> names.addAll(of(inputs, cluster, service)));
    return List.copyOf(names);
  }

  /** Those of the workloads a service of {@code cluster} selects. */
  static SortedSet<String> of(MeshInputs inputs, String cluster, ServiceInput service) {
    SortedSet<String> accounts = new TreeSet<>();
    SelectedWorkloads.of(inputs, service).forEach(w -> accounts.add(w.serviceAccount()));
    if (accounts.isEmpty()) {
      accounts.add("default");
    }
    return uris(ClusterMesh.trustDomain(inputs, cluster), service.id().namespace(), accounts);
  }

  private static SortedSet<String> uris(
      String trustDomain, String namespace, Collection<String> accounts) {
    SortedSet<String> names = new TreeSet<>();
    accounts.forEach(
        account -> names.add("spiffe://" + trustDomain + "/ns/" + namespace + "/sa/" + account));
    return names;
  }
}
