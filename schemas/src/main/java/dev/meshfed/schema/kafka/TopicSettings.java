package dev.meshfed.schema.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How meshfed creates a topic it finds missing: the replication factor and the minimum in-sync
 * replicas, each the broker's default ({@code default.replication.factor}, {@code
 * min.insync.replicas}) unless set. Every service reads them from {@code
 * meshfed.topics.replication-factor} and {@code meshfed.topics.min-insync-replicas}.
 */
public record TopicSettings(
    Optional<Short> replicationFactor, Optional<Integer> minInsyncReplicas) {

  /** What the broker would choose. */
  public static final TopicSettings BROKER_DEFAULTS =
      new TopicSettings(Optional.empty(), Optional.empty());

  public TopicSettings {
    replicationFactor.ifPresent(
        factor -> {
          if (factor < 1) {
            throw new IllegalArgumentException(
                "meshfed.topics.replication-factor must be at least 1, not " + factor);
          }
        });
    minInsyncReplicas.ifPresent(
        min -> {
          if (min < 1) {
            throw new IllegalArgumentException(
                "meshfed.topics.min-insync-replicas must be at least 1, not " + min);
          }
        });
  }

  NewTopic newTopic(TopicSpec<?, ?> spec) {
    Map<String, String> configs = new HashMap<>(spec.configs());
    minInsyncReplicas.ifPresent(min -> configs.put("min.insync.replicas", String.valueOf(min)));
    return new NewTopic(spec.name(), Optional.of(spec.partitions()), replicationFactor)
        .configs(configs);
  }
}
