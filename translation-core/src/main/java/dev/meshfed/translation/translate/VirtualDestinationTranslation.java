package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.inCluster;
import static dev.meshfed.translation.translate.DesiredRef.inClusters;
import static dev.meshfed.translation.translate.DesiredRef.inNamespace;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The decisions that place one VirtualDestination's objects, in order: is it valid; is it in a
 * workspace; which services back it (one per cluster); how the other clusters reach each backing
 * cluster; and, per cluster of its workspace, what its clients there get. Its status counts what it
 * selected.
 */
final class VirtualDestinationTranslation {

  private static final Predicate<DesiredRef> ITS_KINDS =
      ref -> VirtualDestinationTranslator.KINDS.contains(ref.kind());

  private final VirtualDestinationInput vd;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Translation.Builder out = Translation.builder();
  private final InputReport report;
  private SortedMap<Integer, DestinationPolicies.Contest> policies = new TreeMap<>();
  private SortedMap<String, Map<String, String>> subsets = new TreeMap<>();
  private VirtualDestinationExternals externals =
      new VirtualDestinationExternals(List.of(), 0, List.of(), List.of());

  /** Only which clusters get its objects, not the objects: what routes to it ask. */
  private final boolean placementOnly;

  private final SortedSet<String> placed = new TreeSet<>();

  /** The identities of the backing pods: the same for every cluster of the workspace. */
  private List<String> backingIdentities;

  /**
   * Where meshfed made it: whose clients get its hosts (else its workspace's), and per consuming
   * cluster the locality of the other clusters' endpoints, the Service they join and the inputs
   * that make it reach that cluster.
   */
  private final Optional<MadeDestination> made;

  /** Which of its objects it builds (its decisions are the same for all). */
  private final VirtualDestinationTranslator.Part part;

  VirtualDestinationTranslation(
      VirtualDestinationInput vd,
      VirtualDestinationTranslator.Part part,
      MeshInputs inputs,
      Membership membership) {
    this(vd, Optional.empty(), inputs, membership, false, part);
  }

  /**
   * One meshfed made ({@link DestinationOrigin}), for the clients of its audience: per cluster, the
   * namespaces its entries are exported to.
   */
  VirtualDestinationTranslation(MadeDestination made, MeshInputs inputs, Membership membership) {
    this(
        made.destination(),
        Optional.of(made),
        inputs,
        membership,
        false,
        VirtualDestinationTranslator.Part.ALL);
  }

  private VirtualDestinationTranslation(
      VirtualDestinationInput vd,
      Optional<MadeDestination> made,
      MeshInputs inputs,
      Membership membership,
      boolean placementOnly,
      VirtualDestinationTranslator.Part part) {
    this.vd = vd;
    this.part = part;
    this.made = made;
    this.inputs = inputs;
    this.membership = membership;
    this.report = new InputReport(vd.id(), vd.generation());
    this.placementOnly = placementOnly;
  }

  /**
   * The clusters whose clients get its hosts: where {@link #run} writes its objects, decided by the
   * same steps without building them.
   */
  static SortedSet<String> placement(
      VirtualDestinationInput vd, MeshInputs inputs, Membership membership) {
    VirtualDestinationTranslation translation =
        new VirtualDestinationTranslation(
            vd, Optional.empty(), inputs, membership, true, VirtualDestinationTranslator.Part.ALL);
    translation.run();
    return translation.placed;
  }

