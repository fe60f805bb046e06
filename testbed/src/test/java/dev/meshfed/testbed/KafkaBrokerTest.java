package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

  @TempDir static Path logDir;
  private static KafkaBroker shared;

  @BeforeAll
  static void startBroker() {
    shared = KafkaBroker.start(logDir);
  }

  @AfterAll
  static void stopBroker() {
    shared.close();
  }

  @Test
  void bootstrapServersIsALoopbackAddress() {
    assertThat(shared.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void producedRecordsCanBeConsumed() throws Exception {
    String topic = createTopic(shared);
    try (KafkaProducer<String, String> producer = producer(shared, Map.of())) {
      producer.send(new ProducerRecord<>(topic, "key", "value")).get();
    }

    assertThat(consumeAll(shared, topic, "read_uncommitted")).containsExactly("key=value");
  }

  @Test
  void transactionalProducerCommitsAndAbortsAreHonoured() throws Exception {
    String topic = createTopic(shared);
    Map<String, Object> transactional =
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());
    try (KafkaProducer<String, String> producer = producer(shared, transactional)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a", "aborted"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c", "committed"));
      producer.commitTransaction();
    }

    assertThat(consumeAll(shared, topic, "read_committed")).containsExactly("c=committed");
  }

  @Test
  void restartOnTheSameDirAndPortKeepsTheData(@TempDir Path otherLogDir) throws Exception {
    String topic;
    int port;
    try (KafkaBroker first = KafkaBroker.start(otherLogDir)) {
      port = Integer.parseInt(first.bootstrapServers().split(":")[1]);
      topic = createTopic(first);
      try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
        producer.send(new ProducerRecord<>(topic, "kept", "across restarts")).get();
      }
    }

    try (KafkaBroker restarted = KafkaBroker.start(otherLogDir, port)) {
      assertThat(restarted.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(consumeAll(restarted, topic, "read_committed"))
          .containsExactly("kept=across restarts");
    }
  }

  @Test
  void aBrokerInATemporaryDirectoryDeletesItOnClose() throws Exception {
    Path logDir;
    try (KafkaBroker temporary = KafkaBroker.startInTemporaryDirectory("kafka-broker-test")) {
      logDir = temporary.deletedOnClose;
      assertThat(logDir).isDirectory();
      createTopic(temporary);
    }

    assertThat(logDir).doesNotExist();
  }

  private static String createTopic(KafkaBroker broker) throws Exception {
    String topic = "topic-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    return topic;
  }

  private static KafkaProducer<String, String> producer(
      KafkaBroker broker, Map<String, Object> extraConfig) {
    Map<String, Object> config =
        new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    config.putAll(extraConfig);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Reads the topic from its start: polls until records arrive, then once more for stragglers. */
  private static List<String> consumeAll(KafkaBroker broker, String topic, String isolationLevel) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "group-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolationLevel);
    List<String> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(text(r)));
      }
      consumer.poll(Duration.ofMillis(300)).forEach(r -> records.add(text(r)));
    }
    return records;
  }

  private static String text(ConsumerRecord<String, String> record) {
    return record.key() + "=" + record.value();
  }
}
