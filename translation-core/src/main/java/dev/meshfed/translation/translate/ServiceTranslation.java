package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.inCluster;
import static dev.meshfed.translation.translate.DesiredRef.inClusters;
import static dev.meshfed.translation.translate.DesiredRef.inNamespace;
import static dev.meshfed.translation.translate.DesiredRef.named;
import static dev.meshfed.translation.translate.DesiredRef.ofKind;
import static dev.meshfed.translation.translate.ServiceEntries.SERVICE_ENTRY;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.ServiceFederation.Federated;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The decisions that place one Service's objects, in order: is it federated (workspace, settings,
 * selector, no older claim on its host); its isolation policy; can other clusters reach it (an
 * east-west gateway, a federated TCP port); and, per target cluster, where its entry goes. Each
 * decision either writes objects or stops them with its rule.
 */
final class ServiceTranslation {

  private static final Predicate<DesiredRef> ENTRIES = ofKind(SERVICE_ENTRY);
  private static final Predicate<DesiredRef> RULES = ofKind(ServiceRules.DESTINATION_RULE);

  private final ServiceInput service;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Federated federated;
  private final List<WorkspacePlan> importers;
  private final ServiceEntries entries;
  private final ServiceRules rules;
  private final SortedMap<String, Map<String, String>> served;
  private final Translation.Builder out;

  /** Its objects for the federated host: entries, and rules but the cluster-local host's. */
  private final Predicate<DesiredRef> federatedObjects;

  /** What makes a service reachable from other clusters: its cluster's gateway, its TCP ports. */
  private record Reachable(
      EastWestGatewayInput gateway, ClusterMesh.Endpoint endpoint, List<ServicePortInput> ports) {}

  private ServiceTranslation(
      ServiceInput service,
      MeshInputs inputs,
      Membership membership,
      Federated federated,
      ServiceRules rules,
      Translation.Builder out) {
    this.service = service;
    this.inputs = inputs;
    this.membership = membership;
    this.federated = federated;
    this.importers = rules.importers();
    this.rules = rules;
    this.served =
        rules.subsets().isEmpty()
            ? new TreeMap<>()
            : RouteSubsets.served(service, rules.subsets(), inputs);
    this.out = out;
    this.federatedObjects =
        ENTRIES.or(RULES.and(named(ServiceRules.localRuleName(service.id())).negate()));
    this.entries =
        new ServiceEntries(
            service, federated, importers, inputs, message -> out.warn(service.id(), message));
  }

  static Translation of(ServiceInput service, MeshInputs inputs, Membership membership) {
    Translation.Builder out = Translation.builder();
    // its clients in its own cluster call the cluster-local host, federated or not
    Optional<ServiceRules> rules = ServiceRules.of(service, inputs, membership);
    rules.ifPresent(r -> r.placeLocal(inputs, out));
    Decision<Federated> federated =
        ServiceFederation.federationByWorkspace(service, inputs, membership);
    if (!federated.isAllowed()) {
      return out.stop(ref -> true, federated::exclusion).build();
    }
    Optional<Exclusion> conflict =
        HostClaims.conflict(service, federated.allowed(), inputs, membership);
    if (conflict.isPresent()) {
      // a host conflict is the loser's own error; every other exclusion is no error at all
      out.diagnostic(new Diagnostic(service.id(), Severity.INVALID, conflict.get().message()));
      return out.stop(ref -> true, conflict::get).build();
    }
    new ServiceTranslation(
            service, inputs, membership, federated.allowed(), rules.orElseThrow(), out)
        .run();
    return out.build();
  }

  private void run() {
    String host = entries.host();
    out.stop(
        federatedObjects
            .and(named(Manifests.objectName(host)).negate())
            .and(named(ServiceRules.gatewayRuleName(host)).negate()),
        this::otherSuffix);
    if (rules.isEmpty()) {
      out.stop(RULES, () -> ServiceRuleAbsence.nothingToSet(rules));
    }
    out.stop(
        RULES.and(inCluster(service.id().cluster())).and(named(Manifests.objectName(host))),
        () -> ServiceRuleAbsence.ownClusterCallsLocally(rules, host));
    if (rules.subsets().isEmpty()) {
      out.stop(
          RULES.and(named(ServiceRules.gatewayRuleName(host))),
          () -> ServiceRuleAbsence.noSubsets(rules));
    }
    out.stop(
        RULES
            .and(inCluster(service.id().cluster()).negate())
            .and(named(ServiceRules.gatewayRuleName(host))),
        () -> ServiceRuleAbsence.gatewayOfOwnerOnly(rules, host));
    ServiceIsolation.translate(service, federated, importers, inputs, out);
    Decision<Reachable> reachable = reachability();
    if (!reachable.isAllowed()) {
      out.stopAndWarn(federatedObjects, reachable.exclusion());
      return;
    }
    out.stopEach(
        federatedObjects.and(inClusters(membership.removedClusters().keySet())),
        ref -> membership.removalExclusion(ref.cluster(), service.id()).orElseThrow());
    SortedSet<String> targets = ServiceFederation.targets(federated.workspace(), importers);
    for (String target : targets) {
      place(target, reachable.allowed());
    }
    out.stopEach(
        federatedObjects.and(inClusters(targets).negate()), ref -> notTargeted(ref, targets));
  }

