package dev.meshfed.discovery.sync;

import static dev.meshfed.discovery.sync.TestObjects.deployment;
import static dev.meshfed.discovery.sync.TestObjects.eastWestGateway;
import static dev.meshfed.discovery.sync.TestObjects.namespace;
import static dev.meshfed.discovery.sync.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.DiscoveryMapper;
import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.model.Write;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryServiceTest {

  private static final DiscoveryService.Options OPTIONS =
      new DiscoveryService.Options(
          "test",
          "run-2",
          Duration.ofSeconds(5),
          new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)));

  private static final DiscoveryService.Options DISCOVERY_ENABLED =
      new DiscoveryService.Options(
          OPTIONS.discoveryVersion(),
          OPTIONS.runId(),
          OPTIONS.syncTimeout(),
          OPTIONS.backoff(),
          NamespaceSelection.of("istio-discovery=enabled"));

  private final List<String> steps = new ArrayList<>();
  private final RecordingSink sink = new RecordingSink();
  private final FakeClusterWatch cluster = new FakeClusterWatch();
  private final Map<DiscoveryKey, DiscoveredObject> topic = new HashMap<>();
  private final Namespace bookinfo = namespace("bookinfo", Map.of("istio-injection", "enabled"));
  private final Service reviews = service("bookinfo", "reviews", 9080);
  private final Service ratings = service("bookinfo", "ratings", 9080);
  private Runnable whileTheTopicIsRead = () -> {};
  private DiscoveryService service;

  @AfterEach
  void close() {
    service.close();
  }

  @Test
  void aFirstStartPublishesEveryObjectThenTheAgentRecord() {
    cluster.upsert(Source.NAMESPACES, bookinfo);
    cluster.upsert(Source.SERVICES, reviews);

    start();

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sent())
        .containsExactlyInAnyOrder(
            record(Source.NAMESPACES, bookinfo), record(Source.SERVICES, reviews), agent());
    assertThat(sent().get(sent().size() - 1)).isEqualTo(agent());
    assertThat(steps).containsExactly("ensure topics", "read topic");
  }

  @Test
  void aRestartTombstonesWhatWasDeletedMeanwhileAndRepublishesNothingUnchanged() {
    putInTopic(Source.NAMESPACES, bookinfo);
    putInTopic(Source.SERVICES, reviews);
    putInTopic(Source.SERVICES, ratings);
    topic.put(AgentRecord.KEY, AgentRecord.of("test", "run-1", List.of(Source.values())).value());
    cluster.upsert(Source.NAMESPACES, bookinfo);
    cluster.upsert(Source.SERVICES, reviews);

    start();

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sent())
        .containsExactly(
            Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "ratings")), agent());
  }

  @Test
  void aRestartPublishesWhatChangedMeanwhile() {
    putInTopic(Source.SERVICES, reviews);
    Service changed = service("bookinfo", "reviews", 9090);
    cluster.upsert(Source.SERVICES, changed);

    start();

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sent()).containsExactly(record(Source.SERVICES, changed), agent());
  }

  @Test
  void publishesChangesAndDeletesAfterTheSync() {
    cluster.upsert(Source.SERVICES, reviews);
    start();
    Service changed = service("bookinfo", "reviews", 9090);

    cluster.upsert(Source.SERVICES, changed);
    cluster.delete(Source.SERVICES, changed);

    Write tombstone = Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews"));
    await().until(() -> sink.sent.contains(tombstone));
    assertThat(sent())
        .containsExactly(
            record(Source.SERVICES, reviews), agent(), record(Source.SERVICES, changed), tombstone);
  }

  @Test
  void theClusterIsListedWhileTheTopicIsReadAndWhatChangesMeanwhileIsPublishedOnce() {
    putInTopic(Source.SERVICES, reviews);
    cluster.upsert(Source.SERVICES, reviews);
    Service changed = service("bookinfo", "reviews", 9090);
    whileTheTopicIsRead =
        () -> {
          steps.add(cluster.started() ? "watch started" : "watch not started");
          cluster.upsert(Source.SERVICES, changed);
          cluster.upsert(Source.SERVICES, ratings);
        };

    start();

    await().until(() -> sink.sent.contains(agent()));
    assertThat(steps).containsExactly("ensure topics", "read topic", "watch started");
    assertThat(sent())
        .containsExactlyInAnyOrder(
            record(Source.SERVICES, changed), record(Source.SERVICES, ratings), agent());
  }

  @Test
  void aListingWithoutKubeSystemTombstonesNothingAndFailsTheStart() {
    putInTopic(Source.NAMESPACES, bookinfo);
    putInTopic(Source.SERVICES, reviews);
    cluster.delete(Source.NAMESPACES, namespace("kube-system", Map.of()));

    assertThatThrownBy(this::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("listed 0 namespaces and no kube-system");
    assertThat(sink.sent).noneMatch(Write::isTombstone).doesNotContain(agent());
  }

  @Test
  void closingStopsTheWatchAndClosesTheSink() {
    start();

    service.close();

    assertThat(cluster.closed).isTrue();
    assertThat(sink.closed).isTrue();
  }

  @Test
  void scalingADeploymentSendsNothing() {
    Deployment reviews = deployment("bookinfo", "reviews-v1");

    assertSendsNothing(
        reviews,
        new DeploymentBuilder(reviews)
            .editMetadata()
            .withResourceVersion("2")
            .withGeneration(2L)
            .endMetadata()
            .editSpec()
            .withReplicas(5)
            .endSpec()
            .build());
  }

  @Test
  void aDeploymentsStatusOnlyUpdateSendsNothing() {
    Deployment reviews = deployment("bookinfo", "reviews-v1");

    assertSendsNothing(
        reviews,
        new DeploymentBuilder(reviews)
            .editMetadata()
            .withResourceVersion("2")
            .endMetadata()
            .withNewStatus()
            .withReplicas(2)
            .withReadyReplicas(1)
            .withObservedGeneration(1L)
            .endStatus()
            .build());
  }

  /** What was sent, without the kube-system Namespace every cluster has. */
  private List<Write> sent() {
    Write kubeSystem = record(Source.NAMESPACES, namespace("kube-system", Map.of()));
    return sink.sent.stream().filter(write -> !write.equals(kubeSystem)).toList();
  }

  /**
   * Publishes {@code reviews}, then applies {@code update} and a template change after it: once the
   * template change is sent, the update was skipped, not merely still queued.
   */
  private void assertSendsNothing(Deployment reviews, Deployment update) {
    cluster.upsert(Source.DEPLOYMENTS, reviews);
    start();
    await().until(() -> sink.sent.contains(agent()));

    cluster.upsert(Source.DEPLOYMENTS, update);
    Deployment relabelled =
        new DeploymentBuilder(reviews)
            .editSpec()
            .editTemplate()
            .editMetadata()
            .addToLabels("version", "v1")
            .endMetadata()
            .endTemplate()
            .endSpec()
            .build();
    cluster.upsert(Source.DEPLOYMENTS, relabelled);

    await().until(() -> sink.sent.contains(record(Source.DEPLOYMENTS, relabelled)));
    assertThat(sent())
        .containsExactly(
            record(Source.DEPLOYMENTS, reviews), agent(), record(Source.DEPLOYMENTS, relabelled));
  }

  @Test
  void underANamespaceSelectorOnlySelectedNamespacesApplicationsArePublished() {
    Service gateway = eastWestGateway("bookinfo");
    cluster.upsert(Source.NAMESPACES, bookinfo);
    cluster.upsert(Source.SERVICES, reviews);
    cluster.upsert(Source.SERVICES, gateway);

    start(DISCOVERY_ENABLED);

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sent()).containsExactlyInAnyOrder(record(Source.SERVICES, gateway), agent());
  }

  @Test
  void aNamespaceRelabelledIntoAndOutOfTheSelectionPublishesThenTombstonesItsObjects() {
    Deployment workload = deployment("bookinfo", "reviews-v1");
    cluster.upsert(Source.NAMESPACES, bookinfo);
    cluster.upsert(Source.SERVICES, reviews);
    cluster.upsert(Source.DEPLOYMENTS, workload);
    start(DISCOVERY_ENABLED);
    await().until(() -> sink.sent.contains(agent()));

    Namespace selected =
        namespace("bookinfo", Map.of("istio-injection", "enabled", "istio-discovery", "enabled"));
    cluster.upsert(Source.NAMESPACES, selected);

    await().until(() -> sink.sent.size() == 4);
    assertThat(sent())
        .containsExactlyInAnyOrder(
            agent(),
            record(Source.NAMESPACES, selected),
            record(Source.SERVICES, reviews),
            record(Source.DEPLOYMENTS, workload));

    cluster.upsert(Source.NAMESPACES, bookinfo);

    await().until(() -> sink.sent.size() == 7);
    assertThat(sink.sent.subList(4, 7))
        .containsExactlyInAnyOrder(
            Write.tombstone(Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo")),
            Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews")),
            Write.tombstone(Keys.of(DiscoveredKinds.DEPLOYMENT, "bookinfo", "reviews-v1")));
  }

  @Test
  void anObjectOfANamespaceNotYetListedIsPublishedOnceItsNamespaceIs() {
    start(DISCOVERY_ENABLED);
    await().until(() -> sink.sent.contains(agent()));

    cluster.upsert(Source.SERVICES, reviews);
    Namespace selected = namespace("bookinfo", Map.of("istio-discovery", "enabled"));
    cluster.upsert(Source.NAMESPACES, selected);

    await().until(() -> sink.sent.contains(record(Source.SERVICES, reviews)));
    assertThat(sent())
        .containsExactlyInAnyOrder(
            agent(), record(Source.NAMESPACES, selected), record(Source.SERVICES, reviews));
  }

  @Test
  void aRestartUnderANamespaceSelectorTombstonesWhatItNoLongerSelects() {
    putInTopic(Source.NAMESPACES, bookinfo);
    putInTopic(Source.SERVICES, reviews);
    cluster.upsert(Source.NAMESPACES, bookinfo);
    cluster.upsert(Source.SERVICES, reviews);

    start(DISCOVERY_ENABLED);

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sent())
        .containsExactlyInAnyOrder(
            Write.tombstone(Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo")),
            Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews")),
            agent());
  }

  private void start() {
    start(OPTIONS);
  }

  private void start(DiscoveryService.Options options) {
    service =
        new DiscoveryService(
            "meshfed.discovered.test",
            options,
            () -> steps.add("ensure topics"),
            () -> {
              steps.add("read topic");
              whileTheTopicIsRead.run();
              return Map.copyOf(topic);
            },
            sink,
            cluster);
    service.start();
  }

  private void putInTopic(Source source, HasMetadata object) {
    Write write = record(source, object);
    topic.put(write.key(), write.value());
  }

  private static Write record(Source source, HasMetadata object) {
    return DiscoveryMapper.map(source, object).writes().stream()
        .filter(write -> !write.isTombstone())
        .findFirst()
        .orElseThrow();
  }

  private static Write agent() {
    return AgentRecord.of("test", "run-2", List.of(Source.values()));
  }
}
