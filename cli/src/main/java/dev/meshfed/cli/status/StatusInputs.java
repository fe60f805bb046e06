package dev.meshfed.cli.status;

import dev.meshfed.cli.events.EventView;
import java.util.List;

/**
 * Everything status is computed from.
 *
 * @param clusters every cluster with a discovered topic, by name
 * @param events meshfed.events in topic order
 * @param translationGroupHasOffsets whether translation's consumer group has committed anything
 */
public record StatusInputs(
    List<ClusterRecords> clusters, List<EventView> events, boolean translationGroupHasOffsets) {

  public StatusInputs {
    clusters = List.copyOf(clusters);
    events = List.copyOf(events);
  }
}
