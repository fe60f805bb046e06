package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.TestInputTopic;
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
  private FuzzedTopology topology;

  @BeforeEach
  void start() {
    QUIETED.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
    topology = new FuzzedTopology(stateDir);
  }

  @AfterEach
  void stop() {
    topology.close();
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
      TestInputTopic<byte[], byte[]> raw = topology.raw(cluster);
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

    topology.loadBookinfo("1.24.2");

    Map<DesiredKey, DesiredObject> cluster2 = topology.desired("cluster2");
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
}
