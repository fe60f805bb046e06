package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.ProxyConfigUnit;
import java.util.ArrayList;
import java.util.Collections;
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
 * options.serviceIsolation.trimProxyConfig: a Sidecar in every namespace a workspace holds in a
 * cluster, so that its proxies get configuration only for the workspace's own hosts (its namespaces
 * in that cluster) and the federated hosts it may use: those under the host suffixes of the
 * workspace and of those it imports from, in any namespace (remote entries live in the control
 * plane's, an owner's local entry in its service's); their exportTo already limits which of them a
 * namespace sees.
 */
final class SidecarTranslator implements Translator<ProxyConfigUnit> {

  static final String SIDECAR = "Sidecar";
  static final SidecarTranslator INSTANCE = new SidecarTranslator();
  private static final Predicate<DesiredRef> SIDECARS = DesiredRef.ofKind(SIDECAR);

  private SidecarTranslator() {}

  @Override
  public Set<String> kinds() {
    return Set.of(SIDECAR);
  }

  static String name(String workspace) {
    return Manifests.objectName("meshfed-" + workspace);
  }

  @Override
  public Translation translate(ProxyConfigUnit unit, MeshInputs inputs, Membership membership) {
    String cluster = unit.cluster();
    Translation.Builder out = Translation.builder();
    Optional<Exclusion> removed = membership.removalExclusion(cluster, null);
    if (removed.isPresent()) {
      return out.stop(SIDECARS, removed::get).build();
    }
    membership.workspaces().values().forEach(workspace -> stopUntrimmed(cluster, workspace, out));
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      return out.stop(SIDECARS, () -> ClusterMesh.noControlPlane(cluster, null)).build();
    }
    for (WorkspacePlan workspace : membership.workspaces().values()) {
      SortedSet<String> namespaces = workspace.namespacesByCluster().get(cluster);
      if (trims(workspace) && namespaces != null) {
        SortedMap<String, WorkspacePlan> exporters = exporters(workspace, membership);
        for (String namespace : namespaces) {
          out.output(
              sidecar(
                  new Trim(cluster, controlPlane.get(), workspace, exporters, namespaces),
                  namespace));
        }
      }
    }
    return out.build();
  }

  /** A workspace's Sidecars go to its own namespaces, and only where its settings trim. */
  private static void stopUntrimmed(
      String cluster, WorkspacePlan workspace, Translation.Builder out) {
    SortedSet<String> namespaces =
        workspace.namespacesByCluster().getOrDefault(cluster, Collections.emptySortedSet());
    Predicate<DesiredRef> its = SIDECARS.and(DesiredRef.named(name(workspace.name())));
    out.stopEach(
        its.and(ref -> !namespaces.contains(ref.namespace())),
        ref ->
            new Exclusion(
                Rule.NOT_IN_WORKSPACE,
                workspace.workspace().id(),
                "namespace "
                    + ref.namespace()
                    + " of cluster "
                    + cluster
                    + " does not belong to workspace "
                    + workspace.name()));
    if (!trims(workspace)) {
      out.stop(
          its,
          () ->
              new Exclusion(
                  Rule.ISOLATION_OFF,
                  workspace.workspace().id(),
                  "the settings of workspace "
                      + workspace.name()
                      + " do not enable options.serviceIsolation with trimProxyConfig"));
    }
  }

  private static boolean trims(WorkspacePlan workspace) {
    return workspace.settings().map(s -> s.trimsProxyConfig()).orElse(false);
  }

  /** A workspace's Sidecars bear its name. */
  @Override
  public List<ProxyConfigUnit> candidates(
      DesiredRef ref, MeshInputs inputs, Membership membership) {
    boolean named =
        membership.workspaces().keySet().stream().anyMatch(w -> name(w).equals(ref.name()));
    return named ? List.of(new ProxyConfigUnit(ref.cluster())) : List.of();
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_OBJECT,
        null,
        "no workspace has a Sidecar named "
            + ref.name()
            + "; meshfed names them "
            + name("WORKSPACE"));
  }

  /** One workspace's namespaces in one cluster, and the federating workspaces it imports from. */
  private record Trim(
      String cluster,
      ControlPlaneInput controlPlane,
      WorkspacePlan workspace,
      SortedMap<String, WorkspacePlan> exporters,
      SortedSet<String> namespaces) {

    List<String> egressHosts() {
      List<String> hosts = new ArrayList<>();
      namespaces.forEach(namespace -> hosts.add(namespace + "/*"));
      SortedSet<String> suffixes = new TreeSet<>();
      workspace.federation().ifPresent(plan -> suffixes.add(plan.hostSuffix()));
      exporters.values().forEach(e -> e.federation().ifPresent(p -> suffixes.add(p.hostSuffix())));
      // remote entries live in the control-plane namespace, an owner's local entry in its
      // service's namespace: exportTo already limits both to their consumers
      suffixes.forEach(suffix -> hosts.add("*/*." + suffix));
      return hosts;
    }

    List<ObjectId> sources() {
      List<ObjectId> sources = new ArrayList<>(List.of(controlPlane.id()));
      for (WorkspacePlan plan : withExporters()) {
        sources.add(plan.workspace().id());
        plan.settings().ifPresent(settings -> sources.add(settings.id()));
      }
      return sources.stream().sorted().distinct().toList();
    }

    private List<WorkspacePlan> withExporters() {
      List<WorkspacePlan> all = new ArrayList<>(List.of(workspace));
      all.addAll(exporters.values());
      return all;
    }
  }

  /**
   * The workspaces that federate services and share with this one in both directions (it imports
   * from them, they export to it); which of their services they share, the entries' exportTo says.
   */
  private static SortedMap<String, WorkspacePlan> exporters(
      WorkspacePlan importer, Membership membership) {
    SortedMap<String, WorkspacePlan> exporters = new TreeMap<>();
    membership.workspaces().values().stream()
        .filter(other -> !other.name().equals(importer.name()))
        .filter(other -> other.federation().isPresent())
        .filter(other -> ServiceSharing.names(other.exportTo(), importer.workspace()))
        .filter(other -> ServiceSharing.names(importer.importFrom(), other.workspace()))
        .forEach(other -> exporters.put(other.name(), other));
    return exporters;
  }

  private static Output sidecar(Trim trim, String namespace) {
    ObjectNode spec = Manifests.objectNode();
    spec.putArray("egress").addObject().set("hosts", Manifests.strings(trim.egressHosts()));
    String apiVersion = IstioApi.networkingApiVersion(trim.controlPlane().version());
    String workspace = trim.workspace().name();
    String name = name(workspace);
    List<ObjectId> sources = trim.sources();
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            SIDECAR,
            namespace,
            name,
            Map.of(Manifests.WORKSPACE_LABEL, workspace),
            Map.of(Manifests.SOURCES_ANNOTATION, Manifests.sources(sources)),
            spec);
    return new Output(
        trim.cluster(),
        apiVersion,
        SIDECAR,
        namespace,
        name,
        manifest,
        workspace,
        sources,
        null,
        trim.cluster(),
        "options.serviceIsolation.trimProxyConfig of workspace "
            + workspace
            + " limits the proxies of namespace "
            + namespace
            + " to the workspace's own and imported hosts");
  }
}
