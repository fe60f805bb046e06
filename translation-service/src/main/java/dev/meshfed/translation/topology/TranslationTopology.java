package dev.meshfed.translation.topology;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.AvroSerde;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.translation.records.StatusKey;
import dev.meshfed.translation.records.TargetedKey;
import dev.meshfed.translation.translate.TranslationSettings;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The translation topology, built without I/O: every cluster's discovered topic (by pattern), and
 * the apply-report processor's record of what the applied topics (by pattern) report failing → the
 * federation processor (inputs and per-unit results in state stores) → each target cluster's
 * desired topic, each cluster's status topic (the statuses of the inputs living there), and the
 * events topic.
 */
public final class TranslationTopology {

  /** The largest unit result its changelog takes: its producer must send as large records. */
  public static final String UNIT_RESULT_MAX_BYTES = String.valueOf(64 * 1024 * 1024);

  public static final String INPUTS_STORE = "inputs";
  public static final String UNITS_STORE = "units";
  public static final String APPLY_FAILURES_STORE = "apply-failures";
  static final String SOURCE = "discovered";
  static final String APPLIED_SOURCE = "applied";
  static final String APPLY_PROCESSOR = "apply-reports";
  static final String PROCESSOR = "federation";
  static final String DESIRED_SINK = "desired";
  static final String EVENTS_SINK = "events";
  static final String STATUS_SINK = "status";

  private TranslationTopology() {}

  public static Topology build(TranslationSettings settings) {
    return build(settings, RecomputeSchedule.UNITS_PER_BATCH, Stores::persistentKeyValueStore);
  }

  /**
   * With full recomputes handed out {@code unitsPerBatch} units at a time, and the state stores
   * {@code stores} supplies by name: tests take small batches and in-memory stores.
   */
  static Topology build(
      TranslationSettings settings,
      int unitsPerBatch,
      Function<String, KeyValueBytesStoreSupplier> stores) {
    TopicSpec<EventKey, FederationEvent> events = Topics.events();
    Topology topology = new Topology();
    topology.addSource(
        AutoOffsetReset.earliest(),
        SOURCE,
        new AvroSerde<>(DiscoveryKey.class),
        new AvroSerde<>(DiscoveredObject.class),
        Topics.DISCOVERED_PATTERN);
    topology.addSource(
        AutoOffsetReset.earliest(),
        APPLIED_SOURCE,
        new AvroSerde<>(EventKey.class),
        new AvroSerde<>(FederationEvent.class),
        Topics.APPLIED_PATTERN);
    topology.addProcessor(APPLY_PROCESSOR, ApplyReportProcessor::new, APPLIED_SOURCE);
    topology.addProcessor(
        PROCESSOR, () -> new FederationProcessor(settings, unitsPerBatch), SOURCE, APPLY_PROCESSOR);
    // the apply-report processor's; the federation processor restores the failures from it on start
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            stores.apply(APPLY_FAILURES_STORE), Serdes.String(), Serdes.String()),
        APPLY_PROCESSOR,
        PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            stores.apply(INPUTS_STORE), Serdes.String(), new AvroSerde<>(DiscoveredObject.class)),
        PROCESSOR);
    // a unit's stored result holds all its objects: a VirtualDestination's grows with the cube of
    // the clusters backing it (1.3 MB at 20), past Kafka's default 1 MB per record
    topology.addStateStore(
        Stores.keyValueStoreBuilder(stores.apply(UNITS_STORE), Serdes.String(), Serdes.String())
            .withLoggingEnabled(
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, UNIT_RESULT_MAX_BYTES)),
        PROCESSOR);
    topology.addSink(
        DESIRED_SINK,
        TranslationTopology::desiredTopic,
        desiredKeySerializer(),
        new AvroSerde<>(DesiredObject.class),
        PROCESSOR);
    topology.addSink(
        STATUS_SINK,
        TranslationTopology::statusTopic,
        statusKeySerializer(),
        new AvroSerde<>(InputStatus.class),
        PROCESSOR);
    topology.addSink(
        EVENTS_SINK,
        events.name(),
        events.keySerde().serializer(),
        events.valueSerde().serializer(),
        PROCESSOR);
    return topology;
  }

  private static String desiredTopic(
      TargetedKey key, DesiredObject value, RecordContext recordContext) {
    return Topics.desiredName(key.cluster());
  }

  private static String statusTopic(StatusKey key, InputStatus value, RecordContext context) {
    return Topics.statusName(key.cluster());
  }

  /** Writes only the input's key: the cluster it lives in is the topic's. */
  private static Serializer<StatusKey> statusKeySerializer() {
    Serializer<DiscoveryKey> keys = new AvroSerde<>(DiscoveryKey.class);
    return (topic, key) -> keys.serialize(topic, key.key());
  }

  /** Writes only the desired key: the target cluster is the topic's. */
  private static Serializer<TargetedKey> desiredKeySerializer() {
    Serializer<DesiredKey> keys = new AvroSerde<>(DesiredKey.class);
    return (topic, key) -> keys.serialize(topic, key.key());
  }
}
