package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * options.serviceIsolation.trimProxyConfig: a Sidecar in every namespace a workspace holds in a
 * cluster, so that its proxies get configuration only for the workspace's own hosts (its namespaces
 * in that cluster) and the federated hosts it may use: those under the host suffixes of the
 * workspace and of those it imports from, in any namespace (remote entries live in the control
 * plane's, an owner's local entry in its service's); their exportTo already limits which of them a
 * namespace sees.
 */
final class ProxyTrimming {

  static final String SIDECAR = "Sidecar";

  private ProxyTrimming() {}

  static String name(String workspace) {
    return Manifests.objectName("meshfed-" + workspace);
  }

  static UnitResult translate(String cluster, MeshInputs inputs, Membership membership) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty() || membership.removal(cluster).isPresent()) {
      return UnitResult.EMPTY;
    }
    List<Output> outputs = new ArrayList<>();
    for (WorkspacePlan workspace : membership.workspaces().values()) {
      SortedSet<String> namespaces = workspace.namespacesByCluster().get(cluster);
      boolean trims = workspace.settings().map(s -> s.trimsProxyConfig()).orElse(false);
      if (trims && namespaces != null) {
        SortedMap<String, WorkspacePlan> exporters = exporters(workspace, membership);
        for (String namespace : namespaces) {
          outputs.add(
              sidecar(
                  new Trim(cluster, controlPlane.get(), workspace, exporters, namespaces),
                  namespace));
        }
      }
    }
    return new UnitResult(outputs, List.of());
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
