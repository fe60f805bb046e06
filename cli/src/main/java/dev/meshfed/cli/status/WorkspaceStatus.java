package dev.meshfed.cli.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.audit.Ref;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One workspace of the management cluster.
 *
 * @param selects the cluster/namespace pairs its Workspace declares ("*" for any), as written
 * @param hosts the hosts the desired config of every cluster federates for it
 * @param problems open problems of its Workspace, or of inputs in the namespaces it declares
 */
public record WorkspaceStatus(
    String name, List<Selection> selects, SortedSet<String> hosts, List<Problem> problems) {

  /** The annotation translation puts on every object that federates a host. */
  static final String HOST_ANNOTATION = "meshfed.dev/host";

  private static final ObjectMapper JSON = new ObjectMapper();

  public record Selection(String cluster, String namespace) {

    boolean matches(String cluster, String namespace) {
      return ("*".equals(this.cluster) || this.cluster.equals(cluster))
          && ("*".equals(this.namespace) || this.namespace.equals(namespace));
    }

    @Override
    public String toString() {
      return cluster + "/" + namespace;
    }
  }

  static List<WorkspaceStatus> of(
      String managementCluster, List<ClusterRecords> clusters, List<Problem> problems) {
    Map<String, SortedSet<String>> hosts = hostsByWorkspace(clusters);
    return clusters.stream()
        .filter(c -> c.name().equals(managementCluster))
        .flatMap(c -> workspaceRecords(c).stream())
        .map(
            r -> {
              List<Selection> selects = selections((WorkspaceState) r.payload());
              return new WorkspaceStatus(
                  r.name(),
                  selects,
                  hosts.getOrDefault(r.name(), new TreeSet<>()),
                  problems.stream()
                      .filter(p -> concerns(managementCluster, r.name(), selects, p.input()))
                      .toList());
            })
        .toList();
  }

  /**
   * The management cluster's Workspaces, one per name: like translation, the oldest wins a name
   * (the younger ones are reported as problems).
   */
  private static List<DiscoveredRecord> workspaceRecords(ClusterRecords management) {
    Map<String, DiscoveredRecord> byName = new LinkedHashMap<>();
    management.currentDiscovered().stream()
        .filter(r -> r.payload() instanceof WorkspaceState)
        .sorted(
            Comparator.comparing(
                    (DiscoveredRecord r) -> r.value().getCreationTimestamp(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DiscoveredRecord::namespace))
        .forEach(r -> byName.putIfAbsent(r.name(), r));
    return byName.values().stream().sorted(Comparator.comparing(DiscoveredRecord::name)).toList();
  }

  private static List<Selection> selections(WorkspaceState workspace) {
    List<Selection> selects = new ArrayList<>();
    for (WorkloadClusterSelector cluster : workspace.getWorkloadClusters()) {
      for (NamespaceSelector namespace : cluster.getNamespaces()) {
        // A selection by labels counts as every name here: the status lists more, never fewer.
        selects.add(new Selection(orAny(cluster.getName()), orAny(namespace.getName())));
      }
    }
    return selects;
  }

  private static String orAny(String name) {
    return name == null ? "*" : name;
  }

  private static boolean concerns(
      String managementCluster, String workspace, List<Selection> selects, Ref input) {
    if ("Workspace".equals(input.kind())) {
      return input.cluster().equals(managementCluster) && input.name().equals(workspace);
    }
    String namespace = "Namespace".equals(input.kind()) ? input.name() : input.namespace();
    return declares(selects, input.cluster(), namespace);
  }

  /** Whether the workspace declares that namespace of that cluster. */
  boolean declares(String cluster, String namespace) {
    return declares(selects, cluster, namespace);
  }

  private static boolean declares(List<Selection> selects, String cluster, String namespace) {
    return selects.stream().anyMatch(s -> s.matches(cluster, namespace));
  }

  private static Map<String, SortedSet<String>> hostsByWorkspace(List<ClusterRecords> clusters) {
    Map<String, SortedSet<String>> hosts = new LinkedHashMap<>();
    for (ClusterRecords cluster : clusters) {
      for (DesiredEntry desired : cluster.currentDesired()) {
        String host = host(desired);
        if (desired.workspace() != null && host != null) {
          hosts.computeIfAbsent(desired.workspace(), w -> new TreeSet<>()).add(host);
        }
      }
    }
    return hosts;
  }

  private static String host(DesiredEntry desired) {
    try {
      JsonNode host =
          JSON.readTree(desired.manifest())
              .path("metadata")
              .path("annotations")
              .get(HOST_ANNOTATION);
      return host == null ? null : host.asText();
    } catch (JsonProcessingException e) {
      return null; // a manifest that does not parse federates no host
    }
  }
}