  private void place(String target, Reachable reachable) {
    Decision<ClusterMesh> placement = placement(target, reachable);
    if (!placement.isAllowed()) {
      out.stopAndWarn(federatedObjects.and(inCluster(target)), placement.exclusion());
      return;
    }
    ClusterMesh mesh = placement.allowed();
    String namespace = entries.namespaceIn(mesh);
    out.stop(
        federatedObjects.and(inCluster(target)).and(inNamespace(namespace).negate()),
        () -> otherNamespace(target, namespace));
    if (target.equals(service.id().cluster())) {
      out.output(entries.local(mesh, reachable.ports()));
      if (!rules.subsets().isEmpty()) {
        out.output(rules.gateway(mesh, entries.host()));
      }
      return;
    }
    out.output(
        entries.remote(mesh, reachable.gateway(), reachable.endpoint(), reachable.ports(), served));
    if (!rules.isEmpty()) {
      out.output(rules.federated(mesh, entries.host()));
    }
    TrafficPreconditions.unresolvable(inputs, target, entries.host())
        .ifPresent(message -> out.warn(service.id(), message));
    TrafficPreconditions.refusedTrustDomain(inputs, service.id().cluster(), target)
        .ifPresent(message -> out.warn(service.id(), message));
  }

  private Decision<Reachable> reachability() {
    String owner = service.id().cluster();
    FederationPlan plan = federated.plan();
    Optional<EastWestGatewayInput> gateway =
        ClusterMesh.gateway(inputs, owner, plan.gatewaySelectors());
    if (gateway.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_EAST_WEST_GATEWAY,
                  service.id(),
                  "cluster "
                      + owner
                      + " has no east-west gateway that other clusters can reach (a port named"
                      + " tls, and a load balancer address, or a nodePort and a ready node with"
                      + " an address)"
                      + (plan.gatewaySelectors().isEmpty()
                          ? ""
                          : " among those options.eastWestGateways of "
                              + plan.settings().id().ref()
                              + " selects")
                      + ", so "
                      + entries.host()
                      + " cannot be reached from other clusters"));
    }
    List<ServicePortInput> ports = tcpPorts().stream().filter(plan::federatesPort).toList();
    if (ports.isEmpty()) {
      return Decision.exclude(() -> new Exclusion(Rule.NO_TCP_PORT, service.id(), noPortWhy()));
    }
    ClusterMesh.Endpoint endpoint = ClusterMesh.endpoint(inputs, gateway.get()).orElseThrow();
    return Decision.allow(new Reachable(gateway.get(), endpoint, ports));
  }

  /** Where in {@code target} the entry goes, if it can go there at all. */
  private Decision<ClusterMesh> placement(String target, Reachable reachable) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, target);
    if (controlPlane.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_CONTROL_PLANE,
                  service.id(),
                  "cluster "
                      + target
                      + " has no Istio control plane; "
                      + entries.host()
                      + " is not placed there"));
    }
    boolean local = target.equals(service.id().cluster());
    if (local && service.selector().isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_SELECTOR,
                  service.id(),
                  "the service has no selector, so the east-west gateway cannot reach its workloads"));
    }
    return Decision.allow(
        new ClusterMesh(target, controlPlane.get(), local ? reachable.gateway() : null));
  }

  /**
   * The TCP ports of the service: Istio does not carry UDP between clusters, SCTP neither.
   * options.federation.ports may let fewer through.
   */
  private List<ServicePortInput> tcpPorts() {
    return service.ports().stream()
        .filter(p -> p.protocol() == null || "TCP".equalsIgnoreCase(p.protocol()))
        .toList();
  }

  private String noPortWhy() {
    List<ServicePortInput> tcp = tcpPorts();
    if (tcp.isEmpty()) {
      return "the service has no TCP port to federate";
    }
    return "options.federation.ports of "
        + federated.plan().settings().id().ref()
        + " selects none of the service's TCP ports ("
        + tcp.stream().map(p -> String.valueOf(p.port())).collect(Collectors.joining(", "))
        + ")";
  }

  private Exclusion otherSuffix() {
    return new Exclusion(
        Rule.OTHER_HOST_SUFFIX,
        service.id(),
        "workspace "
            + federated.workspace().name()
            + " federates it under host suffix "
            + federated.plan().hostSuffix()
            + ", as "
            + entries.host()
            + " (objects named "
            + Manifests.objectName(entries.host())
            + ")");
  }

  private Exclusion otherNamespace(String target, String namespace) {
    return new Exclusion(
        Rule.OTHER_NAMESPACE,
        service.id(),
        "its entry in cluster "
            + target
            + " goes to namespace "
            + namespace
            + (target.equals(service.id().cluster())
                ? " (the service's own, where a workloadSelector can select its pods)"
                : " (the Istio control plane's)"));
  }

  private Exclusion notTargeted(DesiredRef ref, SortedSet<String> targets) {
    return new Exclusion(
        Rule.TARGET_NOT_IN_WORKSPACE,
        service.id(),
        "workspace "
            + federated.workspace().name()
            + " has no namespace in cluster "
            + ref.cluster()
            + (importers.isEmpty()
                ? " (its clusters: "
                : ", nor has any workspace importing the service (their clusters: ")
            + String.join(", ", targets)
            + ")");
  }
}
