package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.oracle.istio.IstioAdmission;
import dev.meshfed.oracle.istio.IstioCrds;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.translate.TranslationSettings;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterEach;
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

  /** Inputs per topology: a fresh one each round keeps the run linear in the inputs. */
  private static final int PER_ROUND = 1_000;

  @TempDir Path stateDir;
  private TopologyTestDriver driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void malformedInputsStopNothingAndEveryOutputIsAdmitted() throws Exception {
    MalformedInputs malformed = new MalformedInputs(new Random(SEED));
    List<String> failures = new ArrayList<>();
    int admitted = 0;
    for (int round = 0; round * PER_ROUND < INPUTS && failures.size() < 5; round++) {
      start(round);
      MalformedInputs.frame().forEach(input -> put(input.cluster(), input.entry()));
      for (int i = round * PER_ROUND; i < Math.min(INPUTS, (round + 1) * PER_ROUND); i++) {
        MalformedInputs.Placed input = malformed.next(i);
        pipe(input.cluster(), input.entry());
      }
      loadBookinfo();

      // an output topic is read once: what is read is consumed
      Map<String, Map<DesiredKey, DesiredObject>> desired =
          Map.of("cluster1", desired("cluster1"), "cluster2", desired("cluster2"));
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
      driver.close();
      driver = null;
    }
    System.out.printf(
        "malformed inputs through the topology: %d inputs (seed %d), %d desired objects admitted%n",
        INPUTS, SEED, admitted);
    assertThat(failures).as("seed " + SEED).isEmpty();
    assertThat(admitted).isPositive();
  }

  private void start(int round) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "translation-malformed-inputs");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("round-" + round).toString());
    // as application.properties sets it for the service
    props.put(
        StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    driver = new TopologyTestDriver(TranslationTopology.build(TranslationSettings.DEFAULTS), props);
  }

  private static List<String> admission(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String group = apiVersion.substring(0, apiVersion.indexOf('/'));
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    CustomResourceDefinition crd =
        IstioCrds.forVersion(ISTIO).stream()
            .filter(c -> c.getSpec().getGroup().equals(group))
            .filter(c -> c.getSpec().getNames().getKind().equals(manifest.path("kind").asText()))
            .findFirst()
            .orElse(null);
    if (crd == null) {
      return List.of(
          "Istio " + ISTIO + " has no CRD for " + apiVersion + " " + manifest.path("kind"));
    }
    JsonNode schema =
        crd.getSpec().getVersions().stream()
            .filter(v -> v.getName().equals(version) && Boolean.TRUE.equals(v.getServed()))
            .findFirst()
            .map(v -> (JsonNode) JSON.valueToTree(v.getSchema().getOpenAPIV3Schema()))
            .orElse(null);
    if (schema == null) {
      return List.of("Istio " + ISTIO + " does not serve " + apiVersion);
    }
    List<String> causes = new ArrayList<>();
    IstioAdmission.review(
            schema, (com.fasterxml.jackson.databind.node.ObjectNode) manifest.deepCopy(), ISTIO)
        .causes()
        .forEach(cause -> causes.add(cause.toString()));
    return causes;
  }

  private void loadBookinfo() {
    put("mgmt", Discovered.agent());
    put("mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));
    for (String cluster : new String[] {"cluster1", "cluster2"}) {
      put(cluster, Discovered.agent());
      put(cluster, Discovered.namespace("bookinfo"));
      put(cluster, Discovered.namespace("istio-system"));
      put(cluster, Discovered.istiod(ISTIO));
      put(
          cluster,
          Discovered.eastWestGateway(cluster.equals("cluster1") ? "172.18.1.10" : "172.18.2.10"));
    }
    put("cluster1", Discovered.federationSettings("bookinfo"));
    put("cluster1", Discovered.service("bookinfo", "reviews", 9080));
  }

  private void put(String cluster, Discovered.Entry entry) {
    pipe(cluster, entry);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
  }

  private void pipe(String cluster, Discovered.Entry entry) {
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    driver
        .createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
        .pipeInput(entry.key(), entry.value());
  }

  private Map<DesiredKey, DesiredObject> desired(String cluster) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToMap();
  }
}
