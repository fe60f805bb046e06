package dev.meshfed.translation.topology;

import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.ObjectId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps what each cluster's distribution-service reports it cannot write: an {@code ApplyFailed}
 * holds until the cluster's next {@code ClusterConverged}, which says it holds exactly its desired
 * objects again. Each failure, and each one a convergence clears (a {@code null} value), goes on to
 * the federation processor as an input change; the store is what it restores them from.
 */
final class ApplyReportProcessor
    implements Processor<EventKey, FederationEvent, ObjectId, ApplyFailureInput> {

  private static final Logger LOG = Logger.getLogger(ApplyReportProcessor.class);

  private ProcessorContext<ObjectId, ApplyFailureInput> context;
  private KeyValueStore<String, String> failures;

  /**
   * Clusters with failures in the store: every convergence of every cluster would otherwise open a
   * store iterator (which registers metrics each time) to find nothing.
   */
  private final Set<String> failing = new HashSet<>();

  @Override
  public void init(ProcessorContext<ObjectId, ApplyFailureInput> context) {
    this.context = context;
    this.failures = context.getStateStore(TranslationTopology.APPLY_FAILURES_STORE);
    // initialised again when its task is recycled to a standby and back
    failing.clear();
    try (KeyValueIterator<String, String> all = failures.all()) {
      all.forEachRemaining(
          entry -> ApplyFailureCodec.id(entry.key).ifPresent(id -> failing.add(id.cluster())));
    }
  }

  @Override
  public void process(Record<EventKey, FederationEvent> record) {
    Optional<String> cluster =
        RoutedInputs.topicOf(record.headers(), context.recordMetadata().map(m -> m.topic()))
            .flatMap(Topics::clusterOfApplyFailures);
    if (cluster.isEmpty() || record.value() == null) {
      return;
    }
    Object event = record.value().getEvent();
    if (event instanceof ApplyFailed failed) {
      String key = ApplyFailureCodec.key(cluster.get(), failed.getObject());
      String value = ApplyFailureCodec.value(failed);
      failures.put(key, value);
      failing.add(cluster.get());
      ApplyFailureInput input = ApplyFailureCodec.input(key, value).orElseThrow();
      context.forward(new Record<>(input.id(), input, record.timestamp()));
    } else if (event instanceof ClusterConverged) {
      for (String key : clear(cluster.get())) {
        ApplyFailureCodec.id(key)
            .ifPresent(id -> context.forward(new Record<>(id, null, record.timestamp())));
      }
    } else {
      LOG.debugf("Ignoring an event of %s: %s", cluster.get(), record.value().getMessage());
    }
  }

  /** Deletes a cluster's failures, and returns their keys. */
  private List<String> clear(String cluster) {
    if (!failing.remove(cluster)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> range =
        failures.prefixScan(ApplyFailureCodec.clusterPrefix(cluster), new StringSerializer())) {
      range.forEachRemaining(entry -> keys.add(entry.key));
    }
    keys.forEach(failures::delete);
    return keys;
  }
}
