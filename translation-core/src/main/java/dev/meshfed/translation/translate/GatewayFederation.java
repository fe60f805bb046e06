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
import java.util.HashMap;
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
    Optional<EastWestGatewayInput> usual = ClusterMesh.gateway(inputs, cluster);
    SortedMap<Passthrough, SortedSet<ObjectId>> passthroughs =
        GatewayListeners.merged(passthroughs(cluster, inputs, membership), usual);
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (passthroughs.isEmpty() || controlPlane.isEmpty()) {
      return UnitResult.EMPTY;
    }
    List<Output> outputs = new ArrayList<>();
    passthroughs.forEach(
        (passthrough, why) ->
            outputs.add(
                gateway(
                    new ClusterMesh(cluster, controlPlane.get(), passthrough.gateway()),
                    passthrough.suffix(),
                    name(passthrough, usual),
                    why)));
    return new UnitResult(outputs, List.of());
  }

  /** Whether the Gateway for host suffix {@code suffix} in {@code cluster} could be named so. */
  static boolean couldName(String cluster, String suffix, String name, MeshInputs inputs) {
    Optional<EastWestGatewayInput> usual = ClusterMesh.gateway(inputs, cluster);
    return name(suffix).equals(name)
        || inputs
            .inCluster(cluster, EastWestGatewayInput.class)
            .anyMatch(gateway -> name(new Passthrough(gateway, suffix), usual).equals(name));
  }

  /**
   * The first rule that keeps the Gateway named {@code name} for host suffix {@code suffix} out of
   * namespace {@code namespace} of {@code cluster}: the decisions {@link #translate} takes. Empty
   * when translation places it there.
   */
  static Optional<Exclusion> exclusion(
      String cluster,
      String suffix,
      String name,
      String namespace,
      MeshInputs inputs,
      Membership membership) {
    Optional<Exclusion> removed = membership.removalExclusion(cluster, null);
    if (removed.isPresent()) {
      return removed;
    }
    Optional<EastWestGatewayInput> usual = ClusterMesh.gateway(inputs, cluster);
    Optional<Passthrough> candidate =
        inputs
            .inCluster(cluster, EastWestGatewayInput.class)
            .map(gateway -> new Passthrough(gateway, suffix))
            .filter(p -> name(p, usual).equals(name))
            .findFirst();
    if (candidate.isEmpty()) {
      return Optional.of(noGateway(cluster, suffix, inputs, membership));
    }
    SortedMap<Passthrough, SortedSet<ObjectId>> passthroughs =
        passthroughs(cluster, inputs, membership);
    if (!passthroughs.containsKey(candidate.get())) {
      Exclusion none = noGateway(cluster, suffix, inputs, membership);
      return Optional.of(
          none.rule() == Rule.NO_FEDERATED_SERVICE ? none : otherGateways(candidate.get()));
    }
    SortedMap<Passthrough, SortedSet<ObjectId>> merged =
        GatewayListeners.merged(passthroughs, usual);
    if (!merged.containsKey(candidate.get())) {
      Passthrough standing =
          merged.keySet().stream()
              .filter(p -> GatewayListeners.covers(p, candidate.get()))
              .findFirst()
              .orElseThrow();
      return Optional.of(sharedListener(candidate.get(), name(standing, usual)));
    }
    return placement(cluster, namespace, inputs);
  }

  private static Exclusion sharedListener(Passthrough candidate, String standing) {
    ObjectId gateway = candidate.gateway().id();
    return new Exclusion(
        Rule.NO_FEDERATED_SERVICE,
        gateway,
        "the Gateway "
            + standing
            + " already passes *."
            + candidate.suffix()
            + " through on the pods of "
            + gateway.namespace()
            + "/"
            + gateway.name()
            + " (its selector selects them too): a second would conflict with it (IST0145)");
  }

  private static Exclusion otherGateways(Passthrough candidate) {
    ObjectId gateway = candidate.gateway().id();
    return new Exclusion(
        Rule.NO_FEDERATED_SERVICE,
        gateway,
        "the federated services of cluster "
            + gateway.cluster()
            + " with host suffix "
            + candidate.suffix()
            + " go through other east-west gateways than "
            + gateway.namespace()
            + "/"
            + gateway.name()
            + " (options.eastWestGateways)");
  }

  /** Why a cluster with no reachable east-west gateway has no Gateway for a suffix. */
  private static Exclusion noGateway(
      String cluster, String suffix, MeshInputs inputs, Membership membership) {
    boolean federates =
        inputs
            .inCluster(cluster, ServiceInput.class)
            .map(service -> ServiceFederation.federation(service, inputs, membership))
            .filter(Decision::isAllowed)
            .anyMatch(federated -> federated.allowed().plan().hostSuffix().equals(suffix));
    return federates
        ? new Exclusion(
            Rule.NO_EAST_WEST_GATEWAY,
            null,
            "cluster " + cluster + " has no east-west gateway with an address and a port named tls")
        : new Exclusion(
            Rule.NO_FEDERATED_SERVICE,
            null,
            "cluster " + cluster + " owns no federated service with host suffix " + suffix);
  }

  private static Optional<Exclusion> placement(
      String cluster, String namespace, MeshInputs inputs) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      return Optional.of(
          new Exclusion(
              Rule.NO_CONTROL_PLANE, null, "cluster " + cluster + " has no Istio control plane"));
    }
    if (!controlPlane.get().id().namespace().equals(namespace)) {
      return Optional.of(
          new Exclusion(
              Rule.OTHER_NAMESPACE,
              controlPlane.get().id(),
              "the Gateway of cluster "
                  + cluster
                  + " goes to the Istio control-plane namespace "
                  + controlPlane.get().id().namespace()));
    }
    return Optional.empty();
  }

  /** The name of the Gateway for a host suffix on the cluster's usual east-west gateway. */
  static String name(String suffix) {
    return "meshfed-eastwest-" + Manifests.objectName(suffix);
  }

  /**
   * The name of a passthrough's Gateway: on the cluster's usual east-west gateway (the first
   * reachable one) by suffix alone, on one a workspace picked also by the gateway's name.
   */
  private static String name(Passthrough passthrough, Optional<EastWestGatewayInput> usual) {
    return GatewayListeners.isUsual(passthrough, usual)
        ? name(passthrough.suffix())
        : Manifests.objectName(
            name(passthrough.suffix()) + "-" + passthrough.gateway().id().name());
  }

  /** What a service adds to its cluster's gateway: a host suffix and the inputs behind it. */
  record Contribution(String hostSuffix, ObjectId workspace, ObjectId settings) {}

  /** The contribution of a service, if it is one and federated; empty otherwise. */
  static Optional<Contribution> contribution(
      Optional<Input> input, MeshInputs inputs, Membership membership) {
    return input
        .filter(ServiceInput.class::isInstance)
        .map(service -> ServiceFederation.federation((ServiceInput) service, inputs, membership))
        .filter(Decision::isAllowed)
        .map(Decision::allowed)
        .map(
            federated ->
                new Contribution(
                    federated.plan().hostSuffix(),
                    federated.workspace().workspace().id(),
                    federated.plan().settings().id()));
  }

  /**
   * The east-west gateway and host suffix of each federated service in the cluster, with the inputs
   * that federate them.
   */
  private static SortedMap<Passthrough, SortedSet<ObjectId>> passthroughs(
      String cluster, MeshInputs inputs, Membership membership) {
    SortedMap<Passthrough, SortedSet<ObjectId>> passthroughs = new TreeMap<>();
    // services of one workspace pick alike: look each workspace's pick up once
    Map<ObjectId, Optional<EastWestGatewayInput>> picked = new HashMap<>();
    inputs
        .inCluster(cluster, ServiceInput.class)
        .map(service -> ServiceFederation.federation(service, inputs, membership))
        .filter(Decision::isAllowed)
        .map(Decision::allowed)
        .forEach(
            federated ->
                picked
                    .computeIfAbsent(
                        federated.plan().settings().id(),
                        settings ->
                            ClusterMesh.gateway(
                                inputs, cluster, federated.plan().gatewaySelectors()))
                    .ifPresent(
                        gateway -> {
                          SortedSet<ObjectId> why =
                              passthroughs.computeIfAbsent(
                                  new Passthrough(gateway, federated.plan().hostSuffix()),
                                  p -> new TreeSet<>());
                          why.add(federated.workspace().workspace().id());
                          why.add(federated.plan().settings().id());
                        }));
    return passthroughs;
  }

  private static Output gateway(
      ClusterMesh mesh, String suffix, String name, SortedSet<ObjectId> settings) {
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
