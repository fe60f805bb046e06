package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the ServiceExports of one namespace/name decide, by the Multi-Cluster Services API's rules
 * (KEP-1645). An export is valid when its cluster has a Service of that name that is not
 * ExternalName. Its clusterset is the clusters of the workspace its namespace belongs to: meshfed's
 * tenancy says which clusters share a namespace. Within a clusterset the oldest valid export
 * (creation time, then cluster) defines the service: its type and the protocol of each port; a
 * newer export that disagrees (TypeConflict, PortConflict) backs nothing until it agrees, and the
 * conflict is raised on every export of the clusterset. The others add their ports.
 *
 * @param invalid the exports of no valid Service, and why
 * @param outside the valid exports in a namespace of no workspace
 * @param clustersets per workspace, its exports
 */
record ClustersetExports(
    List<Refused> invalid,
    List<ServiceExportInput> outside,
    SortedMap<String, Clusterset> clustersets) {

  static final String INVALID_SERVICE_TYPE = "InvalidServiceType";
  static final String NO_SERVICE = "NoService";
  static final String TYPE_CONFLICT = "TypeConflict";
  static final String PORT_CONFLICT = "PortConflict";

  private static final Comparator<ServiceExportInput> OLDEST_FIRST =
      Comparator.comparing(
              ServiceExportInput::creationTimestamp,
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(ServiceExportInput::id);

  /** An export that exports nothing, the reason (a condition reason) and why. */
  record Refused(ServiceExportInput export, String reason, String message) {}

  /** A valid export and the Service it exports. */
  record Exported(ServiceExportInput export, ServiceInput service) {}

  /**
   * The valid exports of one clusterset.
   *
   * @param accepted those that back the service, oldest first: the first defines it
   * @param conflicting those that disagree with it
   * @param ports the service's ports: every accepted export's, by number
   */
  record Clusterset(
      WorkspacePlan workspace,
      List<Exported> accepted,
      List<Refused> conflicting,
      SortedMap<Integer, ServicePortInput> ports) {

    boolean headless() {
      return accepted.get(0).service().headless();
    }
  }

  /** The ServiceExports of every cluster named {@code namespace/name}, oldest first. */
  static List<ServiceExportInput> named(String namespace, String name, MeshInputs inputs) {
    return inputs
        .all(ServiceExportInput.class)
        .filter(e -> e.id().namespace().equals(namespace) && e.id().name().equals(name))
        .sorted(OLDEST_FIRST)
        .toList();
  }

  static ClustersetExports of(
      String namespace, String name, MeshInputs inputs, Membership membership) {
    List<Refused> invalid = new ArrayList<>();
    List<ServiceExportInput> outside = new ArrayList<>();
    Map<String, WorkspacePlan> workspaces = new TreeMap<>();
    Map<String, List<Exported>> valid = new TreeMap<>();
    for (ServiceExportInput export : named(namespace, name, inputs)) {
      if (membership.removal(export.id().cluster()).isPresent()) {
        continue;
      }
      Optional<ServiceInput> service = serviceOf(export, inputs);
      if (service.isEmpty()) {
        invalid.add(
            new Refused(
                export,
                NO_SERVICE,
                "cluster "
                    + export.id().cluster()
                    + " has no Service "
                    + namespace
                    + "/"
                    + name
                    + " that Kubernetes would admit"));
      } else if ("ExternalName".equals(service.get().type())) {
        invalid.add(
            new Refused(
                export,
                INVALID_SERVICE_TYPE,
                "Service "
                    + namespace
                    + "/"
                    + name
                    + " is of type ExternalName, which the clusterset cannot export"));
      } else {
        Optional<WorkspacePlan> workspace =
            membership.workspaceOf(export.id().cluster(), namespace);
        if (workspace.isEmpty()) {
          outside.add(export);
        } else {
          workspaces.put(workspace.get().name(), workspace.get());
          valid
              .computeIfAbsent(workspace.get().name(), w -> new ArrayList<>())
              .add(new Exported(export, service.get()));
        }
      }
    }
    SortedMap<String, Clusterset> clustersets = new TreeMap<>();
    valid.forEach((w, exported) -> clustersets.put(w, decide(workspaces.get(w), exported)));
    return new ClustersetExports(invalid, outside, clustersets);
  }

  private static Optional<ServiceInput> serviceOf(ServiceExportInput export, MeshInputs inputs) {
    ObjectId id = export.id();
    return inputs
        .get(new ObjectId(id.cluster(), DiscoveredKinds.SERVICE, id.namespace(), id.name()))
        .filter(ServiceInput.class::isInstance)
        .map(ServiceInput.class::cast);
  }

  /** The oldest defines the service; each newer one joins it or conflicts with it. */
  private static Clusterset decide(WorkspacePlan workspace, List<Exported> oldestFirst) {
    Exported oldest = oldestFirst.get(0);
    List<Exported> accepted = new ArrayList<>(List.of(oldest));
    List<Refused> conflicting = new ArrayList<>();
    SortedMap<Integer, ServicePortInput> ports = new TreeMap<>();
    oldest.service().ports().forEach(p -> ports.putIfAbsent(p.port(), p));
    for (Exported newer : oldestFirst.subList(1, oldestFirst.size())) {
      Optional<String> conflict = conflict(oldest, newer, ports);
      if (conflict.isPresent()) {
        conflicting.add(
            new Refused(
                newer.export(),
                conflict.get().startsWith("type") ? TYPE_CONFLICT : PORT_CONFLICT,
                conflict.get()));
      } else {
        accepted.add(newer);
        newer.service().ports().forEach(p -> ports.putIfAbsent(p.port(), p));
      }
    }
    return new Clusterset(workspace, accepted, conflicting, ports);
  }

  /** Why a newer export disagrees with the service as the exports before it define it. */
  private static Optional<String> conflict(
      Exported oldest, Exported newer, SortedMap<Integer, ServicePortInput> ports) {
    String winner =
        "the oldest export, cluster " + oldest.export().id().cluster() + "'s, defines the service";
    if (newer.service().headless() != oldest.service().headless()) {
      return Optional.of(
          "type: cluster "
              + newer.export().id().cluster()
              + " exports a "
              + (newer.service().headless() ? "headless" : "ClusterSetIP")
              + " Service; "
              + winner
              + " as "
              + (oldest.service().headless() ? "Headless" : "ClusterSetIP"));
    }
    for (ServicePortInput port : newer.service().ports()) {
      ServicePortInput known = ports.get(port.port());
      if (known != null && !sameProtocol(known, port)) {
        return Optional.of(
            "port "
                + port.port()
                + ": cluster "
                + newer.export().id().cluster()
                + " exports it as "
                + describe(port)
                + "; "
                + winner
                + " with it as "
                + describe(known));
      }
    }
    return Optional.empty();
  }

  private static boolean sameProtocol(ServicePortInput a, ServicePortInput b) {
    return java.util.Objects.equals(a.protocol(), b.protocol())
        && Protocols.of(a).equals(Protocols.of(b));
  }

  private static String describe(ServicePortInput port) {
    return port.protocol() + ", which Istio reads as " + Protocols.of(port);
  }

  /** The exports that back nothing for a conflict, of every clusterset. */
  List<Refused> conflicting() {
    return clustersets.values().stream().flatMap(c -> c.conflicting().stream()).toList();
  }
}
