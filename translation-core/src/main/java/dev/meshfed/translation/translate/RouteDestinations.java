package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.Derivation;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.RouteTableInput.RouteDestination;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.Port;
import dev.meshfed.translation.translate.UnitId.ServiceUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a route's destination is for the clients of one cluster: the host, port and subset their
 * proxies know it by, or why they do not know it. A VirtualDestination is its first host wherever
 * its own translation places it; a Service of the client's cluster is its cluster-local host; a
 * Service of another cluster is the host meshfed federates it under there, if it does. The
 * translations asked are those of the destinations' own units, so no placement rule is repeated.
 */
final class RouteDestinations {

  static final String SERVICE = "SERVICE";
  static final String VIRTUAL_DESTINATION = DestinationPolicies.VIRTUAL_DESTINATION;
  static final String EXTERNAL_SERVICE = "EXTERNAL_SERVICE";

  /** VirtualDestinations by name, each list in id order. */
  private static final Derivation<
          VirtualDestinationInput, Map<String, List<VirtualDestinationInput>>>
      BY_NAME =
          new Derivation<>(
              VirtualDestinationInput.class,
              "VirtualDestinations by name",
              all -> all.collect(Collectors.groupingBy(vd -> vd.id().name())));

  /** A destination as an Istio route destination; port and subset null where not set. */
  record Resolved(String host, Integer port, String subset) {}

  private final RouteTableInput rt;
  private final WorkspacePlan workspace;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Map<UnitId, List<Output>> placed = new HashMap<>();
  private final Map<ObjectId, java.util.SortedSet<String>> virtualDestinationsPlaced =
      new HashMap<>();

  RouteDestinations(
      RouteTableInput rt, WorkspacePlan workspace, MeshInputs inputs, Membership membership) {
    this.rt = rt;
    this.workspace = workspace;
    this.inputs = inputs;
    this.membership = membership;
  }

  /** Whether a route table's destination names a VirtualDestination. */
  static boolean refersTo(RouteDestination d, ObjectId namer, VirtualDestinationInput vd) {
    return VIRTUAL_DESTINATION.equals(d.kind())
        && !DestinationOrigin.madeByMeshfed(vd.id())
        && d.ref() != null
        && vd.id().name().equals(d.ref().name())
        && namespace(d, namer).equals(vd.id().namespace())
        && Selectors.matchesIfSet(d.ref().cluster(), vd.id().cluster());
  }

  /** Whether a route table's destination names a Service of a cluster (null: any). */
  static boolean refersTo(RouteDestination d, ObjectId namer, ObjectId service) {
    return SERVICE.equals(d.kind())
        && d.ref() != null
        && service.name().equals(d.ref().name())
        && namespace(d, namer).equals(service.namespace());
  }

  /**
   * The route table's destination for the clients of {@code cluster}, or why they cannot reach it.
   */
  Decision<Resolved> in(String cluster, RouteDestination d) {
    return in(cluster, d, rt.id());
  }

  /**
   * A destination that {@code namer} (the route table, or a policy) names, for the clients of
   * {@code cluster}: a namespace left out is the namer's.
   */
  Decision<Resolved> in(String cluster, RouteDestination d, ObjectId namer) {
    return switch (d.kind()) {
      case VIRTUAL_DESTINATION -> virtualDestination(cluster, d, namer);
      case SERVICE -> service(cluster, d, namer);
      case EXTERNAL_SERVICE -> externalService(cluster, d, namer);
      default ->
          unreachable(
              d,
              namer,
              "meshfed does not federate " + d.kind() + " destinations yet, so none is routed");
    };
  }

  private Decision<Resolved> virtualDestination(
      String cluster, RouteDestination d, ObjectId namer) {
    Optional<VirtualDestinationInput> vd =
        d.ref() == null
            ? Optional.empty()
            : inputs.derived(BY_NAME).getOrDefault(d.ref().name(), List.of()).stream()
                .filter(v -> refersTo(d, namer, v))
                .findFirst();
    if (vd.isEmpty()) {
      return unreachable(d, namer, "no such VirtualDestination");
    }
    if (!DestinationPolicies.inWorkspace(vd.get().id(), workspace.name(), membership)) {
      return unreachable(
          d,
          namer,
          "the VirtualDestination is not in workspace " + workspace.name() + " of the route");
    }
    boolean placedThere =
        virtualDestinationsPlaced
            .computeIfAbsent(
                vd.get().id(),
                id -> VirtualDestinationTranslation.placement(vd.get(), inputs, membership))
            .contains(cluster);
    if (!placedThere) {
      return unreachable(d, namer, "the VirtualDestination gives cluster " + cluster + " no host");
    }
    Integer port = d.portNumber();
    if (port == null && d.portName() != null) {
      port =
          vd.get().ports().stream()
              .filter(p -> d.portName().equals(VirtualDestinationObjects.portName(p)))
              .map(Port::number)
              .findFirst()
              .orElse(null);
      if (port == null) {
        return unreachable(d, namer, "the VirtualDestination has no port " + d.portName());
      }
    }
    String subset = d.subset().isEmpty() ? null : RouteSubsets.name(d.subset());
    return Decision.allow(new Resolved(vd.get().hosts().get(0), port, subset));
  }

