package dev.meshfed.lab.bench;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.AvroSerde;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a change's time goes: a consumer of its own reads the workload clusters' discovered and
 * desired topics as the services do (committed records only) and stamps when each record becomes
 * readable. A change's time then splits into discovery (write → discovered record), translation (→
 * the last cluster's desired record) and distribution (→ applied in the last cluster).
 */
final class StageProbe implements AutoCloseable {

  /** When (System.nanoTime) a change started being written, was written, and was applied. */
  record Timing(long startNanos, long writtenNanos, long appliedNanos) {}

  /** The discovered kinds a timed change writes. */
  private static final Set<String> TIMED_KINDS =
      Set.of(DiscoveredKinds.SERVICE, DiscoveredKinds.VIRTUAL_DESTINATION);

  private final BenchSize size;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroSerde<DiscoveryKey> discoveryKeys = new AvroSerde<>(DiscoveryKey.class);
  private final AvroSerde<DesiredKey> desiredKeys = new AvroSerde<>(DesiredKey.class);
  private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
  private final Object newArrivals = new Object();
  private final Thread thread;
  private volatile boolean stopped;

  StageProbe(String bootstrapServers, BenchSize size) {
    this.size = size;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String cluster : size.workloadClusters()) {
      partitions.add(new TopicPartition(Topics.discovered(cluster).name(), 0));
      partitions.add(new TopicPartition(Topics.desiredName(cluster), 0));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve "end" now, before any change is made
    this.thread = new Thread(this::run, "meshfed-bench-stages");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The stages of a change, in microseconds and {@link Propagation#STAGES} order; empty if a
   * stage's record was not read by {@code deadlineNanos}.
   */
  Optional<List<Long>> stagesMicros(BenchChange change, Timing timing, long deadlineNanos)
      throws InterruptedException {
    String discovered =
        discoveredKey(
            change.cluster(),
            change.discoveredKind(),
            change.namespace(size),
            change.serviceName());
    String entry = change.entryName(size);
    synchronized (newArrivals) {
      while (true) {
        Optional<List<Long>> stages = stagesRead(discovered, entry, timing);
        long remaining = deadlineNanos - System.nanoTime();
        if (stages.isPresent() || remaining <= 0) {
          return stages;
        }
        newArrivals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
      }
    }
  }

  /** The watch may see the change before the write's answer arrives: that stage is then 0. */
  private Optional<List<Long>> stagesRead(String discovered, String entry, Timing timing) {
    OptionalLong read = firstAfter(discovered, timing.startNanos());
    if (read.isEmpty()) {
      return Optional.empty();
    }
    long discoveredAt = read.getAsLong();
    return lastDesired(entry, discoveredAt)
        .map(
            desiredAt ->
                List.of(
                    micros(timing.writtenNanos() - timing.startNanos()),
                    micros(Math.max(0, discoveredAt - timing.writtenNanos())),
                    micros(desiredAt - discoveredAt),
                    micros(Math.max(0, timing.appliedNanos() - desiredAt))));
  }

  private Optional<Long> lastDesired(String entry, long notBefore) {
    long last = notBefore;
    for (String cluster : size.workloadClusters()) {
      OptionalLong arrived = firstAfter(desiredKey(cluster, entry), notBefore);
      if (arrived.isEmpty()) {
        return Optional.empty();
      }
      last = Math.max(last, arrived.getAsLong());
    }
    return Optional.of(last);
  }

  private OptionalLong firstAfter(String key, long notBefore) {
    return arrivals.getOrDefault(key, List.of()).stream()
        .mapToLong(Long::longValue)
        .filter(nanos -> nanos >= notBefore)
        .min();
  }

  private void run() {
    try (consumer) {
      while (!stopped) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          long now = System.nanoTime();
          keyOf(record)
              .ifPresent(
                  key -> arrivals.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(now));
        }
        synchronized (newArrivals) {
          newArrivals.notifyAll();
        }
      }
    } catch (WakeupException e) {
      if (!stopped) {
        throw e;
      }
    }
  }

  private Optional<String> keyOf(ConsumerRecord<byte[], byte[]> record) {
    Optional<String> discoveredIn = Topics.clusterOfDiscovered(record.topic());
    if (discoveredIn.isPresent()) {
      DiscoveryKey key = discoveryKeys.deserialize(record.topic(), record.key());
      return TIMED_KINDS.contains(key.getKind())
          ? Optional.of(
              discoveredKey(discoveredIn.get(), key.getKind(), key.getNamespace(), key.getName()))
          : Optional.empty();
    }
    DesiredKey key = desiredKeys.deserialize(record.topic(), record.key());
    String cluster = record.topic().substring(Topics.DESIRED_PREFIX.length());
    return "ServiceEntry".equals(key.getKind())
        ? Optional.of(desiredKey(cluster, key.getName()))
        : Optional.empty();
  }

  private static String discoveredKey(String cluster, String kind, String namespace, String name) {
    return "discovered|" + cluster + "|" + kind + "|" + namespace + "|" + name;
  }

  private static String desiredKey(String cluster, String entry) {
    return "desired|" + cluster + "|" + entry;
  }

  private static long micros(long nanos) {
    return nanos / 1_000;
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    consumer.wakeup();
    thread.join(10_000);
  }
}
