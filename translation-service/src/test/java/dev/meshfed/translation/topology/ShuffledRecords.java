package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A snapshot's records as they could arrive: each object's records in a random interleaving with
 * the others', some first with another object's value of the same kind, some deleted and created
 * again, and extra objects that are created and deleted again. A few of the snapshot's objects are
 * deleted for good (among the others' records or after them all); the last record of every other
 * object is its value in the snapshot.
 */
final class ShuffledRecords {

  /** One record for a cluster's discovered topic; a {@code null} value deletes. */
  record Change(String cluster, DiscoveryKey key, DiscoveredObject value) {

    @Override
    public String toString() {
      String object =
          cluster + "/" + key.getKind() + "/" + key.getNamespace() + "/" + key.getName();
      return value == null ? "delete " + object : "put " + object + " (" + value.getUid() + ")";
    }
  }

  private record Entry(String cluster, DiscoveryKey key, DiscoveredObject value) {}

  /** A cluster no case has, for extra objects in a cluster that joins and leaves. */
  static final String EXTRA_CLUSTER = "extra-cluster";

  private final Random random;
  private final List<Entry> entries = new ArrayList<>();
  private final List<Deque<Change>> perObject = new ArrayList<>();
  private final Map<String, Map<DiscoveryKey, DiscoveredObject>> result = new TreeMap<>();
  private List<Change> changes;

  private ShuffledRecords(Random random) {
    this.random = random;
  }

  static ShuffledRecords of(
      Map<String, Map<DiscoveryKey, DiscoveredObject>> snapshot, Random random) {
    ShuffledRecords records = new ShuffledRecords(random);
    snapshot.forEach(
        (cluster, objects) ->
            objects.forEach((key, value) -> records.entries.add(new Entry(cluster, key, value))));
    // a fixed order before the seed's, whatever the maps' iteration order
    records.entries.sort(Comparator.comparing(e -> e.cluster() + "/" + e.key()));
    records.changes = records.shuffled();
    return records;
  }

  /** Every record, in the order to send them. */
  List<Change> changes() {
    return changes;
  }

  /** The snapshot the records end in: the one given, less the objects deleted for good. */
  Map<String, Map<DiscoveryKey, DiscoveredObject>> result() {
    return result;
  }

  private List<Change> shuffled() {
    Set<Entry> gone = new HashSet<>();
    int goneCount = Math.min(random.nextInt(4), entries.size() - 1);
    while (gone.size() < goneCount) {
      gone.add(entries.get(random.nextInt(entries.size())));
    }
    // a deletion for good at the very end meets every other object there: a take-over, say
    List<Change> last = new ArrayList<>();
    for (Entry entry : entries) {
      Deque<Change> changes = recreated(entry);
      Change delete = new Change(entry.cluster(), entry.key(), null);
      if (!gone.contains(entry)) {
        result
            .computeIfAbsent(entry.cluster(), c -> new HashMap<>())
            .put(entry.key(), entry.value());
      } else if (random.nextBoolean()) {
        changes.add(delete);
      } else {
        last.add(delete);
      }
      perObject.add(changes);
    }
    int extras = 1 + random.nextInt(3);
    for (int i = 0; i < extras; i++) {
      perObject.add(extra(entries.get(random.nextInt(entries.size())), i));
    }
    List<Change> changes = interleaved();
    changes.addAll(last);
    return changes;
  }

  /** Puts ending in the entry's value, with deletes, re-creates and stale values on the way. */
  private Deque<Change> recreated(Entry entry) {
    Deque<Change> changes = new ArrayDeque<>();
    do {
      if (!changes.isEmpty()) {
        changes.add(new Change(entry.cluster(), entry.key(), null));
      }
      if (random.nextInt(4) == 0) {
        changes.add(new Change(entry.cluster(), entry.key(), otherValueOfKind(entry)));
      }
      changes.add(new Change(entry.cluster(), entry.key(), entry.value()));
    } while (random.nextInt(4) == 0);
    return changes;
  }

  /** A copy of an entry under another name, maybe in a cluster of its own, deleted at the end. */
  private Deque<Change> extra(Entry original, int index) {
    String cluster = random.nextInt(3) == 0 ? EXTRA_CLUSTER : original.cluster();
    DiscoveryKey key =
        new DiscoveryKey(
            original.key().getKind(),
            original.key().getNamespace(),
            original.key().getName() + "-extra" + index);
    Deque<Change> changes = new ArrayDeque<>();
    changes.add(new Change(cluster, key, original.value()));
    if (random.nextBoolean()) {
      changes.add(new Change(cluster, key, otherValueOfKind(original)));
    }
    changes.add(new Change(cluster, key, null));
    return changes;
  }

  private DiscoveredObject otherValueOfKind(Entry entry) {
    List<Entry> sameKind =
        entries.stream().filter(e -> e.key().getKind().equals(entry.key().getKind())).toList();
    return sameKind.get(random.nextInt(sameKind.size())).value();
  }

  /** Every object's changes in its own order, the objects' uniformly interleaved. */
  private List<Change> interleaved() {
    List<Integer> turns = new ArrayList<>();
    for (int i = 0; i < perObject.size(); i++) {
      turns.addAll(Collections.nCopies(perObject.get(i).size(), i));
    }
    Collections.shuffle(turns, random);
    List<Change> changes = new ArrayList<>(turns.size());
    for (int turn : turns) {
      changes.add(perObject.get(turn).poll());
    }
    return changes;
  }
}
