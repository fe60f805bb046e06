package dev.meshfed.cli.status;

import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.events.EventView;
import java.util.List;

/**
 * What status reads about one cluster, each list in topic order.
 *
 * @param desired its desired topic; empty when it has none
 * @param applied what its distribution-service reported; empty when it has no applied topic
 */
public record ClusterRecords(
    String name,
    List<DiscoveredRecord> discovered,
    List<DesiredEntry> desired,
    List<EventView> applied,
    TranslationProgress translation) {

  public ClusterRecords {
    discovered = List.copyOf(discovered);
    desired = List.copyOf(desired);
    applied = List.copyOf(applied);
  }

  List<DiscoveredRecord> currentDiscovered() {
    return Compacted.current(discovered, DiscoveredRecord::key, DiscoveredRecord::isTombstone);
  }

  List<DesiredEntry> currentDesired() {
    return Compacted.current(desired, DesiredEntry::identity, DesiredEntry::isTombstone);
  }
}
