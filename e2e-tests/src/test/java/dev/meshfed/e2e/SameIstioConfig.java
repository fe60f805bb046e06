package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Two steps' expected objects compared as Istio sees them. */
final class SameIstioConfig {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SameIstioConfig() {}

  /**
   * The same objects with the same specs, names, namespaces and labels: only their provenance
   * (which input, in which dialect) may differ.
   */
  static void assertSame(Path actual, Path expected) throws Exception {
    assertThat(relativeFiles(actual)).isEqualTo(relativeFiles(expected));
    for (Path file : relativeFiles(expected)) {
      JsonNode was = YAML.readTree(expected.resolve(file).toFile());
      JsonNode is = YAML.readTree(actual.resolve(file).toFile());
      assertThat(is.get("spec")).as("spec of %s", file).isEqualTo(was.get("spec"));
      assertThat(is.at("/metadata/labels"))
          .as("labels of %s", file)
          .isEqualTo(was.at("/metadata/labels"));
    }
  }

  private static List<Path> relativeFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