  Translation run() {
    List<String> invalid = VirtualDestinationCheck.problems(vd);
    if (!invalid.isEmpty()) {
      invalid.forEach(problem -> report(Severity.INVALID, problem));
      out.stop(
          ITS_KINDS, () -> new Exclusion(Rule.INVALID_INPUT, vd.id(), "it is invalid: " + invalid));
      return finish(0);
    }
    Optional<VirtualDestinationInput> rival = VirtualDestinationClaims.olderRival(vd, inputs);
    if (rival.isPresent()) {
      String conflict = VirtualDestinationClaims.conflict(vd, rival.get());
      report(Severity.INVALID, conflict);
      out.stop(ITS_KINDS, () -> new Exclusion(Rule.HOST_CONFLICT, vd.id(), conflict));
      return finish(0);
    }
    Optional<Exclusion> removed = membership.removalExclusion(vd.id().cluster(), vd.id());
    if (removed.isPresent()) {
      out.stop(ITS_KINDS, removed::get);
      return finish(0);
    }
    Optional<WorkspacePlan> workspace =
        made.isPresent()
            ? made.map(MadeDestination::audience)
            : membership.workspaceOf(vd.id().cluster(), vd.id().namespace());
    if (workspace.isEmpty()) {
      return stopWithWarning(
          Rule.NOT_IN_WORKSPACE,
          "namespace "
              + vd.id().namespace()
              + " of cluster "
              + vd.id().cluster()
              + " belongs to no workspace, so the VirtualDestination federates nothing");
    }
    VirtualDestinationBacking backing =
        VirtualDestinationBacking.of(vd, workspace.get(), inputs, membership);
    backing.warnings().forEach(warning -> report(Severity.WARNING, warning));
    externals = VirtualDestinationExternals.of(vd, workspace.get(), inputs, membership);
    externals.warnings().forEach(warning -> report(Severity.WARNING, warning));
    if (backing.services().isEmpty() && externals.endpoints().isEmpty()) {
      return stopWithWarning(
          Rule.NO_BACKING_SERVICE,
          "spec.services selects no Service of workspace "
              + workspace.get().name()
              + " (or shared with it)"
              + (vd.externalServices().isEmpty() ? "" : " and spec.externalServices no usable one")
              + ", so nothing backs "
              + String.join(", ", vd.hosts()));
    }
    subsets = RouteSubsets.requested(vd, workspace.get().name(), inputs, membership);
    if (!DestinationOrigin.madeByMeshfed(vd.id())) {
      // policies select VirtualDestinations users wrote, not the clusterset services'
      policies =
          DestinationPolicies.of(
              PolicyDestination.of(vd), workspace.get().name(), inputs, membership);
    }
    List<VirtualDestinationObjects.Remote> remotes =
        BackingRemotes.of(
            backing.services(),
            subsets,
            policies,
            inputs,
            warning -> report(Severity.WARNING, warning));
    out.stopEach(
        ITS_KINDS.and(inClusters(membership.removedClusters().keySet())),
        ref -> membership.removalExclusion(ref.cluster(), vd.id()).orElseThrow());
    SortedSet<String> consumers = new TreeSet<>(workspace.get().namespacesByCluster().keySet());
    for (String consumer : consumers) {
      place(consumer, workspace.get(), backing, remotes);
    }
    out.stopEach(
        ITS_KINDS.and(inClusters(consumers).negate()),
        ref ->
            new Exclusion(
                Rule.TARGET_NOT_IN_WORKSPACE,
                vd.id(),
                "workspace "
                    + workspace.get().name()
                    + " has no namespace in cluster "
                    + ref.cluster()
                    + " (its clusters: "
                    + String.join(", ", consumers)
                    + ")"));
    return finish(backing.services().size() + externals.selected());
  }

