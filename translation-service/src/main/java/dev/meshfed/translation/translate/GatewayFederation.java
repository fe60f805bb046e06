package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
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
    Decision<ClusterMesh> mesh = mesh(cluster, inputs);
    if (suffixes.isEmpty() || !mesh.isAllowed()) {
      return UnitResult.EMPTY;
    }
    List<Output> outputs = new ArrayList<>();
    suffixes.forEach((suffix, settings) -> outputs.add(gateway(mesh.allowed(), suffix, settings)));
    return new UnitResult(outputs, List.of());
  }

  /**
   * The first rule that keeps the Gateway for host suffix {@code suffix} out of namespace {@code
   * namespace} of {@code cluster}: the decisions {@link #translate} takes. Empty when translation
   * places it there.
   */
  static Optional<Exclusion> exclusion(
      String cluster, String suffix, String namespace, MeshInputs inputs, Membership membership) {
    Optional<Exclusion> removed = membership.removalExclusion(cluster, null);
    if (removed.isPresent()) {
      return removed;
    }
    if (!federatedSuffixes(cluster, inputs, membership).containsKey(suffix)) {
      return Optional.of(
          new Exclusion(
              Rule.NO_FEDERATED_SERVICE,
              null,
              "cluster " + cluster + " owns no federated service with host suffix " + suffix));
    }
    Decision<ClusterMesh> mesh = mesh(cluster, inputs);
    if (!mesh.isAllowed()) {
      return mesh.exclusionIfAny();
    }
    if (!mesh.allowed().namespace().equals(namespace)) {
      return Optional.of(
          new Exclusion(
              Rule.OTHER_NAMESPACE,
              mesh.allowed().controlPlane().id(),
              "the Gateway of cluster "
                  + cluster
                  + " goes to the Istio control-plane namespace "
                  + mesh.allowed().namespace()));
    }
    return Optional.empty();
  }

  /** The name of the Gateway for a host suffix. */
  static String name(String suffix) {
    return "meshfed-eastwest-" + Manifests.objectName(suffix);
  }

  /** The cluster's control plane and east-west gateway, if it has both. */
  private static Decision<ClusterMesh> mesh(String cluster, MeshInputs inputs) {
    Optional<EastWestGatewayInput> gateway = ClusterMesh.gateway(inputs, cluster);
    if (gateway.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_EAST_WEST_GATEWAY,
                  null,
                  "cluster "
                      + cluster
                      + " has no east-west gateway with an address and a port named tls"));
    }
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_CONTROL_PLANE,
                  null,
                  "cluster " + cluster + " has no Istio control plane"));
    }
    return Decision.allow(new ClusterMesh(cluster, controlPlane.get(), gateway.get()));
  }

  /** What a service adds to its cluster's gateway: a host suffix and the inputs behind it. */
  record Contribution(String hostSuffix, ObjectId workspace, ObjectId settings) {}

  /** The contribution of a service, if it is one and federated; empty otherwise. */
  static Optional<Contribution> contribution(Optional<Input> input, Membership membership) {
    return input
        .filter(ServiceInput.class::isInstance)
        .map(service -> ServiceFederation.federation((ServiceInput) service, membership))
        .filter(Decision::isAllowed)
        .map(Decision::allowed)
        .map(
            federated ->
                new Contribution(
                    federated.plan().hostSuffix(),
                    federated.workspace().workspace().id(),
                    federated.plan().settings().id()));
  }

  /** Host suffixes of the federated services in the cluster, with the inputs that federate them. */
  private static SortedMap<String, SortedSet<ObjectId>> federatedSuffixes(
      String cluster, MeshInputs inputs, Membership membership) {
    SortedMap<String, SortedSet<ObjectId>> suffixes = new TreeMap<>();
    inputs
        .inCluster(cluster, ServiceInput.class)
        .map(service -> ServiceFederation.federation(service, membership))
        .filter(Decision::isAllowed)
        .map(Decision::allowed)
        .forEach(
            federated -> {
              SortedSet<ObjectId> why =
                  suffixes.computeIfAbsent(federated.plan().hostSuffix(), s -> new TreeSet<>());
              why.add(federated.workspace().workspace().id());
              why.add(federated.plan().settings().id());
            });
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
    String name = name(suffix);
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
