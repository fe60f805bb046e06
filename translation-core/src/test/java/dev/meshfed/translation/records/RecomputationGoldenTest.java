package dev.meshfed.translation.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.translation.translate.GoldenCase;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case, from the wire format: the recomputed desired records hold exactly the
 * manifests the case expects, per cluster and in the same order.
 */
class RecomputationGoldenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> cases() throws IOException {
    return GoldenCase.names().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void recomputesTheExpectedManifests(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);

    Map<String, Map<DesiredKey, DesiredObject>> desired =
        Recomputation.of(WireFormat.snapshot(golden.inputs())).desired(golden.settings());

    JsonNode expected =
        GoldenCase.YAML
            .readTree(GoldenCase.CASES.resolve(name).resolve("expected.yaml").toFile())
            .get("clusters");
    assertThat(manifests(desired)).isEqualTo(expected);
  }

  private static ObjectNode manifests(Map<String, Map<DesiredKey, DesiredObject>> desired)
      throws IOException {
    ObjectNode clusters = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Map<DesiredKey, DesiredObject>> cluster : desired.entrySet()) {
      ArrayNode list = clusters.putArray(cluster.getKey());
      for (DesiredObject object : cluster.getValue().values()) {
        list.add(JSON.readTree(object.getManifest()));
      }
    }
    return clusters;
  }
}
