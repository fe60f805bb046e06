package dev.meshfed.translation.topology;

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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The topology configured as translation-service runs it, for the tests that feed it what no
 * discovery-service writes, then the bookinfo mesh to see that it still federates.
 */
final class FuzzedTopology implements AutoCloseable {

  private final TopologyTestDriver driver;

  FuzzedTopology(Path stateDir) {
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

  /** A cluster's discovered topic, bytes in: for records no serializer would write. */
  TestInputTopic<byte[], byte[]> raw(String cluster) {
    return driver.createInputTopic(
        Topics.discovered(cluster).name(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Publishes a record, then lets the wall clock move on (punctuations run). */
  void put(String cluster, Discovered.Entry entry) {
    pipe(cluster, entry);
    driver.advanceWallClockTime(Duration.ofMinutes(1));
  }

  /** Publishes a record, the clock standing still. */
  void pipe(String cluster, Discovered.Entry entry) {
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    driver
        .createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
        .pipeInput(entry.key(), entry.value());
  }

  /** Bookinfo in cluster1 and cluster2 on Istio {@code istio}: reviews federated from cluster1. */
  void loadBookinfo(String istio) {
    put("mgmt", Discovered.agent());
    put("mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));
    for (String cluster : new String[] {"cluster1", "cluster2"}) {
      put(cluster, Discovered.agent());
      put(cluster, Discovered.namespace("bookinfo"));
      put(cluster, Discovered.namespace("istio-system"));
      put(cluster, Discovered.istiod(istio));
      put(
          cluster,
          Discovered.eastWestGateway(cluster.equals("cluster1") ? "172.18.1.10" : "172.18.2.10"));
    }
    put("cluster1", Discovered.federationSettings("bookinfo"));
    put("cluster1", Discovered.service("bookinfo", "reviews", 9080));
  }

  /** What is new on a cluster's desired topic: read once, what is read is consumed. */
  Map<DesiredKey, DesiredObject> desired(String cluster) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToMap();
  }

  @Override
  public void close() {
    driver.close();
  }
}
