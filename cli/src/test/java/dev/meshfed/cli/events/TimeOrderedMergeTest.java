package dev.meshfed.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeOrderedMergeTest {

  private final TimeOrderedMerge<String> merge = new TimeOrderedMerge<>();
  private final List<String> out = new ArrayList<>();

  @Test
  void interleavesPartitionsByTimeWithoutReorderingOne() {
    add("a", 10, "a1");
    add("a", 5, "a2"); // a clock step back within one partition stays in place
    add("b", 7, "b1");
    add("b", 20, "b2");

    merge.emit(List.of("a", "b"), p -> true, e -> out.add(e.message()));

    assertThat(out).containsExactly("b1", "a1", "a2", "b2");
  }

  @Test
  void waitsForAPartitionThatMayStillHoldAnEarlierEvent() {
    add("a", 10, "a1");

    merge.emit(List.of("a", "b"), Set.of("a")::contains, e -> out.add(e.message()));
    assertThat(out).isEmpty();

    add("b", 3, "b1");
    merge.emit(List.of("a", "b"), Set.of("a")::contains, e -> out.add(e.message()));
    assertThat(out).containsExactly("b1");
  }

  private void add(String partition, long timestamp, String message) {
    merge.add(partition, Events.view(timestamp, Events.rejected("c", message)));
  }
}
