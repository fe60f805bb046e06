package dev.meshfed.translation.topology;

import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * objects again. The federation processor reads the store for the clusters' statuses, and notices a
 * change by the store's {@link #VERSION_KEY}.
 */
final class ApplyReportProcessor implements Processor<EventKey, FederationEvent, Void, Void> {

  private static final Logger LOG = Logger.getLogger(ApplyReportProcessor.class);

  /** A key no cluster|object key can be: it counts changes to the store. */
  static final String VERSION_KEY = "\u0000version";

  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, String> failures;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.failures = context.getStateStore(TranslationTopology.APPLY_FAILURES_STORE);
  }

  @Override
  public void process(Record<EventKey, FederationEvent> record) {
    Optional<String> cluster =
        context.recordMetadata().flatMap(m -> Topics.clusterOfApplied(m.topic()));
    if (cluster.isEmpty() || record.value() == null) {
      return;
    }
    Object event = record.value().getEvent();
    if (event instanceof ApplyFailed failed) {
      failures.put(
          ApplyFailureCodec.key(cluster.get(), failed.getObject()),
          ApplyFailureCodec.value(failed));
      changed();
    } else if (event instanceof ClusterConverged) {
      if (clear(cluster.get()) > 0) {
        changed();
      }
    } else {
      LOG.debugf("Ignoring an event of %s: %s", cluster.get(), record.value().getMessage());
    }
  }

  private int clear(String cluster) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> range =
        failures.prefixScan(ApplyFailureCodec.clusterPrefix(cluster), new StringSerializer())) {
      range.forEachRemaining(entry -> keys.add(entry.key));
    }
    keys.forEach(failures::delete);
    return keys.size();
  }

  private void changed() {
    String version = failures.get(VERSION_KEY);
    failures.put(VERSION_KEY, String.valueOf(version == null ? 1 : Long.parseLong(version) + 1));
  }
}
