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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The translation topology, built without I/O: every cluster's discovered topic (by pattern), and
 * the apply-report processor's record of what the apply-failures topics (by pattern) report failing
 * → the federation processor (inputs and per-unit results in state stores) → each target cluster's
 * desired topic, each cluster's status topic (the statuses of the inputs living there), and the
 * events topic. Partitioned, the discovered and apply-failures records reach the federation
 * processors of every partition through the routed-inputs topic, and each computes its share of the
 * units.
 */
public final class TranslationTopology {

  /** The largest unit result its changelog takes: its producer must send as large records. */
  public static final String UNIT_RESULT_MAX_BYTES = String.valueOf(64 * 1024 * 1024);

  public static final String INPUTS_STORE = "inputs";
  public static final String UNITS_STORE = "units";
  public static final String APPLY_FAILURES_STORE = "apply-failures";
  static final String SOURCE = "discovered";
  static final String APPLIED_SOURCE = "applied";
  static final String ROUTER = "router";
  static final String ROUTED_SINK = "routed";
  static final String ROUTED_SOURCE = "routed-inputs";
  static final String ROUTED_READER = "routed-reader";
  static final String APPLY_PROCESSOR = "apply-reports";
  static final String PROCESSOR = "federation";
  static final String DESIRED_SINK = "desired";
  static final String EVENTS_SINK = "events";
  static final String STATUS_SINK = "status";

  private TranslationTopology() {}

  public static Topology build(TranslationSettings settings) {
    return build(settings, 1, "unused");
  }

  /**
   * One partition: every discovered and apply-failures topic straight into one task. Several: a
   * routing task sends every input to every partition of the routed-inputs topic ({@link
   * #routedInputs(String, int)}), and the task of each partition computes the units it owns ({@link
   * UnitOwnership}).
   */
  public static Topology build(TranslationSettings settings, int partitions, String applicationId) {
    return build(
        settings,
        RecomputeSchedule.UNITS_PER_BATCH,
        Stores::persistentKeyValueStore,
        routedInputs(applicationId, partitions),
        task ->
            partitions == 1 ? UnitOwnership.ALL : new UnitOwnership(task.partition(), partitions));
  }

  /**
   * With full recomputes handed out {@code unitsPerBatch} units at a time, and the state stores
   * {@code stores} supplies by name: tests take small batches and in-memory stores.
   */
  static Topology build(
      TranslationSettings settings,
      int unitsPerBatch,
      Function<String, KeyValueBytesStoreSupplier> stores) {
    return build(
        settings, unitsPerBatch, stores, routedInputs("unused", 1), task -> UnitOwnership.ALL);
  }

  /** As above, with the units each task owns set apart: tests run one driver per partition. */
  static Topology build(
      TranslationSettings settings,
      int unitsPerBatch,
      Function<String, KeyValueBytesStoreSupplier> stores,
      TopicSpec<byte[], byte[]> routedInputs,
      Function<TaskId, UnitOwnership> ownership) {
    int partitions = routedInputs.partitions();
    Topology topology = new Topology();
    if (partitions == 1) {
      addDirectSources(topology);
    } else {
      addRouting(topology, routedInputs.name(), settings);
    }
    topology.addProcessor(
        APPLY_PROCESSOR,
        ApplyReportProcessor::new,
        partitions == 1 ? APPLIED_SOURCE : ROUTED_READER);
    topology.addProcessor(
        PROCESSOR,
        () -> new FederationProcessor(settings, unitsPerBatch, ownership),
        partitions == 1 ? SOURCE : ROUTED_READER,
        APPLY_PROCESSOR);
    addStores(topology, stores);
    addSinks(topology);
    return topology;
  }

