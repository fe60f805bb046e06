package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.records.InputConverter;
import dev.meshfed.translation.records.Recomputation;
import dev.meshfed.translation.records.RecordFactory;
import dev.meshfed.translation.records.StatusKey;
import dev.meshfed.translation.records.WireFormat;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.GoldenCase;
import dev.meshfed.translation.translate.TranslationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The topology's incremental translation against one full translation: any golden case, fed record
 * by record in a random order, with deletes, re-creates, stale values and extra objects, and with
 * the wall clock moving by random steps in between, ends in exactly the desired records and
 * statuses of one full translation of the inputs it ends with (the case's, less a few objects
 * deleted for good).
 */
class AnyRecordOrderTest {

  private static final Path CASES = Path.of("..", "translation-core").resolve(GoldenCase.CASES);

  /**
   * Per case; {@code -DanyRecordOrder.seeds=N} runs more, {@code -DanyRecordOrder.seed=S} only S.
   */
  private static final int SEEDS_PER_CASE = Integer.getInteger("anyRecordOrder.seeds", 5);

  /** The first seeds of a case run split among partitions as well. */
  private static final int PARTITIONED_SEEDS_PER_CASE = 2;

  /** Full recomputes over many punctuations as well as in one. */
  private static final int[] BATCH_SIZES = {1, 3, RecomputeSchedule.UNITS_PER_BATCH};

  /**
   * Between records: mostly none (records in a burst), sometimes past each of the schedule's waits.
   */
  private static final long[] CLOCK_STEPS_MS = {0, 0, 0, 10, 60, 60, 1_100, 6_000};

  /** Past every wait of the schedule: each step runs the next batch or the due statuses. */
  private static final Duration SETTLE_STEP = Duration.ofMinutes(1);

  @TempDir Path stateDir;

