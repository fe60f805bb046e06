package dev.meshfed.testbed.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {

  @TempDir Path dir;

  @Test
  void clusterDirectoriesMakeOneStepNamedFinal() {
    Scenario scenario = Scenario.load(Fixtures.scenario("one-step"));

    assertThat(scenario.steps()).extracting(Step::name).containsExactly("final");
    assertThat(scenario.clusters()).containsExactly("east", "west");
    Map<String, List<GenericKubernetesResource>> objects =
        scenario.steps().get(0).objectsByCluster();
    assertThat(objects.get("east"))
        .extracting(o -> o.getKind() + " " + o.getMetadata().getName())
        .containsExactly(
            "CustomResourceDefinition workspaces.meshfed.dev",
            "Namespace bookinfo",
            "Service reviews");
    assertThat(objects.get("west")).isEmpty();
  }

  @Test
  void stepDirectoriesMakeOrderedSteps() {
    Scenario scenario = Scenario.load(Fixtures.scenario("two-steps"));

    assertThat(scenario.steps())
        .extracting(Step::name)
        .containsExactly("01-create", "02-port-change");
    assertThat(scenario.clusters()).containsExactly("east", "west");
    assertThat(scenario.steps().get(1).objectsByCluster().get("east")).hasSize(4);
  }

  @Test
  void stepsAreOrderedByNumber() throws IOException {
    for (String step : List.of("10-last", "9-first")) {
      Files.createDirectories(dir.resolve(step).resolve("east"));
    }

    assertThat(Scenario.load(dir).steps())
        .extracting(Step::name)
        .containsExactly("9-first", "10-last");
  }

  @Test
  void unparsableYamlNamesTheFile() throws IOException {
    Path file = write("east/broken.yaml", "apiVersion: v1\nkind: [Namespace\n");

    assertThatThrownBy(() -> Scenario.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid YAML");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kind: Namespace\\nmetadata:\\n  name: a | apiVersion",
        "apiVersion: v1\\nmetadata:\\n  name: a | kind",
        "apiVersion: v1\\nkind: Namespace\\nmetadata: {} | metadata.name",
      })
  void documentWithoutARequiredFieldNamesTheFileAndField(String document, String field)
      throws IOException {
    Path file =
        write(
            "east/objects.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n---\n"
                + document.replace("\\n", "\n"));

    assertThatThrownBy(() -> Scenario.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(file + ": document 2 has no " + field);
  }

  @Test
  void mixOfStepAndClusterDirectoriesNamesTheScenarioDirectory() throws IOException {
    Files.createDirectories(dir.resolve("01-create/east"));
    Files.createDirectories(dir.resolve("east"));

    assertThatThrownBy(() -> Scenario.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(dir + ": mixes step directories with cluster directories");
  }

  @Test
  void invalidClusterDirectoryNameNamesTheDirectory() throws IOException {
    Files.createDirectories(dir.resolve("East_1"));

    assertThatThrownBy(() -> Scenario.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(dir.resolve("East_1") + ": invalid cluster directory name");
  }

  @Test
  void stepMissingAClusterOfOtherStepsNamesTheStep() throws IOException {
    Files.createDirectories(dir.resolve("01-create/east"));
    Files.createDirectories(dir.resolve("01-create/west"));
    Files.createDirectories(dir.resolve("02-change/east"));

    assertThatThrownBy(() -> Scenario.load(dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(
            dir.resolve("02-change") + ": has no directory for cluster(s) [west]");
  }

  private Path write(String relativePath, String content) throws IOException {
    Path file = dir.resolve(relativePath);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
