package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.inCluster;
import static dev.meshfed.translation.translate.DesiredRef.inClusters;
import static dev.meshfed.translation.translate.DesiredRef.inNamespace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.RouteTableInput.HttpRoute;
import dev.meshfed.translation.model.RouteTableInput.RouteDestination;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The decisions that place one RouteTable's VirtualService, in order: is it valid; is it in a
 * workspace; which of its hosts no RouteTable ordered before it routes; which clients its workload
 * selectors select, per cluster; and, per cluster, which routes its clients can follow (every
 * destination known there). Each route carries the winning policies that select it.
 */
final class RouteTableTranslation {

  private static final Predicate<DesiredRef> ITS_KINDS =
      ref -> RouteTableTranslator.KINDS.contains(ref.kind());
  private static final int DIRECT_RESPONSE_MINOR = 15;

  private final RouteTableInput rt;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Translation.Builder out = Translation.builder();
  private final InputReport report;
  private final SortedSet<ObjectId> applied = new TreeSet<>();
  private final List<RouteTableRoutes.Named> routes;

  /** By route path: which policies select a route does not depend on the cluster. */
  private final Map<String, RoutePolicies.Contest> policiesByRoute = new HashMap<>();

  private RouteDestinations destinations;

  RouteTableTranslation(RouteTableInput rt, MeshInputs inputs, Membership membership) {
    this.rt = rt;
    this.inputs = inputs;
    this.membership = membership;
    this.report = new InputReport(rt.id(), rt.generation());
    this.routes = RouteTableRoutes.of(rt);
  }

  Translation run() {
    List<String> invalid = RouteTableCheck.problems(rt);
    if (!invalid.isEmpty()) {
      invalid.forEach(problem -> report(Severity.INVALID, problem));
      out.stop(
          ITS_KINDS, () -> new Exclusion(Rule.INVALID_INPUT, rt.id(), "it is invalid: " + invalid));
      return finish();
    }
    Optional<Exclusion> removed = membership.removalExclusion(rt.id().cluster(), rt.id());
    if (removed.isPresent()) {
      out.stop(ITS_KINDS, removed::get);
      return finish();
    }
    Optional<WorkspacePlan> workspace =
        membership.workspaceOf(rt.id().cluster(), rt.id().namespace());
    if (workspace.isEmpty()) {
      return stopWithWarning(
          Rule.NOT_IN_WORKSPACE,
          "namespace "
              + rt.id().namespace()
              + " of cluster "
              + rt.id().cluster()
              + " belongs to no workspace, so the RouteTable routes nothing");
    }
    if (!rt.virtualGateways().isEmpty()) {
      if (rt.workloadSelectors().isEmpty()) {
        return stopWithWarning(
            Rule.NO_SELECTED_CLIENTS,
            "spec.virtualGateways: the routes are for ingress gateways only, which meshfed does"
                + " not configure; add workloadSelectors to route the mesh's clients");
      }
      report(
          Severity.WARNING,
          "spec.virtualGateways: meshfed does not configure ingress gateways; the routes apply to"
              + " the clients the workloadSelectors select only");
    }
    destinations = new RouteDestinations(rt, workspace.get(), inputs, membership);
    List<String> hosts = hosts(workspace.get().name());
    if (hosts.isEmpty()) {
      out.stop(
          ITS_KINDS,
          () -> new Exclusion(Rule.HOST_CONFLICT, rt.id(), report.firstConflict().orElseThrow()));
      return finish();
    }
    SortedMap<String, SortedSet<String>> clients = RouteTableClients.of(rt, workspace.get());
    out.stopEach(
        ITS_KINDS.and(inClusters(membership.removedClusters().keySet())),
        ref -> membership.removalExclusion(ref.cluster(), rt.id()).orElseThrow());
    clients.forEach((cluster, namespaces) -> place(cluster, namespaces, hosts, workspace.get()));
    out.stopEach(
        ITS_KINDS.and(inClusters(clients.keySet()).negate()),
        ref ->
            new Exclusion(
                Rule.NO_SELECTED_CLIENTS,
                rt.id(),
                "it selects no client namespace of workspace "
                    + workspace.get().name()
                    + " in cluster "
                    + ref.cluster()
                    + " (its clients' clusters: "
                    + String.join(", ", clients.keySet())
                    + ")"));
    return finish();
  }

  /** Its hosts that no RouteTable ordered before it routes for the workspace. */
  private List<String> hosts(String workspace) {
    SortedMap<String, RouteTableInput> lost =
        RouteTableClaims.lost(rt, workspace, inputs, membership);
    lost.forEach((host, winner) -> report.conflict(RouteTableClaims.conflict(host, winner)));
    return rt.hosts().stream().filter(host -> !lost.containsKey(host)).toList();
  }

