package dev.meshfed.cli.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshfed.cli.audit.Ref;
import dev.meshfed.cli.output.Mappers;
import dev.meshfed.cli.status.GroupedKind.Count;
import dev.meshfed.schema.status.InputStatus;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A VirtualDestination, RouteTable, ExternalService or policy (either dialect) that a cluster's
 * discovered topic holds now, with the status translation last published for it on the cluster's
 * status topic.
 *
 * @param workspaces the workspaces declaring its namespace, by name; none when no workspace does
 * @param state ACCEPTED, WARNING, INVALID or FAILED; {@link #PENDING} when it has no status yet
 * @param generation its {@code metadata.generation} as discovered; null when unknown
 * @param observedGeneration the generation its status reflects; null when unknown
 * @param counts the counts of its kind its status holds, in the kind's order
 */
public record GroupedInputStatus(
    Ref input,
    List<String> workspaces,
    String state,
    String message,
    Long generation,
    Long observedGeneration,
    Map<Count, Long> counts) {

  /** The state of an input translation has published no status for (yet). */
  public static final String PENDING = "PENDING";

  static final String PENDING_MESSAGE = "no status from translation yet";

  /** By (first) workspace, those of none last, then cluster, kind, namespace and name. */
  private static final Comparator<GroupedInputStatus> ORDER =
      Comparator.comparing(
              (GroupedInputStatus s) -> s.workspaces().isEmpty() ? null : s.workspaces().get(0),
              Comparator.nullsLast(Comparator.<String>naturalOrder()))
          .thenComparing(s -> s.input().cluster())
          .thenComparing(s -> s.input().kind())
          .thenComparing(s -> s.input().namespace())
          .thenComparing(s -> s.input().name());

  public GroupedInputStatus {
    workspaces = List.copyOf(workspaces);
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /**
   * Every grouped input of every cluster, by workspace (those of none last), cluster, kind,
   * namespace and name.
   */
  static List<GroupedInputStatus> of(
      List<ClusterRecords> clusters, List<WorkspaceStatus> workspaces) {
    return clusters.stream()
        .flatMap(cluster -> ofCluster(cluster, workspaces).stream())
        .sorted(ORDER)
        .toList();
  }

  private static List<GroupedInputStatus> ofCluster(
      ClusterRecords cluster, List<WorkspaceStatus> workspaces) {
    Map<String, InputStatus> statuses =
        cluster.currentStatuses().stream()
            .collect(Collectors.toMap(InputStatusRecord::key, InputStatusRecord::value));
    return cluster.currentDiscovered().stream()
        .flatMap(
            r ->
                GroupedKind.of(r.kind()).stream()
                    .map(kind -> of(cluster.name(), r, kind, statuses.get(r.key()), workspaces)))
        .toList();
  }

  private static GroupedInputStatus of(
      String cluster,
      DiscoveredRecord discovered,
      GroupedKind kind,
      InputStatus status,
      List<WorkspaceStatus> workspaces) {
    Ref input = new Ref(cluster, discovered.kind(), discovered.namespace(), discovered.name());
    List<String> in =
        workspaces.stream()
            .filter(w -> w.declares(cluster, discovered.namespace()))
            .map(WorkspaceStatus::name)
            .toList();
    Long generation = discovered.value().getGeneration();
    if (status == null) {
      return new GroupedInputStatus(
          input, in, PENDING, PENDING_MESSAGE, generation, null, Map.of());
    }
    return new GroupedInputStatus(
        input,
        in,
        status.getState().name(),
        status.getMessage(),
        generation,
        status.getObservedGeneration(),
        counts(kind, status.getStatus()));
  }

  /** The counts of the kind the status object holds; none of a status that does not parse. */
  private static Map<Count, Long> counts(GroupedKind kind, String status) {
    JsonNode tree;
    try {
      tree = Mappers.JSON.readTree(status);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
    Map<Count, Long> counts = new LinkedHashMap<>();
    for (Count count : kind.counts) {
      JsonNode value = tree.get(count.field);
      if (value != null && value.isIntegralNumber()) {
        counts.put(count, value.asLong());
      }
    }
    return counts;
  }

  public boolean pending() {
    return PENDING.equals(state);
  }

  /** Whether its status reflects an older generation than the one discovered: it is changing. */
  public boolean outdated() {
    return generation != null && observedGeneration != null && observedGeneration < generation;
  }

  /** {@code field -> value}, as its status names the counts. */
  Map<String, Long> countsByField() {
    return counts.entrySet().stream()
        .collect(
            Collectors.toMap(
                e -> e.getKey().field, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
