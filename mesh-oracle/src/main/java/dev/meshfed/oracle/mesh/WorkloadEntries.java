package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The WorkloadEntries a service's selector selects: those of the namespace it is declared in whose
 * labels match. A ServiceEntry's always do (serviceentry controller, workloadinstances
 * ByServiceSelector), at {@code ports[<entry port name>]}, else targetPort, else number
 * (convertEndpoint). A Kubernetes Service's do only while istiod's
 * PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES is on (multicluster.go registers the kube registry's
 * WorkloadInstanceHandler then), only entries whose address is an IP
 * (convertWorkloadEntryToWorkloadInstance: "k8s can't use workloads with hostnames"), at the port
 * kube controller serviceInstanceFromWorkloadInstance gives.
 */
final class WorkloadEntries {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private WorkloadEntries() {}

  static List<Endpoint> selectedBy(ClusterModel cluster, MeshService service, MeshPort port) {
    boolean kubernetes = service.isKubernetes();
    if (kubernetes
        && !cluster
            .controlPlane()
            .map(ControlPlane::kubernetesServicesSelectWorkloadEntries)
            .orElse(true)) {
      return List.of();
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (JsonNode entry : cluster.ofKind("WorkloadEntry")) {
      JsonNode spec = Json.spec(entry);
      if (!Json.namespace(entry).equals(service.namespace())
          || !Selectors.selects(
              service.selector().orElseThrow(), Json.stringMap(spec.path("labels")))) {
        continue;
      }
      if (!kubernetes) {
        endpoints.add(
            ServiceEndpoints.addressed(cluster, spec, ServiceEndpoints.entryPort(spec, port)));
      } else if (isIp(spec.path("address").asText(""))) {
        kubernetesPort(spec, port)
            .ifPresent(p -> endpoints.add(ServiceEndpoints.addressed(cluster, spec, p)));
      }
    }
    return endpoints;
  }

  /**
   * A Kubernetes Service port's port on a WorkloadEntry (findServiceTargetPort and
   * serviceInstanceFromWorkloadInstance, with istio/istio#33774, cherry-picked to 1.11): a numeric
   * targetPort maps through the entry's {@code ports} by the Service port's name, else stays; a
   * named targetPort needs that name in the entry's {@code ports}, else the entry is left out.
   */
  static OptionalInt kubernetesPort(JsonNode entry, MeshPort port) {
    String target = port.targetPort();
    boolean numeric = !target.isEmpty() && target.chars().allMatch(Character::isDigit);
    int mapped = entry.path("ports").path(numeric ? port.name() : target).asInt(0);
    if (mapped != 0) {
      return OptionalInt.of(mapped);
    }
    return numeric ? OptionalInt.of(Integer.parseInt(target)) : OptionalInt.empty();
  }

  private static boolean isIp(String address) {
    return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
  }
}
