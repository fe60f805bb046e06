package dev.meshfed.discovery.model;

import java.util.List;

/**
 * What one Kubernetes object means for the discovered topic: a write for every key the object can
 * own (tombstones for those it does not own now), and the problems met reading it, which every
 * record written carries so that translation reports them on the object's status.
 */
public record Mapping(List<Write> writes, List<String> problems) {

  public Mapping {
    List<String> read = List.copyOf(problems);
    writes = writes.stream().map(write -> write.withProblems(read)).toList();
    problems = read;
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
