package dev.meshfed.cli.status;

import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.events.EventView;
import java.util.List;

/**
 * What status reads about one cluster, each list in topic order.
 *
 * @param desired its desired topic; empty when it has none
 * @param applied what its distribution-service reported; empty when it has no applied topic
 * @param statuses its status topic; empty when it has none
 */
public record ClusterRecords(
    String name,
    List<DiscoveredRecord> discovered,
    List<DesiredEntry> desired,
    List<EventView> applied,
    TranslationProgress translation,
    List<InputStatusRecord> statuses) {

  public ClusterRecords {
    discovered = List.copyOf(discovered);
    desired = List.copyOf(desired);
    applied = List.copyOf(applied);
    statuses = List.copyOf(statuses);
  }

  /** A cluster whose status topic is empty. */
  public ClusterRecords(
      String name,
      List<DiscoveredRecord> discovered,
      List<DesiredEntry> desired,
      List<EventView> applied,
      TranslationProgress translation) {
    this(name, discovered, desired, applied, translation, List.of());
  }

  List<DiscoveredRecord> currentDiscovered() {
    return Compacted.current(discovered, DiscoveredRecord::key, DiscoveredRecord::isTombstone);
  }

  /** The latest status of each input that has one. */
  List<InputStatusRecord> currentStatuses() {
    return Compacted.current(statuses, InputStatusRecord::key, InputStatusRecord::isTombstone);
  }

  List<DesiredEntry> currentDesired() {
    return Compacted.current(desired, DesiredEntry::identity, DesiredEntry::isTombstone);
  }
}
