package dev.meshfed.discovery.io;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client configuration for the three Kafka clients discovery uses: the service's Kafka settings
 * (servers, TLS, SASL) plus what each client needs.
 */
final class KafkaProperties {

  private KafkaProperties() {}

  static Map<String, Object> admin(Map<String, Object> kafka, String clientId) {
    return common(kafka, clientId + "-admin");
  }

  /** A consumer without a group: it assigns partitions itself and commits nothing. */
  private static final int READ_TO_END_FETCH_WAIT_MS = 10;

  static Map<String, Object> snapshotConsumer(Map<String, Object> kafka, String clientId) {
    Map<String, Object> props = common(kafka, clientId + "-snapshot");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // it stops at the end it was given; the fetch it sends past that end waits for new records,
    // and closing it waits for that fetch: 500 ms by default, 10 ms here
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, READ_TO_END_FETCH_WAIT_MS);
    return props;
  }

  static Map<String, Object> producer(Map<String, Object> kafka, String clientId) {
    Map<String, Object> props = common(kafka, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    return props;
  }

  private static Map<String, Object> common(Map<String, Object> kafka, String clientId) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    return props;
  }
}
