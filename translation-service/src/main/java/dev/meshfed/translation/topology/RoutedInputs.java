package dev.meshfed.translation.topology;

import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.translate.UnitId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The records of the routed-inputs topic: a discovered or apply-failures record as it was, keyed by
 * its topic and its key together (so that compaction keeps the latest per input of each cluster),
 * and sent to the partitions that read it. Its topic goes on with it as a header, where the
 * processors that read the cluster from the topic find it.
 */
final class RoutedInputs {

  /** The header naming the topic a routed record was first written to. */
  static final String SOURCE_TOPIC_HEADER = "meshfed.source-topic";

  private RoutedInputs() {}

  static byte[] key(String topic, byte[] key) {
    byte[] name = topic.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Integer.BYTES + name.length + key.length)
        .putInt(name.length)
        .put(name)
        .put(key)
        .array();
  }

  /** The topic and the original key of a routed key; empty if it is not one. */
  static Optional<Source> source(byte[] routedKey) {
    if (routedKey == null || routedKey.length < Integer.BYTES) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(routedKey);
    int length = buffer.getInt();
    if (length < 0 || length > buffer.remaining()) {
      return Optional.empty();
    }
    byte[] name = new byte[length];
    buffer.get(name);
    byte[] key = new byte[buffer.remaining()];
    buffer.get(key);
    return Optional.of(new Source(new String(name, StandardCharsets.UTF_8), key));
  }

  record Source(String topic, byte[] key) {}

  /**
   * The topic a record was first written to: its own if it was read from a discovered or
   * apply-failures topic (whatever headers its writer set: a cluster speaks only through its own
   * topics), else the header the routed-input reader set.
   */
  static Optional<String> topicOf(Headers headers, Optional<String> recordTopic) {
    if (recordTopic.filter(RoutedInputs::isInputTopic).isPresent()) {
      return recordTopic;
    }
    Header header = headers == null ? null : headers.lastHeader(SOURCE_TOPIC_HEADER);
    if (header != null && header.value() != null) {
      return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
    return recordTopic;
  }

  private static boolean isInputTopic(String topic) {
    return Topics.clusterOfDiscovered(topic).isPresent()
        || Topics.clusterOfApplyFailures(topic).isPresent();
  }

  /**
   * Every discovered record to every partition: each translation task holds all the inputs. An
   * apply report only to the partition owning the management cluster's status, the one unit that
   * reads them (the registrations live there): the other tasks would read every cluster's report
   * after every change for nothing.
   */
  static StreamPartitioner<byte[], byte[]> partitioner(String managementCluster) {
    return (topic, key, value, partitions) -> {
      boolean applyReport =
          source(key).map(s -> Topics.clusterOfApplyFailures(s.topic()).isPresent()).orElse(false);
      if (applyReport) {
        return Optional.of(
            Set.of(UnitOwnership.partitionOf(UnitId.status(managementCluster), partitions)));
      }
      return Optional.of(
          IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet()));
    };
  }
}