  /**
   * The topic the routing task writes and the translation tasks read: internal to
   * translation-service, one partition per share of the units.
   */
  public static TopicSpec<byte[], byte[]> routedInputs(String applicationId, int partitions) {
    return new TopicSpec<>(
        Topics.translationRoutedInputsName(applicationId),
        Serdes.ByteArray(),
        Serdes.ByteArray(),
        partitions,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            // a tombstone must outlive any instance's absence, or its deletion is never seen
            TopicConfig.DELETE_RETENTION_MS_CONFIG,
            String.valueOf(Topics.AUDIT_WINDOW.toMillis()),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            UNIT_RESULT_MAX_BYTES),
        "translation-service");
  }

  private static void addDirectSources(Topology topology) {
    topology.addSource(
        AutoOffsetReset.earliest(),
        SOURCE,
        AvroSerde.of(DiscoveryKey.class),
        AvroSerde.of(DiscoveredObject.class),
        Topics.DISCOVERED_PATTERN);
    topology.addSource(
        AutoOffsetReset.earliest(),
        APPLIED_SOURCE,
        AvroSerde.of(EventKey.class),
        AvroSerde.of(FederationEvent.class),
        Topics.APPLY_FAILURES_PATTERN);
  }

  private static void addRouting(
      Topology topology, String routedTopic, TranslationSettings settings) {
    Deserializer<byte[]> bytes = new ByteArrayDeserializer();
    topology.addSource(AutoOffsetReset.earliest(), SOURCE, bytes, bytes, Topics.DISCOVERED_PATTERN);
    topology.addSource(
        AutoOffsetReset.earliest(), APPLIED_SOURCE, bytes, bytes, Topics.APPLY_FAILURES_PATTERN);
    topology.addProcessor(ROUTER, InputRouter::new, SOURCE, APPLIED_SOURCE);
    topology.addSink(
        ROUTED_SINK,
        routedTopic,
        new ByteArraySerializer(),
        new ByteArraySerializer(),
        RoutedInputs.partitioner(settings.managementCluster()),
        ROUTER);
    topology.addSource(AutoOffsetReset.earliest(), ROUTED_SOURCE, bytes, bytes, routedTopic);
    topology.addProcessor(ROUTED_READER, RoutedInputReader::new, ROUTED_SOURCE);
  }

  private static void addStores(
      Topology topology, Function<String, KeyValueBytesStoreSupplier> stores) {
    // the apply-report processor's; the federation processor restores the failures from it on start
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            stores.apply(APPLY_FAILURES_STORE), Serdes.String(), Serdes.String()),
        APPLY_PROCESSOR,
        PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            stores.apply(INPUTS_STORE), Serdes.String(), AvroSerde.of(DiscoveredObject.class)),
        PROCESSOR);
    // a unit's stored result holds all its objects: a VirtualDestination's grows with the cube of
    // the clusters backing it (1.3 MB at 20), past Kafka's default 1 MB per record
    topology.addStateStore(
        Stores.keyValueStoreBuilder(stores.apply(UNITS_STORE), Serdes.String(), Serdes.String())
            .withLoggingEnabled(
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, UNIT_RESULT_MAX_BYTES)),
        PROCESSOR);
  }

  private static void addSinks(Topology topology) {
    TopicSpec<EventKey, FederationEvent> events = Topics.events();
    topology.addSink(
        DESIRED_SINK,
        TranslationTopology::desiredTopic,
        desiredKeySerializer(),
        AvroSerde.of(DesiredObject.class),
        PROCESSOR);
    topology.addSink(
        STATUS_SINK,
        TranslationTopology::statusTopic,
        statusKeySerializer(),
        AvroSerde.of(InputStatus.class),
        PROCESSOR);
    topology.addSink(
        EVENTS_SINK,
        events.name(),
        events.keySerde().serializer(),
        events.valueSerde().serializer(),
        PROCESSOR);
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
    Serializer<DiscoveryKey> keys = AvroSerde.of(DiscoveryKey.class);
    return (topic, key) -> keys.serialize(topic, key.key());
  }

  /** Writes only the desired key: the target cluster is the topic's. */
  private static Serializer<TargetedKey> desiredKeySerializer() {
    Serializer<DesiredKey> keys = AvroSerde.of(DesiredKey.class);
    return (topic, key) -> keys.serialize(topic, key.key());
  }
}