  private Decision<Resolved> externalService(String cluster, RouteDestination d, ObjectId namer) {
    Optional<ExternalServiceInput> es =
        inputs
            .all(ExternalServiceInput.class)
            .filter(e -> e.id().name().equals(d.ref().name()))
            .filter(e -> e.id().namespace().equals(namespace(d, namer)))
            .filter(e -> Selectors.matchesIfSet(d.ref().cluster(), e.id().cluster()))
            .findFirst();
    if (es.isEmpty()) {
      return unreachable(d, namer, "no such ExternalService");
    }
    if (!d.subset().isEmpty()) {
      return unreachable(d, namer, "an ExternalService has no subsets");
    }
    if (!DestinationPolicies.inWorkspace(es.get().id(), workspace.name(), membership)) {
      return unreachable(
          d,
          namer,
          "the ExternalService is not in workspace " + workspace.name() + " of the route");
    }
    boolean placed =
        placedIn(cluster, new UnitId.ExternalServiceUnit(es.get().id()))
            .anyMatch(o -> o.kind().equals(ExternalServiceObjects.SERVICE_ENTRY));
    if (!placed) {
      return unreachable(d, namer, "the ExternalService gives cluster " + cluster + " no host");
    }
    Integer port = d.portNumber();
    if (port == null && d.portName() != null) {
      port =
          es.get().ports().stream()
              .filter(p -> d.portName().equals(ExternalServiceObjects.portName(p)))
              .map(ExternalServiceInput.Port::number)
              .findFirst()
              .orElse(null);
      if (port == null) {
        return unreachable(d, namer, "the ExternalService has no port " + d.portName());
      }
    }
    return Decision.allow(new Resolved(ExternalServiceObjects.hosts(es.get()).get(0), port, null));
  }

  private Decision<Resolved> service(String cluster, RouteDestination d, ObjectId namer) {
    String owner = d.ref().cluster() == null ? cluster : d.ref().cluster();
    ObjectId id =
        new ObjectId(
            owner, dev.meshfed.schema.DiscoveredKinds.SERVICE, namespace(d, namer), d.ref().name());
    Optional<ServiceInput> service =
        inputs.get(id).filter(ServiceInput.class::isInstance).map(ServiceInput.class::cast);
    if (service.isEmpty()) {
      return unreachable(d, namer, "cluster " + owner + " has no such Service");
    }
    Optional<String> unshared = unshared(service.get());
    if (unshared.isPresent()) {
      return unreachable(d, namer, unshared.get());
    }
    Integer port = d.portNumber();
    if (port == null && d.portName() != null) {
      port =
          service.get().ports().stream()
              .filter(p -> d.portName().equals(p.name()))
              .map(p -> p.port())
              .findFirst()
              .orElse(null);
      if (port == null) {
        return unreachable(d, namer, "the Service has no port " + d.portName());
      }
    }
    // the Service's DestinationRules define the subsets asked of it (ServiceRules)
    String subset = d.subset().isEmpty() ? null : RouteSubsets.name(d.subset());
    if (owner.equals(cluster)) {
      return Decision.allow(new Resolved(ServiceRules.localHost(id), port, subset));
    }
    Optional<String> federated =
        placedIn(cluster, new ServiceUnit(id))
            .filter(o -> o.kind().equals(ServiceEntries.SERVICE_ENTRY) && o.host() != null)
            .map(Output::host)
            .findFirst();
    if (federated.isEmpty()) {
      return unreachable(
          d,
          namer,
          "meshfed does not federate it to cluster "
              + cluster
              + " (its workspace's settings do not federate it there)");
    }
    return Decision.allow(new Resolved(federated.get(), port, subset));
  }

  /** Why the route's workspace may not use a service, if it may not. */
  private Optional<String> unshared(ServiceInput service) {
    Optional<WorkspacePlan> owner =
        membership.workspaceOf(service.id().cluster(), service.id().namespace());
    if (owner.isEmpty()) {
      return Optional.of("the Service belongs to no workspace");
    }
    boolean shared =
        owner.get().name().equals(workspace.name())
            || ServiceSharing.allows(owner.get().exportTo(), workspace.workspace(), service)
                && ServiceSharing.allows(workspace.importFrom(), owner.get().workspace(), service);
    return shared
        ? Optional.empty()
        : Optional.of(
            "the Service is in workspace "
                + owner.get().name()
                + ", which does not share it with workspace "
                + workspace.name()
                + " of the route");
  }

  private java.util.stream.Stream<Output> placedIn(String cluster, UnitId unit) {
    List<Output> outputs =
        placed.computeIfAbsent(
            unit,
            u ->
                Translators.translate(u, inputs, membership)
                    .map(t -> t.result().outputs())
                    .orElse(List.of()));
    return outputs.stream().filter(o -> o.cluster().equals(cluster));
  }

  private Decision<Resolved> unreachable(RouteDestination d, ObjectId namer, String why) {
    String what =
        d.kind()
            + " "
            + (d.ref() == null
                ? "?"
                : (d.ref().cluster() == null ? "" : d.ref().cluster() + "/")
                    + namespace(d, namer)
                    + "/"
                    + d.ref().name());
    return Decision.exclude(
        () -> new Exclusion(Exclusion.Rule.NO_ROUTE_DESTINATION, rt.id(), what + ": " + why));
  }

  static String namespace(RouteDestination d, ObjectId namer) {
    return d.ref() == null || d.ref().namespace() == null ? namer.namespace() : d.ref().namespace();
  }
}
