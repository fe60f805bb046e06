package dev.meshfed.e2e;

import dev.meshfed.cli.events.EventView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays host events (one host in one target cluster at a time) through the lifecycle they must
 * follow: federated, then updated any number of times, then withdrawn, and perhaps again.
 */
final class HostLifecycle {

  private final Map<String, Boolean> present = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();

  void accept(EventView event) {
    Optional<String> host = event.host();
    if (host.isEmpty()) {
      return;
    }
    String placement = host.get() + " in " + event.targetCluster().orElse("?");
    boolean was = present.getOrDefault(placement, false);
    switch (event.type()) {
      case "HostFederated" -> expect(!was, placement, event, true);
      case "HostUpdated" -> expect(was, placement, event, true);
      case "HostWithdrawn" -> expect(was, placement, event, false);
      default -> violations.add("unknown host event " + event.type() + " for " + placement);
    }
  }

  private void expect(boolean allowed, String placement, EventView event, boolean after) {
    if (!allowed) {
      violations.add(event.type() + " for " + placement + " out of order: " + event.message());
    }
    present.put(placement, after);
  }

  List<String> violations() {
    return violations;
  }

  /** Hosts the events say are federated into {@code cluster} now. */
  SortedSet<String> federatedInto(String cluster) {
    SortedSet<String> hosts = new TreeSet<>();
    present.forEach(
        (placement, isPresent) -> {
          if (isPresent && placement.endsWith(" in " + cluster)) {
            hosts.add(placement.substring(0, placement.length() - (" in " + cluster).length()));
          }
        });
    return hosts;
  }
}
