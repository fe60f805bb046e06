package dev.meshfed.cli.events;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Interleaves events of several partitions by time, never reordering one partition (so a subject's
 * events keep their order). An event leaves only once every partition that may still hold an
 * earlier one has shown its next event or has nothing more to read.
 */
final class TimeOrderedMerge<P> {

  private final Map<P, Deque<EventView>> buffers = new HashMap<>();

  void add(P partition, EventView event) {
    buffers.computeIfAbsent(partition, p -> new ArrayDeque<>()).add(event);
  }

  int buffered(P partition) {
    Deque<EventView> buffer = buffers.get(partition);
    return buffer == null ? 0 : buffer.size();
  }

  /**
   * Emits what can be ordered now.
   *
   * @param drained partitions with nothing more to read for now
   */
  void emit(Iterable<P> partitions, Predicate<P> drained, Consumer<EventView> out) {
    while (true) {
      Optional<P> next = earliest(partitions, drained);
      if (next.isEmpty()) {
        return;
      }
      out.accept(buffers.get(next.get()).poll());
    }
  }

  private Optional<P> earliest(Iterable<P> partitions, Predicate<P> drained) {
    P earliest = null;
    Comparator<P> byHead = Comparator.comparingLong(p -> buffers.get(p).peek().timestamp());
    for (P p : partitions) {
      if (buffered(p) == 0) {
        if (!drained.test(p)) {
          return Optional.empty(); // it may yet hold an earlier event
        }
      } else if (earliest == null || byHead.compare(p, earliest) < 0) {
        earliest = p;
      }
    }
    return Optional.ofNullable(earliest);
  }
}
