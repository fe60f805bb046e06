package dev.meshfed.discovery.model;

import java.util.List;

/**
 * What one Kubernetes object means for the discovered topic: a write for every key the object can
 * own (tombstones for those it does not own now), and the problems met reading it.
 */
public record Mapping(List<Write> writes, List<String> problems) {

  public Mapping {
    writes = List.copyOf(writes);
    problems = List.copyOf(problems);
  }

  public static Mapping of(Write... writes) {
    return new Mapping(List.of(writes), List.of());
  }

  /** The same keys, all tombstoned: the object is gone. */
  public Mapping deleted() {
    return new Mapping(
        writes.stream().map(write -> Write.tombstone(write.key())).toList(), List.of());
  }
}
