package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.oracle.istio.IstioAdmission;
import dev.meshfed.oracle.istio.IstioCrds;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology, configured as translation-service runs it, fed with 10,000 well-formed records of
 * malformed inputs ({@link MalformedInputs}: names past their limits, unicode, ports 0 and 65536,
 * duplicate ports, invalid selectors, labels and host suffixes, broken gateways and control planes)
 * across three clusters, 1,000 a topology, each followed by the bookinfo mesh, older than all of
 * them. Nothing stops the stream, bookinfo federates as ever, and every object on the desired
 * topics of the clusters that run Istio 1.24 passes its CRD schema as Istio's API server would
 * admit it.
 *
 * <p>{@code -Dfuzz.seed} and {@code -Dfuzz.inputs} replay a run or run longer.
 */
class MalformedInputsTopologyTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20_261_204L);
  private static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
  private static final String ISTIO = "1.24.2";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Istio's schemas by served {@code group/version/kind}, built once: a CRD set is not cheap. */
  private static final Map<String, JsonNode> SCHEMAS = schemas();

  /** Inputs per topology: a fresh one each round keeps the run linear in the inputs. */
  private static final int PER_ROUND = 1_000;

  @TempDir Path stateDir;

  @Test
  void malformedInputsStopNothingAndEveryOutputIsAdmitted() throws Exception {
    MalformedInputs malformed = new MalformedInputs(new Random(SEED));
    List<String> failures = new ArrayList<>();
    int admitted = 0;
    for (int round = 0; round * PER_ROUND < INPUTS && failures.size() < 5; round++) {
      try (FuzzedTopology topology = new FuzzedTopology(stateDir.resolve("round-" + round))) {
        MalformedInputs.frame().forEach(input -> topology.put(input.cluster(), input.entry()));
        for (int i = round * PER_ROUND; i < Math.min(INPUTS, (round + 1) * PER_ROUND); i++) {
          MalformedInputs.Placed input = malformed.next(i);
          topology.pipe(input.cluster(), input.entry());
        }
        topology.loadBookinfo(ISTIO);

        Map<String, Map<DesiredKey, DesiredObject>> desired =
            Map.of(
                "cluster1", topology.desired("cluster1"), "cluster2", topology.desired("cluster2"));
        if (!desired.get("cluster2").containsKey(TranslationTopologyTest.REVIEWS_IN_CLUSTER2)) {
          failures.add("round " + round + ": reviews is not federated into cluster2");
        }
        for (String cluster : List.of("cluster1", "cluster2")) {
          for (DesiredObject object : desired.get(cluster).values()) {
            if (object == null) {
              continue;
            }
            List<String> causes = admission(JSON.readTree(object.getManifest()));
            if (causes.isEmpty()) {
              admitted++;
            } else if (failures.size() < 5) {
              failures.add(
                  "round " + round + ", " + cluster + ": " + causes + "\n" + object.getManifest());
            }
          }
        }
      }
    }
    System.out.printf(
        "malformed inputs through the topology: %d inputs (seed %d), %d desired objects admitted%n",
        INPUTS, SEED, admitted);
    assertThat(failures).as("seed " + SEED).isEmpty();
    assertThat(admitted).isPositive();
  }

  private static List<String> admission(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kind = manifest.path("kind").asText();
    JsonNode schema = SCHEMAS.get(apiVersion + "/" + kind);
    if (schema == null) {
      return List.of("Istio " + ISTIO + " does not serve " + apiVersion + " " + kind);
    }
    List<String> causes = new ArrayList<>();
    IstioAdmission.review(
            schema, (com.fasterxml.jackson.databind.node.ObjectNode) manifest.deepCopy(), ISTIO)
        .causes()
        .forEach(cause -> causes.add(cause.toString()));
    return causes;
  }

  private static Map<String, JsonNode> schemas() {
    Map<String, JsonNode> schemas = new HashMap<>();
    for (CustomResourceDefinition crd : IstioCrds.forVersion(ISTIO)) {
      crd.getSpec().getVersions().stream()
          .filter(v -> Boolean.TRUE.equals(v.getServed()))
          .forEach(
              v ->
                  schemas.put(
                      crd.getSpec().getGroup()
                          + "/"
                          + v.getName()
                          + "/"
                          + crd.getSpec().getNames().getKind(),
                      JSON.valueToTree(v.getSchema().getOpenAPIV3Schema())));
    }
    return Map.copyOf(schemas);
  }
}
