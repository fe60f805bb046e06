package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.records.Recomputation;
import dev.meshfed.translation.translate.TranslationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recomputation against the live topology: after any sequence of changes, what the topology
 * published (each desired topic folded to its latest record per key) is what a recomputation of the
 * resulting inputs yields.
 */
class RecomputationTest {

  private static final List<String> CLUSTERS = List.of("mgmt", "cluster1", "cluster2");

  @TempDir Path stateDir;

  /** Past any due full recompute, however long the one before took. */
  private static final Duration RECOMPUTE_DUE = Duration.ofMinutes(1);

  private TopologyTestDriver driver;
  private final Map<String, Map<DiscoveryKey, DiscoveredObject>> inputs = new TreeMap<>();
  private final Map<String, Map<DesiredKey, DesiredObject>> published = new TreeMap<>();

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "recomputation-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(TranslationTopology.build(TranslationSettings.DEFAULTS), props);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void yieldsWhatThePipelinePublishedForTheSameInputs() {
    loadBookinfo();

    assertThat(recomputed()).isEqualTo(published()).containsKeys("cluster1", "cluster2");
  }

  @Test
  void stillDoesAfterChangesDeletionsAndAnIstioUpgrade() {
    loadBookinfo();
    put("cluster1", Discovered.service("bookinfo", "reviews", 9090));
    put("cluster2", Discovered.service("bookinfo", "details", 9080));
    delete("cluster2", Discovered.service("bookinfo", "ratings", 9080));
    put("cluster1", Discovered.istiod("1.24.2"));

    Map<String, Map<DesiredKey, DesiredObject>> published = published();

    assertThat(recomputed()).isEqualTo(published);
    assertThat(published.get("cluster1").keySet())
        .extracting(DesiredKey::getApiVersion)
        .containsOnly("networking.istio.io/v1");
  }

  @Test
  void withoutAWorkspaceNothingIsDesired() {
    loadBookinfo();
    delete("mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));

    assertThat(published()).isEmpty();
    assertThat(recomputed()).isEmpty();
  }

  @Test
  void ignoresWhatThisVersionCannotReadAsTranslationDoes() {
    DiscoveredObject unknown =
        DiscoveredObject.newBuilder()
            .setApiVersion("v1")
            .setUid("uid")
            .setPayload(new NamespaceSelector("not a payload", Map.of()))
            .build();

    Recomputation recomputation =
        Recomputation.of(
            Map.of("cluster1", Map.of(new DiscoveryKey("Future", "ns", "thing"), unknown)));

    assertThat(recomputation.ignored())
        .containsExactly(new ObjectId("cluster1", "Future", "ns", "thing"));
    assertThat(recomputation.desired(TranslationSettings.DEFAULTS)).isEmpty();
  }

  private Map<String, Map<DesiredKey, DesiredObject>> recomputed() {
    return Recomputation.of(inputs).desired(TranslationSettings.DEFAULTS);
  }

  /**
   * Each desired topic as a distributor sees it: the latest record per key, tombstones removing.
   */
  private Map<String, Map<DesiredKey, DesiredObject>> published() {
    for (String cluster : CLUSTERS) {
      TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
      Map<DesiredKey, DesiredObject> state =
          published.computeIfAbsent(cluster, c -> new HashMap<>());
      for (KeyValue<DesiredKey, DesiredObject> record :
          driver
              .createOutputTopic(
                  topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
              .readKeyValuesToList()) {
        if (record.value == null) {
          state.remove(record.key);
        } else {
          state.put(record.key, record.value);
        }
      }
    }
    Map<String, Map<DesiredKey, DesiredObject>> nonEmpty = new TreeMap<>(published);
    nonEmpty.values().removeIf(Map::isEmpty);
    return nonEmpty;
  }

  private void loadBookinfo() {
    put("mgmt", Discovered.agent());
    put("mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));
    cluster("cluster1", "1.11.7", "172.18.1.10");
    cluster("cluster2", "1.24.2", "172.18.2.10");
    put("cluster1", Discovered.federationSettings("bookinfo"));
    put("cluster1", Discovered.service("bookinfo", "reviews", 9080));
    put("cluster1", Discovered.service("bookinfo", "productpage", 9080));
    put("cluster2", Discovered.service("bookinfo", "ratings", 9080));
    put("cluster2", Discovered.service("bookinfo", "reviews", 9080));
  }

  private void cluster(String name, String istioVersion, String gatewayAddress) {
    put(name, Discovered.agent());
    put(name, Discovered.namespace("bookinfo"));
    put(name, Discovered.namespace("istio-system"));
    put(name, Discovered.istiod(istioVersion));
    put(name, Discovered.eastWestGateway(gatewayAddress));
  }

  private void put(String cluster, Discovered.Entry entry) {
    inputs.computeIfAbsent(cluster, c -> new HashMap<>()).put(entry.key(), entry.value());
    pipe(cluster, entry.key(), entry.value());
  }

  private void delete(String cluster, Discovered.Entry entry) {
    inputs.get(cluster).remove(entry.key());
    pipe(cluster, entry.key(), null);
  }

  private void pipe(String cluster, DiscoveryKey key, DiscoveredObject value) {
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    driver
        .createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
        .pipeInput(key, value);
    driver.advanceWallClockTime(RECOMPUTE_DUE);
  }
}
