package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A VirtualDestination port may say {@code targetPort: ""} (or {@code {name: ""}}): as in a
 * Kubernetes Service, an empty target port is the port's own number. It translated by parsing "" as
 * a number, and the exception stopped translation for every tenant.
 */
class EmptyTargetPortTest {

  @ParameterizedTest
  @ValueSource(strings = {"virtual-destination", "access-policies", "route-tables"})
  void anEmptyTargetPortTranslatesAsNoTargetPort(String name) throws IOException {
    JsonNode tree = GoldenCase.YAML.readTree(input(name).toFile());
    GoldenCase without = GoldenCase.of(tree);
    JsonNode withEmpty = tree.deepCopy();
    int ports = 0;
    for (JsonNode objects : withEmpty.path("clusters")) {
      for (JsonNode object : objects) {
        if (object.path("kind").asText().startsWith("VirtualDestination")) {
          for (JsonNode port : object.path("ports")) {
            if (!port.has("targetPort")) {
              ((ObjectNode) port).put("targetPort", "");
              ports++;
            }
          }
        }
      }
    }
    GoldenCase empty = GoldenCase.of(withEmpty);

    assertThat(ports).isPositive();
    assertThat(FederationTranslator.translateAll(empty.mesh(), empty.settings()))
        .isEqualTo(FederationTranslator.translateAll(without.mesh(), without.settings()));
  }

  private static Path input(String name) {
    return GoldenCase.CASES.resolve(name).resolve("input.yaml");
  }
}
