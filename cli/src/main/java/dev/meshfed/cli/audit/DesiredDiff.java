package dev.meshfed.cli.audit;

import dev.meshfed.cli.replay.DesiredHistory;
import dev.meshfed.cli.replay.ReplayedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What changed in one cluster's desired config between two instants. No I/O. */
public final class DesiredDiff {

  private DesiredDiff() {}

  /** Added, removed or changed. */
  public enum Type {
    ADDED('+'),
    REMOVED('-'),
    CHANGED('~');

    public final char sign;

    Type(char sign) {
      this.sign = sign;
    }
  }

  /**
   * One object that differs.
   *
   * @param before its rendering at FROM; null when added
   * @param after its rendering at TO; null when removed
   * @param beforeEntry its record at FROM; null when added
   * @param afterEntry its record at TO; null when removed
   */
  public record Change(
      Type type,
      ReplayedObject before,
      ReplayedObject after,
      DesiredEntry beforeEntry,
      DesiredEntry afterEntry) {

    /** The version whose sources explain it: TO's, or FROM's for a removal. */
    public DesiredEntry explainedBy() {
      return afterEntry != null ? afterEntry : beforeEntry;
    }

    public ReplayedObject object() {
      return after != null ? after : before;
    }
  }

  /** By cluster, namespace, kind and name, then apiVersion. */
  public static final Comparator<Change> ORDER =
      Comparator.comparing(Change::object, ReplayedObject.ORDER)
          .thenComparing(c -> c.explainedBy().apiVersion());

  /**
   * The changes of a cluster's desired config from {@code from} to {@code to}: each key's state as
   * {@link DesiredHistory#stateAt} rebuilds it. Objects whose rendering is the same are unchanged.
   */
  public static List<Change> between(
      String cluster, List<DesiredEntry> records, Instant from, Instant to) {
    Map<String, DesiredEntry> before = Lookup.stateAt(records, from);
    Map<String, DesiredEntry> after = Lookup.stateAt(records, to);
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<Change> changes = new ArrayList<>();
    for (String key : keys) {
      DesiredEntry be = before.get(key);
      DesiredEntry ae = after.get(key);
      ReplayedObject bo = be == null ? null : ReplayedObject.of(cluster, be.toRecord());
      ReplayedObject ao = ae == null ? null : ReplayedObject.of(cluster, ae.toRecord());
      if (be == null) {
        changes.add(new Change(Type.ADDED, null, ao, null, ae));
      } else if (ae == null) {
        changes.add(new Change(Type.REMOVED, bo, null, be, null));
      } else if (!bo.yaml().equals(ao.yaml())) {
        changes.add(new Change(Type.CHANGED, bo, ao, be, ae));
      }
    }
    changes.sort(ORDER);
    return changes;
  }

  /** Whether an input changed in (from, to]: its records there, as one line. */
  public static String cause(Ref ref, List<DiscoveredEntry> discovered, Instant from, Instant to) {
    List<DiscoveredEntry> changes = Lookup.changesIn(discovered, ref, from, to);
    String role = ref.allows() ? "allowed by " : "input ";
    if (changes.isEmpty()) {
      return role + ref + ": unchanged in (" + from + ", " + to + "]";
    }
    return role
        + ref
        + ": "
        + changes.stream()
            .map(
                r ->
                    (r.tombstone() ? "deleted at " : "changed at ")
                        + r.time()
                        + " offset "
                        + r.offset()
                        + (r.tombstone() || r.generation() == null
                            ? ""
                            : " (generation " + r.generation() + ")"))
            .collect(Collectors.joining(", "));
  }
}
