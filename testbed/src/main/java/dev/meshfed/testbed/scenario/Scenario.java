package dev.meshfed.testbed.scenario;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A demo or test scenario: the input state of each simulated cluster, in one step or in ordered
 * steps.
 *
 * <p>Its directory holds either one subdirectory per cluster (named after the cluster) with
 * Kubernetes YAML files ({@code *.yaml}, {@code *.yml}, several documents per file allowed, files
 * read in name order; other files are ignored), which makes one step named {@value
 * ScenarioReader#SINGLE_STEP_NAME}; or step directories named like {@code 01-create} (read in
 * number order), each holding one such directory per cluster with that cluster's complete input
 * state at that step. Every step must have a directory for every cluster; it may be empty.
 */
public record Scenario(Path dir, List<Step> steps) {

  public Scenario {
    steps = List.copyOf(steps);
  }

  /**
   * Reads the scenario in {@code dir}.
   *
   * @throws ScenarioException naming the file or directory at fault
   */
  public static Scenario load(Path dir) {
    return ScenarioReader.read(dir);
  }

  /** The names of all clusters of all steps, sorted. */
  public Set<String> clusters() {
    TreeSet<String> clusters = new TreeSet<>();
    steps.forEach(step -> clusters.addAll(step.objectsByCluster().keySet()));
    return Collections.unmodifiableSortedSet(clusters);
  }
}
