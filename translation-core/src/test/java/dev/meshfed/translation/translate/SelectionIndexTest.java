package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SelectionIndexTest {

  /** A selecting input: its name, for the assertions, and its selectors. */
  private record Policy(String name, List<ObjectSelector> selectors) {}

  @Test
  void findsByNameByOneLabelAndThoseSelectingEverything() {
    Policy byName = policy("by-name", selector("reviews", Map.of()));
    Policy byLabel = policy("by-label", selector(null, Map.of("app", "reviews", "tier", "x")));
    Policy all = policy("all");
    Policy emptySelector = policy("empty-selector", selector(null, Map.of()));
    Policy other = policy("other", selector("ratings", Map.of()), selector(null, Map.of("a", "b")));
    SelectionIndex<Policy> index = index(List.of(byName, byLabel, all, emptySelector, other));

    assertThat(index.candidates("reviews", Map.of("app", "reviews")))
        .containsExactlyInAnyOrder(byName, byLabel, all, emptySelector);
    assertThat(index.candidates("details", Map.of())).containsExactlyInAnyOrder(all, emptySelector);
  }

  @Test
  void anInputWithSeveralMatchingSelectorsIsACandidateOnce() {
    Policy twice =
        policy("twice", selector("reviews", Map.of()), selector(null, Map.of("app", "reviews")));

    assertThat(index(List.of(twice)).candidates("reviews", Map.of("app", "reviews")))
        .containsExactly(twice);
  }

  /** Property: whatever a selector selects, the index offers its input as a candidate. */
  @Test
  void neverLeavesOutAnInputThatSelectsTheObject() {
    Random random = new Random(13);
    for (int run = 0; run < 500; run++) {
      List<Policy> policies =
          IntStream.range(0, 6)
              .mapToObj(
                  i ->
                      policy(
                          "p" + i,
                          IntStream.range(0, random.nextInt(3))
                              .mapToObj(j -> randomSelector(random))
                              .toArray(ObjectSelector[]::new)))
              .toList();
      String name = pick(random, "a", "b", "c");
      Map<String, String> labels = randomLabels(random);
      List<Policy> candidates = index(policies).candidates(name, labels).toList();

      for (Policy p : policies) {
        boolean selects =
            p.selectors().isEmpty()
                || p.selectors().stream()
                    .anyMatch(
                        s ->
                            Selectors.matchesIfSet(s.name(), name)
                                && Selectors.containsAll(labels, s.labels()));
        if (selects) {
          assertThat(candidates).as("run %d: %s for %s %s", run, p, name, labels).contains(p);
        }
      }
    }
  }

  private static SelectionIndex<Policy> index(List<Policy> policies) {
    return SelectionIndex.of(policies.stream(), Policy::selectors);
  }

  private static Policy policy(String name, ObjectSelector... selectors) {
    return new Policy(name, new ArrayList<>(Arrays.asList(selectors)));
  }

  private static ObjectSelector selector(String name, Map<String, String> labels) {
    return new ObjectSelector(name, null, null, null, labels);
  }

  private static ObjectSelector randomSelector(Random random) {
    String name = random.nextBoolean() ? null : pick(random, "a", "b", "c", "");
    return selector(name, randomLabels(random));
  }

  private static Map<String, String> randomLabels(Random random) {
    Map<String, String> labels = new HashMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      labels.put(pick(random, "app", "tier", "zone"), pick(random, "x", "y"));
    }
    return labels;
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }
}
