package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.translate.TranslationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology, configured as translation-service runs it, fed with records no discovery-service
 * writes: random bytes, the Avro single-object header before garbage, valid keys with garbage
 * values, keys whose kind is not their payload's, tombstones for keys never written. Nothing stops
 * the stream: the mesh loaded after them federates as ever.
 */
class MalformedRecordsTopologyTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20_261_204L);
  private static final int RECORDS = Integer.getInteger("fuzz.records", 2_000);

  /**
   * Each skipped record is two warnings: thousands of lines that say nothing new. Held here: the
   * log manager keeps loggers weakly, and a level set on one that is collected is lost.
   */
  private static final java.util.List<org.jboss.logmanager.Logger> QUIETED =
      java.util.List.of(
          org.jboss.logmanager.Logger.getLogger(
              "org.apache.kafka.streams.errors.LogAndContinueExceptionHandler"),
          org.jboss.logmanager.Logger.getLogger(
              "org.apache.kafka.streams.processor.internals.RecordDeserializer"));

  @TempDir Path stateDir;
  private TopologyTestDriver driver;

  @BeforeEach
  void start() {
    QUIETED.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "translation-fuzz");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // as application.properties sets it for the service
    props.put(
        StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    driver = new TopologyTestDriver(TranslationTopology.build(TranslationSettings.DEFAULTS), props);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void recordsNoDiscoveryWritesStopNothing() {
    Random random = new Random(SEED);
    TopicSpec<DiscoveryKey, DiscoveredObject> spec = Topics.discovered("cluster1");
    byte[] validKey =
        spec.keySerde()
            .serializer()
            .serialize(spec.name(), Discovered.service("bookinfo", "reviews", 9080).key());
    byte[] validValue =
        spec.valueSerde()
            .serializer()
            .serialize(spec.name(), Discovered.namespace("bookinfo").value());
    for (String cluster : new String[] {"cluster1", "cluster2", "mgmt"}) {
      TestInputTopic<byte[], byte[]> raw =
          driver.createInputTopic(
              Topics.discovered(cluster).name(),
              new ByteArraySerializer(),
              new ByteArraySerializer());
      for (int i = 0; i < RECORDS / 3; i++) {
        byte[] garbage = new byte[random.nextInt(64)];
        random.nextBytes(garbage);
        switch (random.nextInt(5)) {
          case 0 -> raw.pipeInput(garbage, garbage);
          case 1 -> raw.pipeInput(validKey, garbage);
          case 2 -> raw.pipeInput(validKey, withAvroHeader(garbage));
          case 3 -> raw.pipeInput(validKey, validValue); // a Namespace payload under a Service key
          default -> raw.pipeInput(withAvroHeader(garbage), (byte[]) null);
        }
      }
    }

    loadBookinfo();

    Map<DesiredKey, DesiredObject> cluster2 = desired("cluster2");
    assertThat(cluster2).containsKey(TranslationTopologyTest.REVIEWS_IN_CLUSTER2);
  }

  /** Avro single-object encoding's marker and a fingerprint, then anything. */
  private static byte[] withAvroHeader(byte[] rest) {
    byte[] bytes = new byte[10 + rest.length];
    bytes[0] = (byte) 0xC3;
    bytes[1] = (byte) 0x01;
    System.arraycopy(rest, 0, bytes, 10, rest.length);
    return bytes;
  }

  private void loadBookinfo() {
    put("mgmt", Discovered.agent());
    put("mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));
    for (String cluster : new String[] {"cluster1", "cluster2"}) {
      put(cluster, Discovered.agent());
      put(cluster, Discovered.namespace("bookinfo"));
      put(cluster, Discovered.namespace("istio-system"));
      put(cluster, Discovered.istiod("1.24.2"));
      put(
          cluster,
          Discovered.eastWestGateway(cluster.equals("cluster1") ? "172.18.1.10" : "172.18.2.10"));
    }
    put("cluster1", Discovered.federationSettings("bookinfo"));
    put("cluster1", Discovered.service("bookinfo", "reviews", 9080));
  }

  private void put(String cluster, Discovered.Entry entry) {
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    driver
        .createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
        .pipeInput(entry.key(), entry.value());
    driver.advanceWallClockTime(Duration.ofMinutes(1));
  }

  private Map<DesiredKey, DesiredObject> desired(String cluster) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToMap();
  }
}
