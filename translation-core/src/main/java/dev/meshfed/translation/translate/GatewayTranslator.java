package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.inNamespace;
import static dev.meshfed.translation.translate.DesiredRef.named;
import static dev.meshfed.translation.translate.DesiredRef.ofKind;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.GatewayUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One Istio Gateway per host suffix in every cluster that owns federated services: it makes the
 * east-west gateway pass mTLS traffic for {@code *.<suffix>} through to the local workloads (SNI
 * routing, AUTO_PASSTHROUGH).
 */
final class GatewayTranslator implements Translator<GatewayUnit> {

  static final String GATEWAY = "Gateway";
  static final GatewayTranslator INSTANCE = new GatewayTranslator();
  private static final Predicate<DesiredRef> GATEWAYS = ofKind(GATEWAY);

  private GatewayTranslator() {}

  @Override
  public Set<String> kinds() {
    return Set.of(GATEWAY);
  }

  @Override
  public Translation translate(GatewayUnit unit, MeshInputs inputs, Membership membership) {
    String cluster = unit.cluster();
    Translation.Builder out = Translation.builder();
    Optional<Exclusion> removed = membership.removalExclusion(cluster, null);
    if (removed.isPresent()) {
      return out.stop(GATEWAYS, removed::get).build();
    }
    Optional<EastWestGatewayInput> usual = ClusterMesh.gateway(inputs, cluster);
    SortedMap<Passthrough, SortedSet<ObjectId>> passthroughs =
        passthroughs(cluster, inputs, membership);
    SortedMap<Passthrough, SortedSet<ObjectId>> merged =
        GatewayListeners.merged(passthroughs, usual);
    for (String suffix : membership.hostSuffixes()) {
      stopUnused(cluster, suffix, usual, passthroughs, merged, inputs, membership, out);
    }
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      return out.stop(GATEWAYS, () -> ClusterMesh.noControlPlane(cluster, null)).build();
    }
    ControlPlaneInput istiod = controlPlane.get();
    out.stop(
        GATEWAYS.and(inNamespace(istiod.id().namespace()).negate()),
        () ->
            new Exclusion(
                Rule.OTHER_NAMESPACE,
                istiod.id(),
                "the Gateway of cluster "
                    + cluster
                    + " goes to the Istio control-plane namespace "
                    + istiod.id().namespace()));
    merged.forEach(
        (passthrough, why) ->
            out.output(
                GatewayOutput.of(
                    new ClusterMesh(cluster, istiod, passthrough.gateway()),
                    passthrough.suffix(),
                    name(passthrough, usual),
                    why)));
    VirtualDestinationPassthrough.of(cluster, istiod, usual, merged.keySet(), inputs, membership)
        .ifPresentOrElse(
            out::output,
            () ->
                out.stop(
                    GATEWAYS.and(named(VirtualDestinationPassthrough.NAME)),
                    () ->
                        new Exclusion(
                            Rule.NO_BACKING_SERVICE,
                            null,
                            "cluster "
                                + cluster
                                + (usual.isEmpty()
                                    ? " has no reachable east-west gateway"
                                    : " backs no VirtualDestination whose hosts clients of other"
                                        + " clusters need passed through, beyond the host"
                                        + " suffixes its other Gateways pass"))));
    return out.build();
  }

  /**
   * Stops every Gateway for {@code suffix} that could be named in the cluster and is not written:
   * on an east-west gateway no federated service goes through, or whose listener another shares.
   */
  private static void stopUnused(
      String cluster,
      String suffix,
      Optional<EastWestGatewayInput> usual,
      SortedMap<Passthrough, SortedSet<ObjectId>> passthroughs,
      SortedMap<Passthrough, SortedSet<ObjectId>> merged,
      MeshInputs inputs,
      Membership membership,
      Translation.Builder out) {
    List<Passthrough> candidates =
        inputs
            .inCluster(cluster, EastWestGatewayInput.class)
            .map(gateway -> new Passthrough(gateway, suffix))
            .toList();
    for (Passthrough candidate : candidates) {
      Predicate<DesiredRef> same = GATEWAYS.and(named(name(candidate, usual)));
      if (!passthroughs.containsKey(candidate)) {
        out.stop(
            same,
            () -> {
              Exclusion none = noGateway(cluster, suffix, inputs, membership);
              return none.rule() == Rule.NO_FEDERATED_SERVICE ? none : otherGateways(candidate);
            });
      } else if (!merged.containsKey(candidate)) {
        Passthrough standing =
            merged.keySet().stream()
                .filter(p -> GatewayListeners.covers(p, candidate))
                .findFirst()
                .orElseThrow();
        out.stop(same, () -> sharedListener(candidate, name(standing, usual)));
      }
    }
    String usualName = name(suffix);
    if (candidates.stream().noneMatch(c -> name(c, usual).equals(usualName))) {
      out.stop(
          GATEWAYS.and(named(usualName)), () -> noGateway(cluster, suffix, inputs, membership));
    }
  }

  /** Gateways are named by host suffix, and by east-west gateway where a workspace picks one. */
  @Override
  public List<GatewayUnit> candidates(DesiredRef ref, MeshInputs inputs, Membership membership) {
    boolean named =
        ref.name().equals(VirtualDestinationPassthrough.NAME)
            || membership.hostSuffixes().stream()
                .anyMatch(suffix -> couldName(ref.cluster(), suffix, ref.name(), inputs));
    return named ? List.of(new GatewayUnit(ref.cluster())) : List.of();
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_HOST_SUFFIX,
        null,
        "no host suffix (of "
            + String.join(", ", membership.hostSuffixes())
            + ") and east-west gateway of cluster "
            + ref.cluster()
            + " names a Gateway "
            + ref.name()
            + "; meshfed names them "
            + name("SUFFIX")
            + " on a cluster's first reachable east-west gateway, "
            + name("SUFFIX")
            + "-GATEWAY on one a workspace picks");
  }

  private static boolean couldName(String cluster, String suffix, String name, MeshInputs inputs) {
    Optional<EastWestGatewayInput> usual = ClusterMesh.gateway(inputs, cluster);
    return name(suffix).equals(name)
        || inputs
            .inCluster(cluster, EastWestGatewayInput.class)
            .anyMatch(gateway -> name(new Passthrough(gateway, suffix), usual).equals(name));
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
  record Contribution(String hostSuffix, ObjectId workspace, ObjectId settings) {

    static Contribution of(ServiceFederation.Federated federated) {
      return new Contribution(
          federated.plan().hostSuffix(),
          federated.workspace().workspace().id(),
          federated.plan().settings().id());
    }
  }

  /** The contribution of a service, if it is one and federated; empty otherwise. */
  static Optional<Contribution> contribution(
      Optional<Input> input, MeshInputs inputs, Membership membership) {
    return input
        .filter(ServiceInput.class::isInstance)
        .flatMap(
            service -> ServiceFederation.federatedBy((ServiceInput) service, inputs, membership))
        .map(Contribution::of);
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
    contributing(cluster, inputs, membership)
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

  /**
   * A federated service of the cluster per distinct contribution. Services of one workspace add
   * alike: once one of them is federated, whether another loses a host claim (a search of the
   * mesh's services each) changes nothing here.
   */
  private static List<ServiceFederation.Federated> contributing(
      String cluster, MeshInputs inputs, Membership membership) {
    Set<Contribution> added = new HashSet<>();
    List<ServiceFederation.Federated> contributing = new ArrayList<>();
    for (ServiceInput service : inputs.inCluster(cluster, ServiceInput.class).toList()) {
      Optional<ServiceFederation.Federated> federated =
          ServiceFederation.byWorkspace(service, inputs, membership);
      if (federated.isPresent()
          && !added.contains(Contribution.of(federated.get()))
          && HostClaims.conflict(service, federated.get(), inputs, membership).isEmpty()) {
        added.add(Contribution.of(federated.get()));
        contributing.add(federated.get());
      }
    }
    return contributing;
  }
}
