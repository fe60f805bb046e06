package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which VirtualServices a sidecar in a namespace applies to a host, in the order istiod tries them.
 * Bound to the mesh ({@code gateways} empty or naming {@code mesh}, getGatewayNames), visible to
 * the namespace by exportTo (default {@code *}) and, when the namespace has a Sidecar, imported by
 * its egress hosts (SelectVirtualServices). The order is PushContext.VirtualServicesForGateway's:
 * those exported to the namespace by name or {@code .} first, then the public ones, each list
 * sorted by creation time, then name and namespace (initVirtualServices, sortConfigByCreationTime;
 * 1.11 and 1.24). Istio does not merge two VirtualServices of one host for sidecars: the first
 * builds the virtual host and the later one's domains are dropped as duplicates (httproute.go
 * buildSidecarOutboundHTTPRouteConfig, "duplicate domain from virtual service"). A VirtualService
 * none of whose routes survive for this proxy and port builds no virtual host, so the next one, or
 * the service's default route, serves the host (route.go buildSidecarVirtualHostsForVirtualService)
 * — {@link HttpRouting} checks that.
 */
final class VirtualServices {

  static final String MESH = "mesh";

  private VirtualServices() {}

  /** The VirtualServices of {@code cluster} that sidecars in {@code namespace} apply to a host. */
  static List<JsonNode> forHost(ClusterModel cluster, String namespace, String host) {
    Optional<JsonNode> sidecar = Visibility.sidecar(cluster, namespace);
    return cluster.ofKind("VirtualService").stream()
        .filter(VirtualServices::boundToMesh)
        .filter(vs -> visible(vs, namespace))
        .filter(vs -> hosts(vs).stream().anyMatch(h -> Hosts.covers(h, host)))
        .filter(
            vs ->
                sidecar
                    .map(s -> Visibility.importsVirtualService(s, Json.namespace(vs), hosts(vs)))
                    .orElse(true))
        .sorted(ORDER)
        .toList();
  }

  /**
   * The VirtualService's hosts, short names qualified in its namespace (ResolveShortnameToFQDN).
   */
  static List<String> hosts(JsonNode virtualService) {
    return Json.strings(Json.spec(virtualService).path("hosts")).stream()
        .map(h -> Hosts.qualified(h, Json.namespace(virtualService)))
        .toList();
  }

  static String ref(JsonNode virtualService) {
    return Json.namespace(virtualService) + "/" + Json.name(virtualService);
  }

  private static boolean boundToMesh(JsonNode virtualService) {
    List<String> gateways = Json.strings(Json.spec(virtualService).path("gateways"));
    return gateways.isEmpty() || gateways.contains(MESH);
  }

  private static boolean visible(JsonNode virtualService, String namespace) {
    return Visibility.exported(exportTo(virtualService), Json.namespace(virtualService), namespace);
  }

  private static List<String> exportTo(JsonNode virtualService) {
    return Json.strings(Json.spec(virtualService).path("exportTo"));
  }

  private static final Comparator<JsonNode> ORDER =
      Comparator.comparing((JsonNode vs) -> exportTo(vs).isEmpty() || exportTo(vs).contains("*"))
          .thenComparing(vs -> Json.text(vs, "metadata", "creationTimestamp"))
          .thenComparing(vs -> Json.name(vs) + "." + Json.namespace(vs));
}
