package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.ClusterJoined;
import dev.meshfed.schema.events.ClusterLeft;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.HostWithdrawn;
import dev.meshfed.schema.events.RecomputeFinished;
import dev.meshfed.schema.events.RecomputeStarted;
import dev.meshfed.schema.events.TranslationBehind;
import dev.meshfed.schema.events.TranslationCaughtUp;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.translation.translate.TranslationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationTopologyTest {

  /** What federates cluster1's reviews into cluster2 in the bookinfo mesh these tests load. */
  static final DesiredKey REVIEWS_IN_CLUSTER2 =
      new DesiredKey(
          "networking.istio.io/v1",
          "ServiceEntry",
          "istio-system",
          "reviews-bookinfo-svc-cluster1-global");

  @TempDir Path stateDir;

  /** Past any due full recompute, however long the one before took. */
  private static final Duration RECOMPUTE_DUE = Duration.ofMinutes(1);

  private TopologyTestDriver driver;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "translation-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(TranslationTopology.build(TranslationSettings.DEFAULTS), props);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void federatesAServiceIntoTheOtherClusterOfItsWorkspace() {
    loadBookinfo();

    Map<DesiredKey, DesiredObject> cluster2 = desired("cluster2").readKeyValuesToMap();

    assertThat(cluster2).containsKey(REVIEWS_IN_CLUSTER2);
    assertThat(cluster2.get(REVIEWS_IN_CLUSTER2).getManifest())
        .contains("\"address\":\"172.18.1.10\"")
        .contains("\"app.kubernetes.io/managed-by\":\"meshfed\"");
    assertThat(cluster2.get(REVIEWS_IN_CLUSTER2).getSources())
        .anySatisfy(ref -> assertThat(ref.getName()).isEqualTo("reviews"));
    assertThat(desired("cluster1").readKeyValuesToMap().keySet())
        .extracting(DesiredKey::getKind, DesiredKey::getName)
        .contains(
            tuple("Gateway", "meshfed-eastwest-global"),
            tuple("ServiceEntry", "reviews-bookinfo-svc-cluster1-global"));
  }

  @Test
  void countsTheInputsChangedAndTheUnitsRecomputedAsStreamsMetrics() {
    double before = metric("units-recomputed-total");
    loadBookinfo();
    double recomputed = metric("units-recomputed-total") - before;

    assertThat(metric("inputs-changed-total")).isEqualTo(15.0);
    assertThat(recomputed).isPositive();

    put("cluster1", Discovered.service("bookinfo", "reviews", 9090));

    assertThat(metric("inputs-changed-total")).isEqualTo(16.0);
    assertThat(metric("units-recomputed-total")).isGreaterThan(before + recomputed);
    assertThat(hasMetric("units-failed-total")).as("translations that threw are counted").isTrue();
    assertThat(metric("units-failed-total")).isZero();
  }

  @Test
  void statusesGoToTheTopicOfTheClusterTheInputLivesInAndFollowTheCounts() {
    loadBookinfo();

    Map<DiscoveryKey, InputStatus> mgmt = statuses("mgmt").readKeyValuesToMap();
    InputStatus workspace = mgmt.get(new DiscoveryKey("Workspace", "gloo-mesh", "bookinfo"));
    assertThat(workspace.getState()).isEqualTo(InputState.ACCEPTED);
    assertThat(workspace.getStatus()).contains("\"federatedServices\":2");
    assertThat(statuses("cluster1").readKeyValuesToMap())
        .containsKey(new DiscoveryKey("WorkspaceSettings", "bookinfo", "settings"));

    pipe("cluster1", new DiscoveryKey("Service", "bookinfo", "reviews"), null);

    assertThat(statuses("mgmt").readValuesToList())
        .extracting(InputStatus::getStatus)
        .anySatisfy(status -> assertThat(status).contains("\"federatedServices\":1"));
  }

  @Test
  void aClustersApplyFailuresFailItsRegistrationUntilItConverges() {
    loadBookinfo();
    put("mgmt", Discovered.registration("cluster2"));
    DiscoveryKey registration = new DiscoveryKey("KubernetesCluster", "gloo-mesh", "cluster2");
    assertThat(statuses("mgmt").readKeyValuesToMap().get(registration).getState())
        .isEqualTo(InputState.ACCEPTED);

    applyFailures("cluster2")
        .pipeInput(
            new EventKey("ServiceEntry/istio-system/reviews"),
            new FederationEvent(
                "failed",
                new ApplyFailed(
                    REVIEWS_IN_CLUSTER2,
                    ApplyAction.APPLY,
                    1,
                    "admission webhook denied it",
                    null)));
    driver.advanceWallClockTime(RECOMPUTE_DUE);

    InputStatus failed = statuses("mgmt").readKeyValuesToMap().get(registration);
    assertThat(failed.getState()).isEqualTo(InputState.FAILED);
    assertThat(failed.getMessage()).contains("admission webhook denied it");
    assertThat(failed.getStatus()).contains("\"applyFailures\":1");

    applyFailures("cluster2")
        .pipeInput(
            new EventKey("cluster2"),
            new FederationEvent("converged", new ClusterConverged(3, 3L, 0L, 0L, 7L, 0)));
    driver.advanceWallClockTime(RECOMPUTE_DUE);

    assertThat(statuses("mgmt").readKeyValuesToMap().get(registration).getState())
        .isEqualTo(InputState.ACCEPTED);
  }

  @Test
  void whenAConflictsWinnerGoesTheOtherServiceKeepsTheObjectsItTakesOver() {
    put("mgmt", Discovered.agent());
    put("mgmt", Discovered.workspace("shop-a", "bookinfo-v2", "cluster1", "cluster2"));
    put("mgmt", Discovered.workspace("shop-b", "v2", "cluster1", "cluster2"));
    cluster("cluster1", "1.24.2", "172.18.1.10");
    cluster("cluster2", "1.24.2", "172.18.2.10");
    for (String cluster : List.of("cluster1", "cluster2")) {
      put(cluster, Discovered.namespace("bookinfo-v2"));
      put(cluster, Discovered.namespace("v2"));
    }
    put("cluster1", Discovered.federationSettings("bookinfo-v2"));
    put("cluster1", Discovered.federationSettings("v2"));
    // the winner sorts after the other, so its unit is recomputed last
    put("cluster1", created(Discovered.service("v2", "reviews-bookinfo", 9080), "2026-01-01"));
    put("cluster1", created(Discovered.service("bookinfo-v2", "reviews", 9080), "2026-02-01"));
    DesiredKey entry =
        new DesiredKey(
            "networking.istio.io/v1",
            "ServiceEntry",
            "istio-system",
            "reviews-bookinfo-v2-svc-cluster1-global");
    assertThat(desired("cluster2").readKeyValuesToMap().get(entry).getManifest())
        .contains("reviews-bookinfo.v2.svc.cluster1.global");

    pipe("cluster1", new DiscoveryKey("Service", "v2", "reviews-bookinfo"), null);

    Map<DesiredKey, DesiredObject> after = desired("cluster2").readKeyValuesToMap();
    assertThat(after.get(entry)).isNotNull();
    assertThat(after.get(entry).getManifest()).contains("reviews.bookinfo-v2.svc.cluster1.global");
  }

  private static Discovered.Entry created(Discovered.Entry entry, String day) {
    return new Discovered.Entry(
        entry.key(),
        DiscoveredObject.newBuilder(entry.value())
            .setCreationTimestamp(day + "T00:00:00Z")
            .build());
  }

  @Test
  void aDeletedServiceIsTombstonedAndWithdrawn() {
    loadBookinfo();
    desired("cluster2").readKeyValuesToList();
    TestOutputTopic<EventKey, FederationEvent> events = events();
    events.readKeyValuesToList();

    pipe("cluster1", new DiscoveryKey("Service", "bookinfo", "reviews"), null);

    assertThat(desired("cluster2").readKeyValuesToList())
        .containsExactly(KeyValue.pair(REVIEWS_IN_CLUSTER2, null));
    assertThat(events.readValuesToList())
        .extracting(FederationEvent::getEvent)
        .hasOnlyElementsOfType(HostWithdrawn.class)
        .extracting(e -> ((HostWithdrawn) e).getTargetCluster())
        .containsExactlyInAnyOrder("cluster1", "cluster2");
  }

  @Test
  void aClusterJoinsWithItsFirstAgentRecordAndLeavesWithItsTombstone() {
    TestOutputTopic<EventKey, FederationEvent> events = events();

    put("cluster1", Discovered.agent());
    put("cluster1", Discovered.agent());
    pipe("cluster1", Discovered.agent().key(), null);

    assertThat(events.readKeyValuesToList())
        .filteredOn(kv -> !kv.key.getSubject().equals("translation"))
        .extracting(kv -> kv.key.getSubject(), kv -> kv.value.getEvent().getClass())
        .containsExactly(
            tuple("cluster1", ClusterJoined.class), tuple("cluster1", ClusterLeft.class));
  }

  @Test
  void aFullRecomputeIsAnnouncedWhenItStartsAndWhenItsLastUnitIsWritten() {
    List<Object> progress =
        translationEventsOfLoadingBookinfo().stream()
            .filter(e -> e instanceof RecomputeStarted || e instanceof RecomputeFinished)
            .toList();
    assertThat(progress).isNotEmpty().first().isInstanceOf(RecomputeStarted.class);
    assertThat(progress).last().isInstanceOf(RecomputeFinished.class);
    // one that a membership change restarts is announced again, and finishes once
    RecomputeStarted started = null;
    for (Object event : progress) {
      if (event instanceof RecomputeFinished finished) {
        assertThat(started).as("the one it finishes was announced").isNotNull();
        assertThat(finished.getUnits()).isEqualTo(started.getUnits());
        started = null;
      } else {
        started = (RecomputeStarted) event;
      }
    }
    assertThat(((RecomputeFinished) progress.get(progress.size() - 1)).getUnits())
        .as("the last one: the membership, statuses, gateways and both services")
        .isGreaterThan(4);
  }

  @Test
  void translationIsBehindFromTheFirstInputUntilItsFullRecomputeIsWritten() {
    List<Object> progress = translationEventsOfLoadingBookinfo();
    assertThat(progress).first().isInstanceOf(TranslationBehind.class);
    assertThat(progress).last().isInstanceOf(TranslationCaughtUp.class);
    List<Object> backlog =
        progress.stream()
            .filter(e -> e instanceof TranslationBehind || e instanceof TranslationCaughtUp)
            .toList();
    for (int i = 0; i < backlog.size(); i++) {
      assertThat(backlog.get(i))
          .as("behind and caught up alternate")
          .isInstanceOf(i % 2 == 0 ? TranslationBehind.class : TranslationCaughtUp.class);
    }
    int lastStart = progress.lastIndexOf(lastOf(progress, RecomputeStarted.class));
    int lastBehind = progress.lastIndexOf(lastOf(progress, TranslationBehind.class));
    assertThat(lastBehind).as("behind before the recompute starts").isLessThan(lastStart);
  }

  /** The events of subject {@code translation} that loading bookinfo brings, in order. */
  private List<Object> translationEventsOfLoadingBookinfo() {
    TestOutputTopic<EventKey, FederationEvent> events = events();
    loadBookinfo();
    return events.readKeyValuesToList().stream()
        .filter(kv -> kv.key.getSubject().equals("translation"))
        .<Object>map(kv -> kv.value.getEvent())
        .toList();
  }

  private static Object lastOf(List<Object> events, Class<?> type) {
    return events.stream().filter(type::isInstance).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void eventsOfOneHostAreKeyedByItInTheOrderTheyHappened() {
    loadBookinfo();
    put("cluster1", Discovered.service("bookinfo", "reviews", 9090));
    pipe("cluster1", new DiscoveryKey("Service", "bookinfo", "reviews"), null);

    assertThat(events().readKeyValuesToList())
        .filteredOn(kv -> kv.key.getSubject().equals("reviews.bookinfo.svc.cluster1.global"))
        .extracting(kv -> kv.value.getEvent().getClass().getSimpleName())
        .containsExactly(
            "HostFederated",
            "HostFederated",
            "HostUpdated",
            "HostUpdated",
            "HostWithdrawn",
            "HostWithdrawn");
  }

  @Test
  void membershipChangesAndTheServiceChangesAfterThemAreTranslatedTogetherOnTheInterval() {
    loadBookinfo();
    TestOutputTopic<DesiredKey, DesiredObject> cluster2 = desired("cluster2");
    cluster2.readKeyValuesToList();

    Discovered.Entry namespace = Discovered.namespace("bookinfo");
    Discovered.Entry changed = Discovered.service("bookinfo", "reviews", 9090);
    discovered("cluster1").pipeInput(namespace.key(), namespace.value());
    discovered("cluster1").pipeInput(changed.key(), changed.value());
    assertThat(cluster2.readKeyValuesToList()).as("waiting for the interval").isEmpty();

    driver.advanceWallClockTime(RECOMPUTE_DUE);

    assertThat(cluster2.readKeyValuesToList())
        .singleElement()
        .satisfies(
            kv -> {
              assertThat(kv.key).isEqualTo(REVIEWS_IN_CLUSTER2);
              assertThat(kv.value.getManifest()).contains("\"number\":9090");
            });
  }

  @Test
  void aFullRecomputeLargerThanABatchGoesOnOverSeveralPunctuations() {
    loadBookinfo();
    int more = RecomputeSchedule.UNITS_PER_BATCH + 50;
    for (int i = 0; i < more; i++) {
      put("cluster1", Discovered.service("bookinfo", "svc-" + i, 9080));
    }
    TestOutputTopic<DesiredKey, DesiredObject> cluster2 = desired("cluster2");
    int held = cluster2.readKeyValuesToMap().size();
    assertThat(held).isGreaterThan(more);

    // cluster2 leaves the workspace: everything it held is withdrawn
    Discovered.Entry withoutCluster2 = Discovered.workspace("bookinfo", "bookinfo", "cluster1");
    discovered("mgmt").pipeInput(withoutCluster2.key(), withoutCluster2.value());
    driver.advanceWallClockTime(RECOMPUTE_DUE);
    List<KeyValue<DesiredKey, DesiredObject>> first = cluster2.readKeyValuesToList();
    driver.advanceWallClockTime(RECOMPUTE_DUE);
    List<KeyValue<DesiredKey, DesiredObject>> second = cluster2.readKeyValuesToList();

    assertThat(first).isNotEmpty().hasSizeLessThan(held);
    assertThat(first.size() + second.size()).isEqualTo(held);
    assertThat(first).allMatch(kv -> kv.value == null);
    assertThat(second).allMatch(kv -> kv.value == null);
  }

  private boolean hasMetric(String name) {
    return driver.metrics().keySet().stream()
        .anyMatch(m -> m.group().equals("stream-meshfed-metrics") && m.name().equals(name));
  }

  private double metric(String name) {
    return driver.metrics().values().stream()
        .filter(m -> m.metricName().group().equals("stream-meshfed-metrics"))
        .filter(m -> m.metricName().name().equals(name))
        .mapToDouble(m -> (Double) m.metricValue())
        .sum();
  }

  private void loadBookinfo() {
    put("mgmt", Discovered.agent());
    put("mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));
    cluster("cluster1", "1.11.7", "172.18.1.10");
    cluster("cluster2", "1.24.2", "172.18.2.10");
    put("cluster1", Discovered.federationSettings("bookinfo"));
    put("cluster1", Discovered.service("bookinfo", "reviews", 9080));
    put("cluster2", Discovered.service("bookinfo", "ratings", 9080));
  }

  private void cluster(String name, String istioVersion, String gatewayAddress) {
    put(name, Discovered.agent());
    put(name, Discovered.namespace("bookinfo"));
    put(name, Discovered.namespace("istio-system"));
    put(name, Discovered.istiod(istioVersion));
    put(name, Discovered.eastWestGateway(gatewayAddress));
  }

  private void put(String cluster, Discovered.Entry entry) {
    pipe(cluster, entry.key(), entry.value());
  }

  /** One input, then as much wall-clock time as a due full recompute waits. */
  private void pipe(String cluster, DiscoveryKey key, DiscoveredObject value) {
    discovered(cluster).pipeInput(key, value);
    driver.advanceWallClockTime(RECOMPUTE_DUE);
  }

  private TestInputTopic<DiscoveryKey, DiscoveredObject> discovered(String cluster) {
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private TestOutputTopic<DesiredKey, DesiredObject> desired(String cluster) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  private TestOutputTopic<DiscoveryKey, InputStatus> statuses(String cluster) {
    TopicSpec<DiscoveryKey, InputStatus> topic = Topics.status(cluster);
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  private TestInputTopic<EventKey, FederationEvent> applyFailures(String cluster) {
    TopicSpec<EventKey, FederationEvent> topic = Topics.applyFailures(cluster);
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private TestOutputTopic<EventKey, FederationEvent> events() {
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }
}
