package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.RouteTableState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RouteTable (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * networking.gloo.solo.io/v2) → the kind given: spec.hosts, spec.workloadSelectors,
 * spec.virtualGateways, spec.defaultDestination, the spec.http routes and spec.weight, as written.
 * What meshfed cannot represent (tcp and tls routes, route delegation, VM workloads…) is a problem
 * naming its path, and the rest is read.
 */
public final class RouteTableMapper {

  private static final List<String> SPEC_FIELDS =
      List.of(
          "hosts", "workloadSelectors", "virtualGateways", "defaultDestination", "http", "weight");
  private static final List<String> WORKLOAD_SELECTOR_FIELDS = List.of("selector", "kind");
  private static final String KUBERNETES_WORKLOADS = "KUBE";

  private RouteTableMapper() {}

  public static Mapping map(GenericKubernetesResource routeTable) {
    return map(DiscoveredKinds.ROUTE_TABLE, routeTable);
  }

  /** Under the kind given: meshfed's, or Gloo's for networking.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource routeTable) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(routeTable.getAdditionalProperties().get("spec"), "spec");
    spec.ifPresent(fields -> reader.unsupportedFields(fields, "spec", SPEC_FIELDS));
    var state =
        RouteTableState.newBuilder()
            .setHosts(reader.strings(field(spec, "hosts"), "spec.hosts"))
            .setWorkloadSelectors(
                workloadSelectors(
                    reader, field(spec, "workloadSelectors"), "spec.workloadSelectors"))
            .setVirtualGateways(
                virtualGateways(reader, field(spec, "virtualGateways"), "spec.virtualGateways"))
            .setDefaultDestination(
                RouteDestinations.readOne(
                    reader, field(spec, "defaultDestination"), "spec.defaultDestination"))
            .setHttp(HttpRoutes.read(reader, field(spec, "http"), "spec.http"))
            .setWeight(reader.integer(field(spec, "weight"), "spec.weight").orElse(null))
            .build();
    var write = new Write(Keys.of(kind, routeTable), Envelope.wrap(routeTable, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /**
   * Gloo's WorkloadSelectors ({@code selector, kind, port}), each as its selector; one without a
   * selector selects every workload. Only Kubernetes workloads of any port: an entry for VMs or a
   * port is a problem and left out (read without it, it would select other clients).
   */
  private static List<ObjectSelector> workloadSelectors(
      LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value,
        path,
        (item, itemPath) -> {
          reader.unsupportedFields(item, itemPath, WORKLOAD_SELECTOR_FIELDS);
          reader
              .string(item.get("kind"), itemPath + ".kind")
              .filter(kind -> !kind.equals(KUBERNETES_WORKLOADS))
              .ifPresent(
                  kind ->
                      reader.problem(
                          itemPath
                              + ".kind: '"
                              + kind
                              + "' is not supported by meshfed (only KUBE), left out"));
          return Optional.of(
              ObjectSelectors.readOrAll(reader, item.get("selector"), itemPath + ".selector"));
        });
  }

  /** Gloo's ObjectReferences to VirtualGateways, each read whole. */
  private static List<ObjectSelector> virtualGateways(
      LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value,
        path,
        (item, itemPath) -> Optional.of(ObjectSelectors.reference(reader, item, itemPath)));
  }
}
