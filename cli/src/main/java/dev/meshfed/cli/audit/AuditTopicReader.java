package dev.meshfed.cli.audit;

import dev.meshfed.cli.kafka.WholeTopic;
import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads whole desired and discovered topics with provenance, as far as they reached when reading
 * began (read-committed), without a consumer group. Each discovered topic is read at most once.
 */
public final class AuditTopicReader {

  private final Properties kafka;
  private final Map<String, List<DiscoveredEntry>> discovered = new HashMap<>();

  public AuditTopicReader(Properties kafka) {
    this.kafka = kafka;
  }

  /** The cluster's desired topic; empty when it does not exist. */
  public Optional<List<DesiredEntry>> desired(String cluster) {
    return readAll(
        Topics.desired(cluster),
        (ConsumerRecord<DesiredKey, DesiredObject> r) -> {
          DesiredKey k = r.key();
          DesiredObject v = r.value();
          return new DesiredEntry(
              k.getApiVersion(),
              k.getKind(),
              k.getNamespace(),
              k.getName(),
              v == null ? null : v.getManifest(),
              v == null ? null : v.getWorkspace(),
              v == null ? List.of() : v.getSources().stream().map(AuditTopicReader::ref).toList(),
              r.timestamp(),
              r.offset());
        });
  }

  /** The cluster's discovered records (none when it has no topic), read once and remembered. */
  public List<DiscoveredEntry> discovered(String cluster) {
    return discovered.computeIfAbsent(
        cluster,
        c ->
            readAll(
                    Topics.discovered(c),
                    (ConsumerRecord<DiscoveryKey, DiscoveredObject> r) -> {
                      DiscoveryKey k = r.key();
                      DiscoveredObject v = r.value();
                      return new DiscoveredEntry(
                          k.getKind(),
                          k.getNamespace(),
                          k.getName(),
                          v == null ? null : v.getApiVersion(),
                          v == null ? null : v.getUid(),
                          v == null ? null : v.getGeneration(),
                          v == null,
                          r.timestamp(),
                          r.offset());
                    })
                .orElse(List.of()));
  }

  /** How many discovered topics were read. */
  public int discoveredTopicsRead() {
    return discovered.size();
  }

  private static Ref ref(ObjectRef r) {
    return new Ref(r.getCluster(), r.getKind(), r.getNamespace(), r.getName());
  }

  private <K, V, T> Optional<List<T>> readAll(
      TopicSpec<K, V> topic, Function<ConsumerRecord<K, V>, T> map) {
    return WholeTopic.read(kafka, topic, map).map(WholeTopic.Contents::records);
  }
}
