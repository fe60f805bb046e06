package dev.meshfed.schema.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic described once: its name, its key and value serdes, the partitions and configuration
 * meshfed creates it with, and the one service that writes it.
 */
public record TopicSpec<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    Map<String, String> configs,
    String writer) {

  public NewTopic newTopic(TopicSettings settings) {
    return settings.newTopic(this);
  }
}