  private void place(
      String cluster,
      WorkspacePlan workspace,
      VirtualDestinationBacking backing,
      List<VirtualDestinationObjects.Remote> remotes) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      Exclusion none = ClusterMesh.noControlPlane(cluster, vd.id());
      report(Severity.WARNING, none.message() + "; its clients there do not get the hosts");
      out.stop(ITS_KINDS.and(inCluster(cluster)), () -> none);
      return;
    }
    Optional<ServiceInput> local = Optional.ofNullable(backing.services().get(cluster));
    List<VirtualDestinationObjects.Remote> others =
        remotes.stream()
            .filter(r -> !r.cluster().equals(cluster))
            .map(r -> BackingRemotes.seenIn(made.map(m -> m.localities().get(cluster)), r))
            .toList();
    if (local.isPresent() && !externals.endpoints().isEmpty()) {
      report(
          Severity.WARNING,
          "cluster "
              + cluster
              + " backs the hosts itself, so its clients reach its pods and the other clusters'"
              + " gateways only, not the ExternalServices: under an entry that selects pods Istio"
              + " sends mTLS to every endpoint or to those labelled for it, and gateway endpoints"
              + " so labelled would have its east-west gateway forward to the other gateways");
    }
    if (local.isEmpty() && others.isEmpty() && externals.endpoints().isEmpty()) {
      out.stop(
          ITS_KINDS.and(inCluster(cluster)),
          () ->
              new Exclusion(
                  Rule.NO_BACKING_SERVICE,
                  vd.id(),
                  "no backing cluster has an east-west gateway cluster " + cluster + " can reach"));
      return;
    }
    if (placementOnly) {
      placed.add(cluster);
      return;
    }
    if (local.filter(this::isItsOwnHost).isPresent()) {
      out.stop(
          ITS_KINDS.and(inCluster(cluster)),
          () ->
              new Exclusion(
                  Rule.ISTIOD_OWNS_HOST,
                  vd.id(),
                  vd.hosts().get(0)
                      + " is the host of "
                      + local.get().id().ref()
                      + " itself, which istiod of cluster "
                      + cluster
                      + " knows: its east-west gateway only passes it through"));
      return;
    }
    Optional<ServiceInput> joined = made.map(m -> m.joins().get(cluster));
    if (joined.isPresent()) {
      join(cluster, controlPlane.get(), joined.get(), workspace, backing, others);
      return;
    }
    Optional<EastWestGatewayInput> gateway =
        local.isPresent() ? ClusterMesh.gateway(inputs, cluster) : Optional.empty();
    SortedSet<String> clients =
        new TreeSet<>(workspace.namespacesByCluster().getOrDefault(cluster, new TreeSet<>()));
    SortedSet<String> exportTo = new TreeSet<>(clients);
    gateway.ifPresent(g -> exportTo.add(g.id().namespace()));
    Provenance sources =
        Provenance.of(sources(cluster, workspace, backing, controlPlane.get(), local.isEmpty()));
    VirtualDestinationObjects objects =
        new VirtualDestinationObjects(
            vd,
            workspace,
            new ClusterMesh(cluster, controlPlane.get(), gateway.orElse(null)),
            local,
            others,
            clients,
            exportTo,
            backingIdentities(backing),
            local.isPresent() ? List.of() : externals.endpoints(),
            policies,
            subsets,
            sources,
            local.isPresent() && part.endpoints()
                ? RemoteProvenance.of(sources, backing.services(), cluster, others)
                : Map.of(),
            warning -> report(Severity.WARNING, warning));
    objects.outputs(part).forEach(out::output);
    stopOutside(
        cluster,
        objects.namespace(),
        local.isPresent()
            ? "the backing service's, where its selector selects the pods"
            : "the Istio control plane's");
    preconditions(cluster, controlPlane.get(), local.isPresent() && !others.isEmpty());
  }

  /**
   * Read once per translation, not once per consuming cluster: it scans the workloads of every
   * backing cluster, and 20 clusters made that half of a VirtualDestination's translation.
   */
  private List<String> backingIdentities(VirtualDestinationBacking backing) {
    if (backingIdentities == null) {
      backingIdentities = WorkloadIdentities.of(inputs, backing.services());
    }
    return backingIdentities;
  }

  /**
   * Whether an OSSM import names the exporting Service's own host (importAsLocal under its own
   * name): istiod knows that host there already.
   */
  private boolean isItsOwnHost(ServiceInput service) {
    return DestinationOrigin.of(vd.id()) == DestinationOrigin.PEERING
        && vd.hosts()
            .equals(
                List.of(
                    service.id().name() + "." + service.id().namespace() + ".svc.cluster.local"));
  }

  /** The other clusters' gateways join the consumer's own Service of the host (importAsLocal). */
  private void join(
      String cluster,
      ControlPlaneInput controlPlane,
      ServiceInput service,
      WorkspacePlan workspace,
      VirtualDestinationBacking backing,
      List<VirtualDestinationObjects.Remote> others) {
    ClusterMesh consumer =
        new ClusterMesh(cluster, controlPlane, ClusterMesh.gateway(inputs, cluster).orElse(null));
    List<String> problems = JoinedServiceObjects.problems(service, vd, consumer, others);
    if (!problems.isEmpty()) {
      String why =
          String.join("; ", problems) + ": its clients in cluster " + cluster + " reach its pods";
      report(Severity.WARNING, why);
      out.stop(
          ITS_KINDS.and(inCluster(cluster)),
          () -> new Exclusion(Rule.NO_BACKING_SERVICE, vd.id(), why));
      return;
    }
    List<ObjectId> sources =
        new ArrayList<>(sources(cluster, workspace, backing, controlPlane, false));
    sources.add(service.id());
    JoinedServiceObjects.of(
            vd, workspace, consumer, service, others, backing.services(), inputs, sources)
        .outputs()
        .forEach(out::output);
    stopOutside(
        cluster,
        service.id().namespace(),
        "of " + service.id().ref() + ", whose selector selects the gateways' entries");
  }

  /** Its objects in {@code cluster} are in {@code namespace} only, for the reason given. */
  private void stopOutside(String cluster, String namespace, String why) {
    out.stop(
        ITS_KINDS.and(inCluster(cluster)).and(inNamespace(namespace).negate()),
        () ->
            new Exclusion(
                Rule.OTHER_NAMESPACE,
                vd.id(),
                "its objects in cluster "
                    + cluster
                    + " go to namespace "
                    + namespace
                    + " ("
                    + why
                    + ")"));
  }

  /** What keeps the clients of a cluster from the hosts, though the objects are there. */
  private void preconditions(
      String cluster, ControlPlaneInput controlPlane, boolean selectsWorkloadEntries) {
    vd.hosts()
        .forEach(
            host ->
                TrafficPreconditions.unresolvable(inputs, cluster, host)
                    .ifPresent(message -> report(Severity.WARNING, message)));
    if (selectsWorkloadEntries && controlPlane.kubernetesServicesSelectWorkloadEntries()) {
      report(
          Severity.WARNING,
          "istiod of cluster "
              + cluster
              + " does not set "
              + "PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES"
              + "=false, so the Kubernetes Service backing the hosts there also sends its own"
              + " clients to the other clusters' east-west gateways, which refuse them");
    }
  }

  private List<ObjectId> sources(
      String cluster,
      WorkspacePlan workspace,
      VirtualDestinationBacking backing,
      ControlPlaneInput controlPlane,
      boolean withExternals) {
    List<ObjectId> sources = new ArrayList<>(List.of(workspace.workspace().id()));
    if (DestinationOrigin.of(vd.id()).identifiesAnInput()) {
      sources.add(vd.id());
    }
    sources.add(controlPlane.id());
    made.ifPresent(m -> sources.addAll(m.sources().getOrDefault(cluster, List.of())));
    backing.services().values().forEach(service -> sources.add(service.id()));
    if (withExternals) {
      sources.addAll(externals.sources());
    }
    sources.addAll(appliedPolicies());
    RouteSubsets.askedBy(vd, workspace.name(), inputs, membership).forEach(sources::add);
    return sources;
  }

  /** The policies that set something on the destination: the oldest of each kind, per port. */
  private SortedSet<ObjectId> appliedPolicies() {
    return DestinationPolicies.applied(policies);
  }

  private Translation stopWithWarning(Rule rule, String message) {
    report(Severity.WARNING, message);
    out.stop(ITS_KINDS, () -> new Exclusion(rule, vd.id(), message));
    return finish(0);
  }

  private void report(Severity severity, String message) {
    report.add(severity, message);
  }

  private Translation finish(int backingServices) {
    var counts = Manifests.objectNode();
    counts.put("selectedBackingServices", backingServices);
    counts.put("appliedPolicies", appliedPolicies().size());
    report.writeTo(out, counts);
    return out.build();
  }
}
