package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.translation.translate.TranslationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on a real broker, with the service's settings: exactly-once commits, outputs routed
 * to each cluster's topic, and a cluster that joins after start picked up by the pattern.
 */
class TranslationServiceIT {

  @TempDir static Path dir;
  private static KafkaBroker broker;
  private static KafkaStreams streams;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start(dir.resolve("kafka"));
    createTopics("mgmt", "cluster1", "cluster2");
    create(List.of(Topics.events().newTopic(TopicSettings.BROKER_DEFAULTS)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "translation-it-" + UUID.randomUUID());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    props.put("metadata.max.age.ms", "1000");
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
    streams = new KafkaStreams(TranslationTopology.build(TranslationSettings.DEFAULTS), props);
    streams.start();
  }

  @AfterAll
  static void stop() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void federatesOverTheBrokerAndPicksUpAClusterThatJoinsLater() throws Exception {
    publish("mgmt", Discovered.workspace("bookinfo", "bookinfo", "*"));
    publishCluster("cluster1", "172.18.1.10");
    publishCluster("cluster2", "172.18.2.10");
    publish("cluster1", Discovered.federationSettings("bookinfo"));
    publish("cluster1", Discovered.service("bookinfo", "reviews", 9080));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(committedNames("cluster2"))
                    .contains("reviews-bookinfo-svc-cluster1-global"));

    createTopics("cluster3");
    publishCluster("cluster3", "172.18.3.10");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(committedNames("cluster3"))
                    .contains("reviews-bookinfo-svc-cluster1-global"));
  }

  private static void publishCluster(String cluster, String gatewayAddress) {
    publish(cluster, Discovered.agent());
    publish(cluster, Discovered.namespace("bookinfo"));
    publish(cluster, Discovered.namespace("istio-system"));
    publish(cluster, Discovered.istiod("1.24.0"));
    publish(cluster, Discovered.eastWestGateway(gatewayAddress));
  }

  private static void publish(String cluster, Discovered.Entry entry) {
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    try (KafkaProducer<DiscoveryKey, DiscoveredObject> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), entry.key(), entry.value()));
    }
  }

  /** Names of objects on the cluster's desired topic, as a read-committed consumer sees them. */
  private static List<String> committedNames(String cluster) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-" + UUID.randomUUID());
    Map<String, Boolean> names = new ConcurrentHashMap<>();
    try (KafkaConsumer<DesiredKey, DesiredObject> consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      for (ConsumerRecord<DesiredKey, DesiredObject> r : consumer.poll(Duration.ofSeconds(2))) {
        names.put(r.key().getName(), r.value() != null);
      }
    }
    List<String> present = new ArrayList<>();
    names.forEach(
        (name, exists) -> {
          if (exists) {
            present.add(name);
          }
        });
    return present;
  }

  private static void createTopics(String... clusters) throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    for (String cluster : clusters) {
      Topics.clusterTopics(cluster)
          .forEach(t -> topics.add(t.newTopic(TopicSettings.BROKER_DEFAULTS)));
    }
    create(topics);
  }

  private static void create(List<NewTopic> topics) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(topics).all().get();
    }
  }
}
