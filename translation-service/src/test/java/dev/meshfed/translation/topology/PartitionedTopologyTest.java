package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterJoined;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.RecomputeFinished;
import dev.meshfed.schema.events.RecomputeStarted;
import dev.meshfed.schema.events.TranslationCaughtUp;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.translation.translate.TranslationSettings;
import dev.meshfed.translation.translate.UnitId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partitioned topology, one driver per partition, each fed every record as the routing stage
 * sends them all: what only one writer may say is said once, and each partition's progress is its
 * own. (That they write together what one full translation does: {@link AnyRecordOrderTest}.)
 */
class PartitionedTopologyTest {

  private static final int PARTITIONS = 2;
  private static final String APP = "partitioned-test";

  @TempDir Path stateDir;
  private final List<TopologyTestDriver> drivers = new ArrayList<>();

  @BeforeEach
  void start() {
    for (int partition = 0; partition < PARTITIONS; partition++) {
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("p" + partition).toString());
      int owned = partition;
      drivers.add(
          new TopologyTestDriver(
              TranslationTopology.build(
                  TranslationSettings.DEFAULTS,
                  RecomputeSchedule.UNITS_PER_BATCH,
                  Stores::inMemoryKeyValueStore,
                  TranslationTopology.routedInputs(APP, PARTITIONS),
                  task -> new UnitOwnership(owned, PARTITIONS)),
              props));
    }
  }

  @AfterEach
  void stop() {
    drivers.forEach(TopologyTestDriver::close);
  }

  @Test
  void aClusterJoinsOnceAndEachPartitionAnnouncesItsOwnRecompute() {
    loadBookinfo();

    List<List<KeyValue<EventKey, FederationEvent>>> events =
        drivers.stream().map(this::events).toList();
    int membershipOwner = UnitOwnership.partitionOf(UnitId.MEMBERSHIP, PARTITIONS);
    for (int partition = 0; partition < PARTITIONS; partition++) {
      List<String> joined =
          events.get(partition).stream()
              .filter(kv -> kv.value.getEvent() instanceof ClusterJoined)
              .map(kv -> kv.key.getSubject())
              .toList();
      if (partition == membershipOwner) {
        assertThat(joined).containsExactlyInAnyOrder("mgmt", "cluster1", "cluster2");
      } else {
        assertThat(joined).as("partition %d announces no cluster", partition).isEmpty();
      }
      String subject = "translation/" + partition;
      assertThat(events.get(partition))
          .filteredOn(kv -> kv.key.getSubject().startsWith("translation"))
          .isNotEmpty()
          .allSatisfy(kv -> assertThat(kv.key.getSubject()).isEqualTo(subject))
          .last()
          .satisfies(kv -> assertThat(kv.value.getEvent()).isInstanceOf(TranslationCaughtUp.class));
      assertThat(events.get(partition))
          .filteredOn(kv -> kv.key.getSubject().equals(subject))
          .filteredOn(
              kv ->
                  kv.value.getEvent() instanceof RecomputeStarted
                      || kv.value.getEvent() instanceof RecomputeFinished)
          .last()
          .satisfies(kv -> assertThat(kv.value.getEvent()).isInstanceOf(RecomputeFinished.class));
    }
  }

  @Test
  void anApplyFailureReachesThePartitionOwningTheManagementClustersStatus() {
    loadBookinfo();
    all(driver -> pipe(driver, "mgmt", Discovered.registration("cluster2")));
    DiscoveryKey registration = new DiscoveryKey("KubernetesCluster", "gloo-mesh", "cluster2");
    int owner = UnitOwnership.partitionOf(UnitId.status("mgmt"), PARTITIONS);
    assertThat(statuses(owner).get(registration).getState()).isEqualTo(InputState.ACCEPTED);

    all(
        driver -> {
          TopicSpec<EventKey, FederationEvent> topic = Topics.applyFailures("cluster2");
          driver
              .createInputTopic(
                  topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
              .pipeInput(
                  new EventKey("ServiceEntry/istio-system/reviews"),
                  new FederationEvent(
                      "failed",
                      new ApplyFailed(
                          TranslationTopologyTest.REVIEWS_IN_CLUSTER2,
                          ApplyAction.APPLY,
                          1,
                          "admission webhook denied it",
                          null)));
          driver.advanceWallClockTime(Duration.ofMinutes(1));
        });

    assertThat(statuses(owner).get(registration).getState()).isEqualTo(InputState.FAILED);
    assertThat(statuses(1 - owner)).as("the other partition writes no status of it").isEmpty();
  }

  @Test
  void aRoutedRecordThatDoesNotDecodeIsSkippedAndTheNextOnesGoOn() {
    for (TopologyTestDriver driver : drivers) {
      driver
          .createInputTopic(
              TranslationTopology.routedInputs(APP, PARTITIONS).name(),
              new ByteArraySerializer(),
              new ByteArraySerializer())
          .pipeInput(new byte[] {0, 0, 0, 9, 1}, new byte[] {1, 2, 3});
      driver
          .createInputTopic(
              TranslationTopology.routedInputs(APP, PARTITIONS).name(),
              new ByteArraySerializer(),
              new ByteArraySerializer())
          .pipeInput(
              RoutedInputs.key(Topics.discovered("cluster1").name(), new byte[] {7}),
              new byte[] {1, 2, 3});
    }

    loadBookinfo();

    assertThat(desired(0).size() + desired(1).size()).isPositive();
  }

  private void loadBookinfo() {
    all(
        driver -> {
          pipe(driver, "mgmt", Discovered.agent());
          pipe(
              driver, "mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));
          for (String cluster : List.of("cluster1", "cluster2")) {
            pipe(driver, cluster, Discovered.agent());
            pipe(driver, cluster, Discovered.namespace("bookinfo"));
            pipe(driver, cluster, Discovered.namespace("istio-system"));
            pipe(driver, cluster, Discovered.istiod("1.24.2"));
            pipe(
                driver,
                cluster,
                Discovered.eastWestGateway(
                    cluster.equals("cluster1") ? "172.18.1.10" : "172.18.2.10"));
          }
          pipe(driver, "cluster1", Discovered.federationSettings("bookinfo"));
          pipe(driver, "cluster1", Discovered.service("bookinfo", "reviews", 9080));
        });
  }

  private void all(java.util.function.Consumer<TopologyTestDriver> step) {
    drivers.forEach(step);
  }

  private static void pipe(TopologyTestDriver driver, String cluster, Discovered.Entry entry) {
    TopicSpec<DiscoveryKey, dev.meshfed.schema.discovery.DiscoveredObject> topic =
        Topics.discovered(cluster);
    driver
        .createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
        .pipeInput(entry.key(), entry.value());
    driver.advanceWallClockTime(Duration.ofMinutes(1));
  }

  private List<KeyValue<EventKey, FederationEvent>> events(TopologyTestDriver driver) {
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToList();
  }

  private Map<DiscoveryKey, InputStatus> statuses(int partition) {
    TopicSpec<DiscoveryKey, InputStatus> topic = Topics.status("mgmt");
    return drivers
        .get(partition)
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToMap();
  }

  private Map<DesiredKey, ?> desired(int partition) {
    TopicSpec<DesiredKey, ?> topic = Topics.desired("cluster2");
    return drivers
        .get(partition)
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToMap();
  }
}
