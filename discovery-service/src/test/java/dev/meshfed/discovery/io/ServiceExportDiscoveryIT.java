package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.sync.DiscoveryService;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.ServiceExportState;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.ManifestFiles;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-Cluster Services ServiceExports, read as Gloo Mesh's resources are: only where the API
 * server serves their CRD when discovery starts. The real adapters against an in-JVM Kafka broker
 * and a simulated cluster.
 */
class ServiceExportDiscoveryIT {

  private static final Path CRD =
      Path.of("../k8s/mcs-crds/serviceexports.multicluster.x-k8s.io.yaml");
  private static final ResourceDefinitionContext SERVICE_EXPORTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("multicluster.x-k8s.io")
          .withVersion("v1alpha1")
          .withKind("ServiceExport")
          .withPlural("serviceexports")
          .withNamespaced(true)
          .build();
  private static final DiscoveryKey REVIEWS =
      Keys.of(DiscoveredKinds.SERVICE_EXPORT, "bookinfo", "reviews");
  private static final DiscoveryKey RATINGS =
      Keys.of(DiscoveredKinds.SERVICE_EXPORT, "bookinfo", "ratings");
  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  @TempDir static Path kafkaLogs;
  private static KafkaBroker broker;

  private SimulatedCluster cluster;
  private KubernetesClient kube;
  private TopicRecorder topic;
  private DiscoveryService service;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start(kafkaLogs);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void startCluster() {
    cluster = SimulatedCluster.start("mcs-" + CLUSTERS.incrementAndGet());
    kube = cluster.client();
    createNamespace(Map.of());
    createService("reviews");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (service != null) {
      service.close();
    }
    if (topic != null) {
      topic.close();
    }
    cluster.close();
  }

  @Test
  void publishesServiceExportsWhereTheirCrdIsServedAndTombstonesADeletedOne() {
    kube.resource(ManifestFiles.one(CRD, CustomResourceDefinition.class)).create();
    GenericKubernetesResource reviews = createExport("reviews");

    startService(NamespaceSelection.EVERYTHING);

    assertThat(watchedKinds(awaitAgent(0))).contains(DiscoveredKinds.SERVICE_EXPORT);
    DiscoveredObject published = topic.latest(REVIEWS).orElseThrow().value();
    assertThat(published.getPayload()).isEqualTo(new ServiceExportState());
    assertThat(published.getApiVersion()).isEqualTo("multicluster.x-k8s.io/v1alpha1");
    assertThat(published.getUid()).isEqualTo(reviews.getMetadata().getUid());
    assertThat(published.getCreationTimestamp())
        .isEqualTo(reviews.getMetadata().getCreationTimestamp());

    createExport("ratings");
    await().until(() -> isPresent(RATINGS));

    exports().inNamespace("bookinfo").withName("reviews").delete();
    await().until(() -> isTombstone(REVIEWS));
    assertThat(topic.recordsOf(REVIEWS)).hasSize(2);
    assertThat(isPresent(RATINGS)).isTrue();
    assertThat(service.stoppedSources()).isEmpty();
  }

  @Test
  void aClusterThatDoesNotServeTheCrdIsDiscoveredAsBeforeWithoutTheKind() {
    startService(NamespaceSelection.EVERYTHING);

    ConsumerRecord<DiscoveryKey, DiscoveredObject> agent = awaitAgent(0);

    assertThat(watchedKinds(agent))
        .contains(DiscoveredKinds.SERVICE, DiscoveredKinds.NAMESPACE)
        .doesNotContain(DiscoveredKinds.SERVICE_EXPORT);
    assertThat(topic.latest(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews"))).isPresent();
    assertThat(topic.records())
        .noneMatch(record -> record.key().getKind().equals(DiscoveredKinds.SERVICE_EXPORT));
    assertThat(service.stoppedSources()).isEmpty();
  }

  @Test
  void anExportFollowsItsNamespacesSelectionAsItsServiceDoes() {
    kube.resource(ManifestFiles.one(CRD, CustomResourceDefinition.class)).create();
    createExport("reviews");

    startService(NamespaceSelection.of("istio-discovery=enabled"));
    awaitAgent(0);
    assertThat(topic.latest(REVIEWS)).isEmpty();

    relabelNamespace(Map.of("istio-discovery", "enabled"));
    await().until(() -> isPresent(REVIEWS));

    relabelNamespace(Map.of());
    await().until(() -> isTombstone(REVIEWS));
  }

  @Test
  void aRestartTombstonesAnExportDeletedWhileDownAndRepublishesNothingElse() {
    kube.resource(ManifestFiles.one(CRD, CustomResourceDefinition.class)).create();
    createExport("reviews");
    createExport("ratings");
    startService(NamespaceSelection.EVERYTHING);
    awaitAgent(0);
    service.close();
    long restartOffset = topic.nextOffset();

    exports().inNamespace("bookinfo").withName("ratings").delete();
    startService(NamespaceSelection.EVERYTHING);

    awaitAgent(restartOffset);
    assertThat(topic.records().stream().filter(record -> record.offset() >= restartOffset))
        .extracting(ConsumerRecord::key, record -> record.value() == null)
        .containsExactly(tuple(RATINGS, true), tuple(AgentRecord.KEY, false));
  }

  private void startService(NamespaceSelection namespaces) {
    var settings =
        new DiscoverySettings(
            cluster.name(),
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            TopicSettings.BROKER_DEFAULTS,
            "it",
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            namespaces);
    service = Discovery.create(settings, kube);
    service.start();
    if (topic == null) {
      topic = new TopicRecorder(broker.bootstrapServers(), Topics.discovered(cluster.name()));
    }
  }

  /** The first Agent record at or after an offset: the topic is complete up to it. */
  private ConsumerRecord<DiscoveryKey, DiscoveredObject> awaitAgent(long fromOffset) {
    return await()
        .until(
            () ->
                topic.recordsOf(AgentRecord.KEY).stream()
                    .filter(record -> record.offset() >= fromOffset)
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static List<String> watchedKinds(ConsumerRecord<DiscoveryKey, DiscoveredObject> agent) {
    return ((AgentState) agent.value().getPayload()).getWatchedKinds();
  }

  private boolean isPresent(DiscoveryKey key) {
    return topic.latest(key).map(record -> record.value() != null).orElse(false);
  }

  private boolean isTombstone(DiscoveryKey key) {
    return topic.latest(key).map(record -> record.value() == null).orElse(false);
  }

  private void createNamespace(Map<String, String> labels) {
    kube.resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("bookinfo")
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
  }

  private void relabelNamespace(Map<String, String> labels) {
    kube.namespaces()
        .withName("bookinfo")
        .edit(
            namespace ->
                new NamespaceBuilder(namespace)
                    .editMetadata()
                    .withLabels(labels)
                    .endMetadata()
                    .build());
  }

  private void createService(String name) {
    kube.resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace("bookinfo")
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", name)
                .addNewPort()
                .withName("http")
                .withPort(9080)
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  private GenericKubernetesResource createExport(String name) {
    return exports()
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("multicluster.x-k8s.io/v1alpha1")
                .withKind("ServiceExport")
                .withNewMetadata()
                .withNamespace("bookinfo")
                .withName(name)
                .endMetadata()
                .build())
        .create();
  }

  private MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      exports() {
    return kube.genericKubernetesResources(SERVICE_EXPORTS);
  }
}
