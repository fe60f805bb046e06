package dev.meshfed.testbed.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a {@link Scenario} directory. */
final class ScenarioReader {

  static final String SINGLE_STEP_NAME = "final";
  private static final Pattern STEP_DIR = Pattern.compile("(\\d+)-[a-z0-9-]+");
  private static final Pattern CLUSTER_DIR = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final Comparator<Path> STEP_ORDER =
      Comparator.<Path>comparingLong(d -> stepNumber(d.getFileName().toString()))
          .thenComparing(d -> d.getFileName().toString());

  private ScenarioReader() {}

  static Scenario read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ScenarioException(dir + ": not a scenario directory");
    }
    List<Path> subdirectories = subdirectories(dir);
    List<Path> stepDirs = subdirectories.stream().filter(ScenarioReader::isStepDir).toList();
    if (subdirectories.isEmpty()) {
      throw new ScenarioException(dir + ": has neither cluster nor step directories");
    }
    if (!stepDirs.isEmpty() && stepDirs.size() != subdirectories.size()) {
      throw new ScenarioException(
          dir + ": mixes step directories with cluster directories " + names(subdirectories));
    }
    List<Path> orderedStepDirs = stepDirs.stream().sorted(STEP_ORDER).toList();
    List<Step> steps =
        stepDirs.isEmpty()
            ? List.of(readStep(SINGLE_STEP_NAME, dir))
            : orderedStepDirs.stream().map(d -> readStep(d.getFileName().toString(), d)).toList();
    requireEveryClusterInEveryStep(steps, stepDirs.isEmpty() ? List.of(dir) : orderedStepDirs);
    return new Scenario(dir, steps);
  }

  private static boolean isStepDir(Path dir) {
    return STEP_DIR.matcher(dir.getFileName().toString()).matches();
  }

  private static long stepNumber(String stepDirName) {
    var matcher = STEP_DIR.matcher(stepDirName);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a step directory name: " + stepDirName);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static Step readStep(String name, Path stepDir) {
    Map<String, List<GenericKubernetesResource>> objectsByCluster = new LinkedHashMap<>();
    for (Path clusterDir : subdirectories(stepDir)) {
      String cluster = clusterDir.getFileName().toString();
      if (!CLUSTER_DIR.matcher(cluster).matches()) {
        throw new ScenarioException(
            clusterDir + ": invalid cluster directory name (must match " + CLUSTER_DIR + ")");
      }
      objectsByCluster.put(cluster, readClusterDir(clusterDir));
    }
    return new Step(name, objectsByCluster);
  }

  private static void requireEveryClusterInEveryStep(List<Step> steps, List<Path> stepDirs) {
    Set<String> allClusters = new TreeSet<>();
    steps.forEach(step -> allClusters.addAll(step.objectsByCluster().keySet()));
    for (int i = 0; i < steps.size(); i++) {
      Set<String> missing = new TreeSet<>(allClusters);
      missing.removeAll(steps.get(i).objectsByCluster().keySet());
      if (!missing.isEmpty()) {
        throw new ScenarioException(
            stepDirs.get(i)
                + ": has no directory for cluster(s) "
                + missing
                + " that other steps have (every step lists every cluster; an empty directory"
                + " is allowed)");
      }
    }
  }

  private static List<GenericKubernetesResource> readClusterDir(Path clusterDir) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (Path file : yamlFiles(clusterDir)) {
      objects.addAll(readFile(file));
    }
    return objects;
  }

  private static List<GenericKubernetesResource> readFile(Path file) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents =
        KubernetesYaml.DOCUMENT_READER.readValues(file.toFile())) {
      int number = 0;
      while (documents.hasNextValue()) {
        JsonNode document = documents.nextValue();
        number++;
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          objects.add(toResource(file, number, document));
        }
      }
    } catch (JsonProcessingException e) {
      throw new ScenarioException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return objects;
  }

  private static GenericKubernetesResource toResource(Path file, int number, JsonNode document) {
    String where = file + ": document " + number;
    if (!document.isObject()) {
      throw new ScenarioException(where + " is not a Kubernetes object");
    }
    for (String required : List.of("/apiVersion", "/kind", "/metadata/name")) {
      if (document.at(required).asText("").isEmpty()) {
        throw new ScenarioException(where + " has no " + required.substring(1).replace('/', '.'));
      }
    }
    try {
      return KubernetesYaml.toResource(document);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(where + " is not a valid object: " + e.getOriginalMessage(), e);
    }
  }

  private static List<Path> yamlFiles(Path dir) {
    return list(dir).stream()
        .filter(Files::isRegularFile)
        .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
        .toList();
  }

  private static List<Path> subdirectories(Path dir) {
    return list(dir).stream().filter(Files::isDirectory).toList();
  }

  /** The entries of {@code dir} sorted by name. */
  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new ScenarioException(dir + ": cannot be listed: " + e.getMessage(), e);
    }
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).toList();
  }
}
