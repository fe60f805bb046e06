package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.inCluster;
import static dev.meshfed.translation.translate.DesiredRef.inNamespace;
import static dev.meshfed.translation.translate.DesiredRef.named;
import static dev.meshfed.translation.translate.DesiredRef.ofKind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The DestinationRules of one Service of a workspace, written where destination policies select it
 * or routes ask for its subsets: in its own cluster one for its cluster-local host, which its
 * clients there call, federated or not; where its workspace federates it, one for the federated
 * host in every other cluster its entry goes to, and, for subsets, one that only its own east-west
 * gateway sees, defining the SNI clusters other clusters' clients name. None sets TLS: the clients'
 * auto mTLS keeps choosing Istio mTLS by the endpoints' {@code tlsMode}, as without a rule.
 *
 * @param importers the workspaces importing the service: their clients get the rules too, with the
 *     service's own workspace's policies (policies never cross workspaces)
 * @param policies the destination policies of its workspace that select it, per port
 * @param subsets the subsets the routes of its workspace and importers ask of it, by name
 */
record ServiceRules(
    ServiceInput service,
    WorkspacePlan workspace,
    List<WorkspacePlan> importers,
    SortedMap<Integer, DestinationPolicies.Contest> policies,
    SortedMap<String, Map<String, String>> subsets,
    List<ObjectId> sources) {

  static final String DESTINATION_RULE = "DestinationRule";
  private static final String LOCAL_DOMAIN = ".svc.cluster.local";

  /** The rules of a Service; empty where it belongs to no workspace or its cluster is removed. */
  static Optional<ServiceRules> of(ServiceInput service, MeshInputs inputs, Membership membership) {
    ObjectId id = service.id();
    Optional<WorkspacePlan> workspace = membership.workspaceOf(id.cluster(), id.namespace());
    if (workspace.isEmpty() || membership.removalExclusion(id.cluster(), id).isPresent()) {
      return Optional.empty();
    }
    List<WorkspacePlan> importers = ServiceSharing.importers(service, workspace.get(), membership);
    Set<String> routing = new TreeSet<>();
    routing.add(workspace.get().name());
    importers.forEach(importer -> routing.add(importer.name()));
    SortedMap<Integer, DestinationPolicies.Contest> policies =
        DestinationPolicies.of(
            PolicyDestination.of(service), workspace.get().name(), inputs, membership);
    SortedMap<String, Map<String, String>> subsets =
        RouteSubsets.requested(service, routing, inputs, membership);
    List<ObjectId> sources = new ArrayList<>(List.of(id, workspace.get().workspace().id()));
    sources.addAll(DestinationPolicies.applied(policies));
    RouteSubsets.askedBy(service, routing, inputs, membership).forEach(sources::add);
    return Optional.of(
        new ServiceRules(service, workspace.get(), importers, policies, subsets, sources));
  }

  static String localHost(ObjectId service) {
    return service.name() + "." + service.namespace() + LOCAL_DOMAIN;
  }

  static String localRuleName(ObjectId service) {
    return Manifests.objectName(localHost(service));
  }

  /** The rule for a federated host, in a cluster its entry goes to: named as the entry. */
  static String ruleName(String host) {
    return Manifests.objectName(host);
  }

  static String gatewayRuleName(String host) {
    return Manifests.objectName(host + "-gateway");
  }

  /** The namespaces of a cluster that may use the service: its workspace's and importers'. */
  static SortedSet<String> clients(
      String cluster, WorkspacePlan workspace, List<WorkspacePlan> importers) {
    SortedSet<String> clients =
        new TreeSet<>(workspace.namespacesByCluster().getOrDefault(cluster, new TreeSet<>()));
    importers.stream()
        .filter(importer -> importer.namespacesByCluster().containsKey(cluster))
        .forEach(importer -> clients.addAll(importer.namespacesByCluster().get(cluster)));
    return clients;
  }

  boolean isEmpty() {
    return policies.isEmpty() && subsets.isEmpty();
  }

  /** The rule for the cluster-local host in the service's own cluster, or what stops it. */
  void placeLocal(MeshInputs inputs, Translation.Builder out) {
    String cluster = service.id().cluster();
    Predicate<DesiredRef> local =
        ofKind(DESTINATION_RULE)
            .and(inCluster(cluster))
            .and(inNamespace(service.id().namespace()))
            .and(named(localRuleName(service.id())));
    if (isEmpty()) {
      out.stop(local, () -> ServiceRuleAbsence.nothingToSet(this));
      return;
    }
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      out.stop(
          local,
          () ->
              new Exclusion(
                  Rule.NO_CONTROL_PLANE,
                  service.id(),
                  "cluster " + cluster + " has no Istio control plane"));
      return;
    }
    ObjectNode spec = spec(localHost(service.id()), clients(cluster, workspace, importers));
    trafficPolicy(spec, controlPlane.get());
    subsets(spec);
    out.output(
        output(
            cluster,
            controlPlane.get(),
            service.id().namespace(),
            localRuleName(service.id()),
            spec,
            "its clients in cluster "
                + cluster
                + " call it by its cluster-local host"
                + summary()));
  }

  /** The rule for the federated host in a cluster the remote entry goes to. */
  Output federated(ClusterMesh target, String host) {
    ObjectNode spec = spec(host, clients(target.cluster(), workspace, importers));
    trafficPolicy(spec, target.controlPlane());
    subsets(spec);
    return output(
        target.cluster(),
        target.controlPlane(),
        target.namespace(),
        ruleName(host),
        spec,
        "its clients in cluster " + target.cluster() + " call it by " + host + summary());
  }

  /**
   * The subsets for the owner's east-west gateway only, without TLS settings or policies (see
   * {@link VirtualDestinationObjects} for why a rule with TLS must stay away from gateways).
   */
  Output gateway(ClusterMesh owner, String host) {
    ObjectNode spec = spec(host, List.of(owner.gateway().id().namespace()));
    subsets(spec);
    return output(
        owner.cluster(),
        owner.controlPlane(),
        service.id().namespace(),
        gatewayRuleName(host),
        spec,
        "the east-west gateway routes the subsets other clusters' clients ask for to its pods");
  }

  private static ObjectNode spec(String host, java.util.Collection<String> exportTo) {
    ObjectNode spec = Manifests.objectNode();
    spec.put("host", host);
    spec.set("exportTo", Manifests.strings(List.copyOf(exportTo)));
    return spec;
  }

  private void trafficPolicy(ObjectNode spec, ControlPlaneInput controlPlane) {
    ObjectNode trafficPolicy = Manifests.objectNode();
    PolicySettings.apply(policies, trafficPolicy, controlPlane.version());
    if (!trafficPolicy.isEmpty()) {
      spec.set("trafficPolicy", trafficPolicy);
    }
  }

  private void subsets(ObjectNode spec) {
    RouteSubsets.define(spec, subsets);
  }

  private Output output(
      String cluster,
      ControlPlaneInput controlPlane,
      String namespace,
      String name,
      ObjectNode spec,
      String reason) {
    String apiVersion = IstioApi.networkingApiVersion(controlPlane.version());
    List<ObjectId> all = new ArrayList<>(sources);
    all.add(controlPlane.id());
    Provenance provenance = Provenance.of(all);
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            DESTINATION_RULE,
            namespace,
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL,
                workspace.name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                service.id().cluster()),
            Map.of(
                Manifests.SOURCES_ANNOTATION,
                provenance.annotation(),
                Manifests.HOST_ANNOTATION,
                spec.get("host").asText()),
            spec);
    return new Output(
        cluster,
        apiVersion,
        DESTINATION_RULE,
        namespace,
        name,
        manifest,
        workspace.name(),
        provenance.ids(),
        null,
        service.id().cluster(),
        "Service " + service.id().ref() + ": " + reason);
  }

  /** What the rule carries, for the reason: its policies and subsets. */
  private String summary() {
    List<String> parts = new ArrayList<>();
    if (!policies.isEmpty()) {
      parts.add(
          "the policies "
              + sources.stream()
                  .filter(id -> id.kind().contains("Policy"))
                  .map(ObjectId::ref)
                  .collect(Collectors.joining(", ")));
    }
    if (!subsets.isEmpty()) {
      parts.add("the subsets " + String.join(", ", subsets.keySet()));
    }
    return "; it carries " + String.join(" and ", parts);
  }
}
