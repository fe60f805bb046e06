package dev.meshfed.cli.status;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.ServiceState;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * One cluster as its topics tell it.
 *
 * @param joined whether its discovery-service has published its Agent record (and not withdrawn it)
 * @param istioVersions of its control planes ("unknown" for one whose image tag tells none)
 * @param lastSeen the newest record on its discovered or applied topic; null when both are empty
 * @param translationLag discovered records translation has not processed; empty when unknown
 * @param drift what its distribution-service found changed in the cluster, repaired or not
 */
public record ClusterStatus(
    String name,
    boolean joined,
    SortedSet<String> istioVersions,
    int namespaces,
    int services,
    int desiredObjects,
    Instant lastSeen,
    OptionalLong translationLag,
    ApplyState apply,
    DriftReport drift) {

  static ClusterStatus of(ClusterRecords records, boolean translationGroupHasOffsets) {
    List<Object> payloads =
        records.currentDiscovered().stream().map(DiscoveredRecord::payload).toList();
    SortedSet<String> versions = new TreeSet<>();
    payloads.stream()
        .filter(ControlPlaneState.class::isInstance)
        .map(p -> ((ControlPlaneState) p).getVersion())
        .forEach(v -> versions.add(v == null ? "unknown" : v));
    ApplyState apply = ApplyState.of(records.applied(), records.desired());
    return new ClusterStatus(
        records.name(),
        payloads.stream().anyMatch(AgentState.class::isInstance),
        versions,
        count(payloads, NamespaceState.class),
        count(payloads, ServiceState.class),
        records.currentDesired().size(),
        lastSeen(records),
        records.translation().lag(translationGroupHasOffsets),
        apply,
        DriftReport.of(records.applied(), apply));
  }

  private static int count(List<Object> payloads, Class<?> type) {
    return (int) payloads.stream().filter(type::isInstance).count();
  }

  private static Instant lastSeen(ClusterRecords records) {
    LongStream times =
        Stream.concat(
                records.discovered().stream().map(DiscoveredRecord::timestamp),
                records.applied().stream().map(EventView::timestamp))
            .mapToLong(Long::longValue);
    OptionalLong newest = times.max();
    return newest.isPresent() ? Instant.ofEpochMilli(newest.getAsLong()) : null;
  }
}