  static Stream<Arguments> casesAndSeeds() throws IOException {
    List<Arguments> runs = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        seeds().forEach(seed -> runs.add(Arguments.of(dir.getFileName().toString(), seed)));
      }
    }
    return runs.stream();
  }

  static Stream<Arguments> casesAndFirstSeeds() throws IOException {
    List<Arguments> all = casesAndSeeds().toList();
    return all.stream()
        .filter(run -> (long) run.get()[1] <= PARTITIONED_SEEDS_PER_CASE || seeds().count() == 1);
  }

  private static LongStream seeds() {
    Long only = Long.getLong("anyRecordOrder.seed");
    return only != null ? LongStream.of(only) : LongStream.rangeClosed(1, SEEDS_PER_CASE);
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("casesAndSeeds")
  void endsInTheOutputOfOneFullTranslation(String name, long seed) throws IOException {
    run(name, seed, 1);
  }

  /**
   * Split two or three ways, each partition's driver fed every record as the routing stage sends
   * them all: together they write what one full translation does, each record from one partition.
   */
  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("casesAndFirstSeeds")
  void splitAmongPartitionsEndsInTheOutputOfOneFullTranslation(String name, long seed)
      throws IOException {
    run(name, seed, 2 + (int) (seed % 2));
  }

  private void run(String name, long seed, int partitions) throws IOException {
    GoldenCase golden = GoldenCase.load(CASES.resolve(name).resolve("input.yaml"));
    Map<String, Map<DiscoveryKey, DiscoveredObject>> snapshot =
        WireFormat.snapshot(golden.inputs());
    Random random = new Random(seed);
    int unitsPerBatch = BATCH_SIZES[random.nextInt(BATCH_SIZES.length)];
    ShuffledRecords records = ShuffledRecords.of(snapshot, random);
    List<ShuffledRecords.Change> changes = records.changes();
    List<String> sent = new ArrayList<>();

    List<TopologyTestDriver> drivers = new ArrayList<>();
    try {
      for (int partition = 0; partition < partitions; partition++) {
        drivers.add(driver(golden.settings(), unitsPerBatch, partition, partitions));
      }
      for (ShuffledRecords.Change change : changes) {
        drivers.forEach(driver -> pipe(driver, change));
        long step = CLOCK_STEPS_MS[random.nextInt(CLOCK_STEPS_MS.length)];
        if (step == 0) {
          sent.add(change.toString());
        } else {
          drivers.forEach(driver -> driver.advanceWallClockTime(Duration.ofMillis(step)));
          sent.add(change + ", then " + step + " ms");
        }
      }
      for (int i = 0; i < settleSteps(changes, unitsPerBatch); i++) {
        drivers.forEach(driver -> driver.advanceWallClockTime(SETTLE_STEP));
      }

      String run =
          "case %s, seed %d, %d partitions, batches of %d units, records:%n  %s"
              .formatted(
                  name,
                  seed,
                  partitions,
                  unitsPerBatch,
                  String.join(System.lineSeparator() + "  ", sent));
      assertThat(
              differences(
                  published(drivers, Topics.DESIRED_PREFIX, Topics::desired),
                  desired(golden, records.result())))
          .as("desired records that differ from a full translation's, %s", run)
          .isEmpty();
      assertThat(
              differences(
                  published(drivers, Topics.STATUS_PREFIX, Topics::status),
                  statuses(golden, records.result())))
          .as("statuses that differ from a full translation's, %s", run)
          .isEmpty();
    } finally {
      drivers.forEach(TopologyTestDriver::close);
    }
  }

  private TopologyTestDriver driver(
      TranslationSettings settings, int unitsPerBatch, int partition, int partitions) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "any-record-order-test-" + partition);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("p" + partition).toString());
    // in memory: flushing RocksDB on every commit took three quarters of the time
    return new TopologyTestDriver(
        TranslationTopology.build(
            settings,
            unitsPerBatch,
            Stores::inMemoryKeyValueStore,
            TranslationTopology.routedInputs("any-record-order-test", partitions),
            task -> new UnitOwnership(partition, partitions)),
        props);
  }

  private static void pipe(TopologyTestDriver driver, ShuffledRecords.Change change) {
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(change.cluster());
    driver
        .createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
        .pipeInput(change.key(), change.value());
  }

  /**
   * Enough punctuations for a running full recompute to finish, the one due after it to run in
   * full, and the due statuses after that: a unit per object ever sent, and per cluster three.
   */
  private static int settleSteps(List<ShuffledRecords.Change> changes, int unitsPerBatch) {
    long objects = changes.stream().map(c -> c.cluster() + "/" + c.key()).distinct().count();
    long clusters = changes.stream().map(ShuffledRecords.Change::cluster).distinct().count();
    long units = 1 + objects + 3 * clusters;
    return (int) (2 * (units / unitsPerBatch + 1) + 1);
  }

  /**
   * Each cluster's topic of a kind as its reader sees it, the drivers' records together: the last
   * record per key, tombstones delete. A key that two drivers write is a failure of its own.
   */
  private static <K, V> SortedMap<String, Map<K, V>> published(
      List<TopologyTestDriver> drivers, String prefix, Function<String, TopicSpec<K, V>> topicOf) {
    SortedMap<String, Map<K, V>> published = new TreeMap<>();
    Map<String, Integer> writers = new HashMap<>();
    for (int partition = 0; partition < drivers.size(); partition++) {
      TopologyTestDriver driver = drivers.get(partition);
      for (String name : new TreeSet<>(driver.producedTopicNames())) {
        if (!name.startsWith(prefix)) {
          continue;
        }
        String cluster = name.substring(prefix.length());
        TopicSpec<K, V> topic = topicOf.apply(cluster);
        Deserializer<K> keys = topic.keySerde().deserializer();
        Deserializer<V> values = topic.valueSerde().deserializer();
        Map<K, V> state = published.computeIfAbsent(cluster, c -> new HashMap<>());
        for (KeyValue<K, V> record :
            driver.createOutputTopic(name, keys, values).readKeyValuesToList()) {
          Integer writer = writers.putIfAbsent(cluster + "/" + record.key, partition);
          assertThat(writer == null ? partition : writer)
              .as("the partition writing %s in %s", record.key, cluster)
              .isEqualTo(partition);
          if (record.value == null) {
            state.remove(record.key);
          } else {
            state.put(record.key, record.value);
          }
        }
      }
    }
    published.values().removeIf(Map::isEmpty);
    return published;
  }

  private static SortedMap<String, Map<DesiredKey, DesiredObject>> desired(
      GoldenCase golden, Map<String, Map<DiscoveryKey, DiscoveredObject>> snapshot) {
    return new TreeMap<>(Recomputation.of(snapshot).desired(golden.settings()));
  }

  /** The statuses of one full translation, by the cluster the input lives in. */
  private static SortedMap<String, Map<DiscoveryKey, InputStatus>> statuses(
      GoldenCase golden, Map<String, Map<DiscoveryKey, DiscoveredObject>> snapshot) {
    MeshInputs mesh = new MeshInputs();
    snapshot.forEach(
        (cluster, objects) ->
            objects.forEach(
                (key, value) ->
                    InputConverter.toInput(
                            new ObjectId(cluster, key.getKind(), key.getNamespace(), key.getName()),
                            value)
                        .ifPresent(mesh::put)));
    SortedMap<String, Map<DiscoveryKey, InputStatus>> statuses = new TreeMap<>();
    FederationTranslator.translateAll(mesh, golden.settings()).values().stream()
        .flatMap(result -> result.statuses().stream())
        .forEach(
            status -> {
              StatusKey key = RecordFactory.statusKey(status.input());
              statuses
                  .computeIfAbsent(key.cluster(), c -> new HashMap<>())
                  .put(key.key(), RecordFactory.status(status));
            });
    return statuses;
  }

  /** Per cluster and key, where the published state is not the expected one. */
  private static <K, V> List<String> differences(
      SortedMap<String, Map<K, V>> published, SortedMap<String, Map<K, V>> expected) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> clusters = new TreeSet<>(published.keySet());
    clusters.addAll(expected.keySet());
    for (String cluster : clusters) {
      Map<K, V> actual = published.getOrDefault(cluster, Map.of());
      Map<K, V> wanted = expected.getOrDefault(cluster, Map.of());
      wanted.forEach(
          (key, value) -> {
            if (!actual.containsKey(key)) {
              differences.add("%s: missing %s".formatted(cluster, key));
            } else if (!actual.get(key).equals(value)) {
              differences.add(
                  "%s: %s is%n    %s%n  not%n    %s"
                      .formatted(cluster, key, actual.get(key), value));
            }
          });
      actual.keySet().stream()
          .filter(key -> !wanted.containsKey(key))
          .forEach(key -> differences.add("%s: unexpected %s".formatted(cluster, key)));
    }
    return differences;
  }
}
