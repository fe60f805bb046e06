package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Output.Identity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two results of one unit: the records to write and the events to tell.
 * Callers write {@link #written()} before {@link #removed()}: when an object moves to another API
 * version, its new record then precedes the old key's tombstone, and a distributor that deletes by
 * identity never deletes it.
 */
public record OutputDiff(
    List<Output> removed,
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
  public record HostChange(HostChangeType type, Output output) {}

  public static OutputDiff between(UnitResult before, UnitResult after) {
    Map<String, Output> oldByKey = byKey(before.outputs());
    Map<String, Output> newByKey = byKey(after.outputs());
    List<Output> removed =
        before.outputs().stream().filter(o -> !newByKey.containsKey(key(o))).toList();
    List<Output> written =
        after.outputs().stream().filter(o -> !same(oldByKey.get(key(o)), o)).toList();
    return new OutputDiff(
        removed,
        written,
        hostChanges(before, after),
        after.diagnostics().stream().filter(d -> !before.diagnostics().contains(d)).toList(),
        before.diagnostics().stream().filter(d -> !after.diagnostics().contains(d)).toList(),
        after.statuses().stream().filter(s -> !before.statuses().contains(s)).toList(),
        removedStatuses(before, after));
  }

  private static List<StatusOutput> removedStatuses(UnitResult before, UnitResult after) {
    Set<ObjectId> remaining =
        after.statuses().stream().map(StatusOutput::input).collect(Collectors.toSet());
    return before.statuses().stream().filter(s -> !remaining.contains(s.input())).toList();
  }

  /** The same diff without the removals of these outputs (another unit holds their objects now). */
  public OutputDiff keeping(java.util.function.Predicate<Output> heldElsewhere) {
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

  private static List<HostChange> hostChanges(UnitResult before, UnitResult after) {
    Map<Identity, Output> oldHosts = hostsByIdentity(before);
    Map<Identity, Output> newHosts = hostsByIdentity(after);
    List<HostChange> changes = new ArrayList<>();
    newHosts.forEach(
        (identity, output) -> {
          Output previous = oldHosts.get(identity);
          if (previous == null) {
            changes.add(new HostChange(HostChangeType.FEDERATED, output));
          } else if (!same(previous, output)) {
            changes.add(new HostChange(HostChangeType.UPDATED, output));
          }
        });
    oldHosts.forEach(
        (identity, output) -> {
          if (!newHosts.containsKey(identity)) {
            changes.add(new HostChange(HostChangeType.WITHDRAWN, output));
          }
        });
    return changes;
  }

  private static Map<Identity, Output> hostsByIdentity(UnitResult result) {
    return result.outputs().stream()
        .filter(o -> o.host() != null)
        .collect(
            Collectors.toMap(
                Output::identity,
                Function.identity(),
                (a, b) -> a,
                () -> new TreeMap<>(Comparator.comparing(Identity::toString))));
  }

  private static Map<String, Output> byKey(List<Output> outputs) {
    return outputs.stream().collect(Collectors.toMap(OutputDiff::key, Function.identity()));
  }

  private static String key(Output o) {
    return o.cluster()
        + "|"
        + o.apiVersion()
        + "|"
        + o.kind()
        + "|"
        + o.namespace()
        + "|"
        + o.name();
  }

  private static boolean same(Output a, Output b) {
    return a != null
        && Objects.equals(a.apiVersion(), b.apiVersion())
        && Objects.equals(a.manifest(), b.manifest())
        && Objects.equals(a.sources(), b.sources());
  }
}
