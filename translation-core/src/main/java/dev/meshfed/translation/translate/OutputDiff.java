package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Output.Identity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What changed between a unit's last summary and its new result: the records to write and the
 * events to tell. Callers write {@link #written()} before {@link #removed()}: when an object moves
 * to another API version, its new record then precedes the old key's tombstone, and a distributor
 * that deletes by identity never deletes it.
 */
public record OutputDiff(
    List<WrittenObject> removed,
    List<Output> written,
    List<HostChange> hostChanges,
    List<Diagnostic> raised,
    List<Diagnostic> cleared,
    List<StatusOutput> statusesWritten,
    List<StatusOutput> statusesRemoved) {

  public enum HostChangeType {
    FEDERATED,
    UPDATED,
    WITHDRAWN
  }

  /** A ServiceEntry for a federated host appeared, changed or went, in one cluster. */
  public record HostChange(HostChangeType type, HostedObject object) {}

  /**
   * @param afterSummary {@link UnitSummary#of} {@code after}, which the caller keeps as the unit's
   *     summary from now on
   */
  public static OutputDiff between(UnitSummary before, UnitResult after, UnitSummary afterSummary) {
    Map<String, WrittenObject> oldByKey = byKey(before.objects());
    Map<String, WrittenObject> newByKey = byKey(afterSummary.objects());
    List<WrittenObject> removed =
        before.objects().stream().filter(o -> !newByKey.containsKey(o.key())).toList();
    List<Output> written = new ArrayList<>();
    for (int i = 0; i < after.outputs().size(); i++) {
      WrittenObject now = afterSummary.objects().get(i);
      if (!same(oldByKey.get(now.key()), now)) {
        written.add(after.outputs().get(i));
      }
    }
    return new OutputDiff(
        removed,
        written,
        hostChanges(before, afterSummary),
        after.diagnostics().stream().filter(d -> !before.diagnostics().contains(d)).toList(),
        before.diagnostics().stream().filter(d -> !after.diagnostics().contains(d)).toList(),
        after.statuses().stream().filter(s -> !before.statuses().contains(s)).toList(),
        removedStatuses(before, after));
  }

  private static List<StatusOutput> removedStatuses(UnitSummary before, UnitResult after) {
    Set<ObjectId> remaining =
        after.statuses().stream().map(StatusOutput::input).collect(Collectors.toSet());
    return before.statuses().stream().filter(s -> !remaining.contains(s.input())).toList();
  }

  /** The same diff without the removals of these objects (another unit holds them now). */
  public OutputDiff keeping(Predicate<WrittenObject> heldElsewhere) {
    return new OutputDiff(
        removed.stream().filter(heldElsewhere.negate()).toList(),
        written,
        hostChanges,
        raised,
        cleared,
        statusesWritten,
        statusesRemoved);
  }

  public boolean isEmpty() {
    return removed.isEmpty()
        && written.isEmpty()
        && hostChanges.isEmpty()
        && raised.isEmpty()
        && cleared.isEmpty()
        && statusesWritten.isEmpty()
        && statusesRemoved.isEmpty();
  }

  private static List<HostChange> hostChanges(UnitSummary before, UnitSummary after) {
    Map<Identity, WrittenObject> oldHosts = hostsByIdentity(before);
    Map<Identity, WrittenObject> newHosts = hostsByIdentity(after);
    List<HostChange> changes = new ArrayList<>();
    newHosts.forEach(
        (identity, object) -> {
          WrittenObject previous = oldHosts.get(identity);
          if (previous == null) {
            changes.add(new HostChange(HostChangeType.FEDERATED, object.hosted()));
          } else if (!same(previous, object)) {
            changes.add(new HostChange(HostChangeType.UPDATED, object.hosted()));
          }
        });
    oldHosts.forEach(
        (identity, object) -> {
          if (!newHosts.containsKey(identity)) {
            changes.add(new HostChange(HostChangeType.WITHDRAWN, object.hosted()));
          }
        });
    return changes;
  }

  private static Map<Identity, WrittenObject> hostsByIdentity(UnitSummary summary) {
    return summary.objects().stream()
        .filter(o -> o.hosted() != null)
        .collect(
            Collectors.toMap(
                WrittenObject::identity,
                Function.identity(),
                (a, b) -> a,
                () -> new TreeMap<>(Comparator.comparing(Identity::toString))));
  }

  private static Map<String, WrittenObject> byKey(List<WrittenObject> objects) {
    return objects.stream()
        .collect(Collectors.toMap(WrittenObject::key, Function.identity(), (a, b) -> a));
  }

  private static boolean same(WrittenObject a, WrittenObject b) {
    return a != null && a.apiVersion().equals(b.apiVersion()) && a.digest().equals(b.digest());
  }
}
