package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One Istio Gateway per host suffix in every cluster that owns federated services: it makes the
 * east-west gateway pass mTLS traffic for {@code *.<suffix>} through to the local workloads (SNI
 * routing, AUTO_PASSTHROUGH).
 */
final class GatewayFederation {

  static final String GATEWAY = "Gateway";

  private GatewayFederation() {}

  static UnitResult translate(String cluster, MeshInputs inputs, Membership membership) {
    SortedMap<String, SortedSet<ObjectId>> suffixes =
        federatedSuffixes(cluster, inputs, membership);
    Optional<EastWestGatewayInput> gateway = ClusterMesh.gateway(inputs, cluster);
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (suffixes.isEmpty() || gateway.isEmpty() || controlPlane.isEmpty()) {
      return UnitResult.EMPTY;
    }
    ClusterMesh mesh = new ClusterMesh(cluster, controlPlane.get(), gateway.get());
    List<Output> outputs = new ArrayList<>();
    suffixes.forEach((suffix, settings) -> outputs.add(gateway(mesh, suffix, settings)));
    return new UnitResult(outputs, List.of());
  }

  /** Host suffixes of the federated services in the cluster, with the inputs that federate them. */
  private static SortedMap<String, SortedSet<ObjectId>> federatedSuffixes(
      String cluster, MeshInputs inputs, Membership membership) {
    SortedMap<String, SortedSet<ObjectId>> suffixes = new TreeMap<>();
    inputs
        .inCluster(cluster, ServiceInput.class)
        .forEach(
            service ->
                membership
                    .workspaceOf(cluster, service.id().namespace())
                    .ifPresent(
                        ws ->
                            ws.federation()
                                .filter(plan -> plan.selects(service))
                                .ifPresent(
                                    plan -> {
                                      SortedSet<ObjectId> why =
                                          suffixes.computeIfAbsent(
                                              plan.hostSuffix(), s -> new TreeSet<>());
                                      why.add(ws.workspace().id());
                                      why.add(plan.settings().id());
                                    })));
    return suffixes;
  }

  private static Output gateway(ClusterMesh mesh, String suffix, SortedSet<ObjectId> settings) {
    EastWestGatewayInput eastWest = mesh.gateway();
    ObjectNode spec = Manifests.objectNode();
    spec.set("selector", Manifests.stringMap(eastWest.selector()));
    ObjectNode server = spec.putArray("servers").addObject();
    ObjectNode port = server.putObject("port");
    port.put("number", eastWest.tlsPort());
    port.put("name", "tls");
    port.put("protocol", "TLS");
    server.putObject("tls").put("mode", "AUTO_PASSTHROUGH");
    server.set("hosts", Manifests.strings(List.of("*." + suffix)));

    List<ObjectId> sources = new ArrayList<>(settings);
    sources.add(eastWest.id());
    sources.add(mesh.controlPlane().id());
    String name = "meshfed-eastwest-" + Manifests.objectName(suffix);
    String apiVersion = mesh.networkingApiVersion();
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            GATEWAY,
            mesh.namespace(),
            name,
            Map.of(),
            Map.of(Manifests.SOURCES_ANNOTATION, Manifests.sources(sources)),
            spec);
    return new Output(
        mesh.cluster(),
        apiVersion,
        GATEWAY,
        mesh.namespace(),
        name,
        manifest,
        null,
        sources.stream().sorted().toList(),
        null,
        mesh.cluster(),
        "cluster "
            + mesh.cluster()
            + " owns federated services with host suffix "
            + suffix
            + ": its east-west gateway passes *."
            + suffix
            + " through");
  }
}