  private void place(
      String cluster, SortedSet<String> clients, List<String> hosts, WorkspacePlan workspace) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      Exclusion none = ClusterMesh.noControlPlane(cluster, rt.id());
      report(Severity.WARNING, none.message() + "; its clients there do not get the routes");
      out.stop(ITS_KINDS.and(inCluster(cluster)), () -> none);
      return;
    }
    ClusterMesh consumer = new ClusterMesh(cluster, controlPlane.get(), null);
    List<ObjectNode> built = new ArrayList<>();
    List<ObjectId> sources = new ArrayList<>(List.of(rt.id(), workspace.workspace().id()));
    sources.add(controlPlane.get().id());
    for (RouteTableRoutes.Named named : routes) {
      http(cluster, consumer, named, workspace)
          .ifPresent(
              route -> {
                built.add(route.json());
                sources.addAll(route.policies());
              });
    }
    if (built.isEmpty()) {
      String why = "none of its routes reaches its destinations from cluster " + cluster;
      report(Severity.WARNING, why);
      out.stop(
          ITS_KINDS.and(inCluster(cluster)),
          () -> new Exclusion(Rule.NO_ROUTE_DESTINATION, rt.id(), why));
      return;
    }
    RouteTableObjects objects =
        new RouteTableObjects(rt, workspace, consumer, hosts, clients, built, sources);
    out.output(objects.virtualService());
    out.stop(
        ITS_KINDS.and(inCluster(cluster)).and(inNamespace(consumer.namespace()).negate()),
        () ->
            new Exclusion(
                Rule.OTHER_NAMESPACE,
                rt.id(),
                "its VirtualService in cluster "
                    + cluster
                    + " goes to the Istio control plane's namespace, "
                    + consumer.namespace()));
  }

  /** A route as its clients in a cluster get it, with the policies it carries; empty: left out. */
  private record Built(ObjectNode json, List<ObjectId> policies) {}

  private Optional<Built> http(
      String cluster, ClusterMesh consumer, RouteTableRoutes.Named named, WorkspacePlan workspace) {
    HttpRoute route = named.route();
    String path = named.describe();
    if (route.directResponse() != null
        && !IstioApi.atLeast(consumer.controlPlane().version(), DIRECT_RESPONSE_MINOR)) {
      report(
          Severity.WARNING,
          path
              + ": left out in cluster "
              + cluster
              + ", whose Istio "
              + consumer.controlPlane().version()
              + " has no directResponse (Istio 1.15 and later)");
      return Optional.empty();
    }
    List<RouteDestinations.Resolved> resolved = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    List<RouteDestination> wanted =
        route.forwardTo() == null ? List.of() : route.forwardTo().destinations();
    for (RouteDestination destination : wanted) {
      Decision<RouteDestinations.Resolved> in = destinations.in(cluster, destination);
      if (!in.isAllowed()) {
        report(
            Severity.WARNING,
            path + ": left out in cluster " + cluster + ": " + in.exclusion().message());
        return Optional.empty();
      }
      resolved.add(in.allowed());
      weights.add(destination.weight() == null ? 0 : destination.weight());
    }
    RoutePolicies.Contest policies =
        policiesByRoute.computeIfAbsent(
            named.path(),
            written -> RoutePolicies.of(rt, route, workspace.name(), inputs, membership));
    List<ObjectId> carried = new ArrayList<>();
    policies.winners().forEach(p -> carried.add(p.id()));
    Optional<RouteDestinations.Resolved> mirror = Optional.empty();
    if (policies.mirror().isPresent()) {
      MirrorPolicyInput policy = policies.mirror().get();
      Decision<RouteDestinations.Resolved> to =
          destinations.in(cluster, policy.destination(), policy.id());
      if (to.isAllowed()) {
        mirror = Optional.of(to.allowed());
      } else {
        carried.remove(policy.id());
        report(
            Severity.WARNING,
            path
                + ": the mirror of "
                + policy.id().ref()
                + " is left out in cluster "
                + cluster
                + ": "
                + to.exclusion().message());
      }
    }
    applied.addAll(carried);
    return Optional.of(
        new Built(
            HttpRoutes.route(named.name(), route, resolved, weights, policies, mirror), carried));
  }

  private Translation stopWithWarning(Rule rule, String message) {
    report(Severity.WARNING, message);
    out.stop(ITS_KINDS, () -> new Exclusion(rule, rt.id(), message));
    return finish();
  }

  private void report(Severity severity, String message) {
    report.add(severity, message);
  }

  private Translation finish() {
    var counts = Manifests.objectNode();
    counts.put("routes", routes.size());
    counts.put("appliedPolicies", applied.size());
    report.writeTo(out, counts);
    return out.build();
  }
}
