package dev.meshfed.translation.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The records of the routed-inputs topic: a discovered or applied record as it was, keyed by its
 * topic and its key together (so that compaction keeps the latest per input of each cluster), and
 * sent to every partition. Its topic goes on with it as a header, where the processors that read
 * the cluster from the topic find it.
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

  /** The topic a record was first written to: its header's if it was routed, else its own. */
  static Optional<String> topicOf(Headers headers, Optional<String> recordTopic) {
    Header header = headers == null ? null : headers.lastHeader(SOURCE_TOPIC_HEADER);
    if (header != null && header.value() != null) {
      return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
    return recordTopic;
  }

  /** Every record to every partition: each translation task holds all the inputs. */
  static StreamPartitioner<byte[], byte[]> toEveryPartition() {
    return (topic, key, value, partitions) ->
        Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet()));
  }
}
