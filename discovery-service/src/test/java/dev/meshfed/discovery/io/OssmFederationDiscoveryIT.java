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
import dev.meshfed.schema.discovery.ExportedServiceSetState;
import dev.meshfed.schema.discovery.ImportedServiceSetState;
import dev.meshfed.schema.discovery.OssmExportRule;
import dev.meshfed.schema.discovery.OssmImportRule;
import dev.meshfed.schema.discovery.ServiceMeshPeerState;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.ManifestFiles;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
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
 * OpenShift Service Mesh 2's federation resources, read as Gloo Mesh's are: only where the API
 * server serves their CRDs (the test bed's stand-ins for those OSSM's operator installs) when
 * discovery starts. The real adapters against an in-JVM Kafka broker and a simulated cluster.
 */
class OssmFederationDiscoveryIT {

  private static final Path CRDS = Path.of("../e2e-tests/src/test/resources/crds/ossm");
  private static final Path OBJECTS = Path.of("src/test/resources/ossm");
  private static final String NAMESPACE = "red-mesh-system";
  private static final ResourceDefinitionContext PEERS =
      ossm("ServiceMeshPeer", "servicemeshpeers");
  private static final ResourceDefinitionContext EXPORTS =
      ossm("ExportedServiceSet", "exportedservicesets");
  private static final ResourceDefinitionContext IMPORTS =
      ossm("ImportedServiceSet", "importedservicesets");
  private static final DiscoveryKey PEER =
      Keys.of(DiscoveredKinds.SERVICE_MESH_PEER, NAMESPACE, "green-mesh");
  private static final DiscoveryKey EXPORTED =
      Keys.of(DiscoveredKinds.EXPORTED_SERVICE_SET, NAMESPACE, "green-mesh");
  private static final DiscoveryKey IMPORTED =
      Keys.of(DiscoveredKinds.IMPORTED_SERVICE_SET, NAMESPACE, "green-mesh");
  private static final List<String> OSSM_KINDS =
      List.of(
          DiscoveredKinds.SERVICE_MESH_PEER,
          DiscoveredKinds.EXPORTED_SERVICE_SET,
          DiscoveredKinds.IMPORTED_SERVICE_SET);
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
    cluster = SimulatedCluster.start("ossm-" + CLUSTERS.incrementAndGet());
    kube = cluster.client();
    kube.resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
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
  void publishesThePeerAndItsSetsWhereTheirCrdsAreServedWhateverTheNamespaceSelector() {
    installCrds();
    GenericKubernetesResource peer = create(PEERS, "servicemeshpeer.yaml");
    create(EXPORTS, "exportedserviceset.yaml");

    // the control-plane namespace is not selected: the Namespace is not published, OSSM's kinds are
    startService(NamespaceSelection.of("istio-discovery=enabled"));

    assertThat(watchedKinds(awaitAgent(0))).containsAll(OSSM_KINDS);
    assertThat(isPresent(Keys.of(DiscoveredKinds.NAMESPACE, "", NAMESPACE))).isFalse();
    DiscoveredObject published = topic.latest(PEER).orElseThrow().value();
    assertThat(published.getApiVersion()).isEqualTo("federation.maistra.io/v1");
    assertThat(published.getUid()).isEqualTo(peer.getMetadata().getUid());
    assertThat(published.getProblems()).isEmpty();
    var peerState = (ServiceMeshPeerState) published.getPayload();
    assertThat(peerState.getCluster()).isEqualTo("cluster2");
    assertThat(peerState.getIngressGateway()).isEqualTo("ingress-green-mesh");
    assertThat(peerState.getDiscoveryPort()).isEqualTo(8188);
    assertThat(
            ((ExportedServiceSetState) topic.latest(EXPORTED).orElseThrow().value().getPayload())
                .getRules())
        .extracting(OssmExportRule::getType, OssmExportRule::getName, OssmExportRule::getAliasName)
        .containsExactly(tuple("NameSelector", "red-ratings", "ratings"));

    create(IMPORTS, "importedserviceset.yaml");
    await().until(() -> isPresent(IMPORTED));
    var importState =
        (ImportedServiceSetState) topic.latest(IMPORTED).orElseThrow().value().getPayload();
    assertThat(importState.getLocality()).isEqualTo("us-east/us-east-1a");
    assertThat(importState.getRules())
        .extracting(OssmImportRule::getNamespace, OssmImportRule::getName)
        .containsExactly(tuple("bookinfo", "ratings"));
    assertThat(service.stoppedSources()).isEmpty();
  }

  @Test
  void aDeletedPeerOrSetIsTombstoned() {
    installCrds();
    create(PEERS, "servicemeshpeer.yaml");
    create(EXPORTS, "exportedserviceset.yaml");
    create(IMPORTS, "importedserviceset.yaml");
    startService(NamespaceSelection.EVERYTHING);
    awaitAgent(0);
    assertThat(List.of(PEER, EXPORTED, IMPORTED)).allMatch(this::isPresent);

    kube.genericKubernetesResources(EXPORTS).inNamespace(NAMESPACE).withName("green-mesh").delete();
    await().until(() -> isTombstone(EXPORTED));
    kube.genericKubernetesResources(PEERS).inNamespace(NAMESPACE).withName("green-mesh").delete();
    await().until(() -> isTombstone(PEER));

    assertThat(topic.recordsOf(EXPORTED)).hasSize(2);
    assertThat(isPresent(IMPORTED)).isTrue();
  }

  @Test
  void aClusterThatDoesNotServeTheCrdsIsDiscoveredAsBeforeWithoutTheKinds() {
    startService(NamespaceSelection.EVERYTHING);

    ConsumerRecord<DiscoveryKey, DiscoveredObject> agent = awaitAgent(0);

    assertThat(watchedKinds(agent))
        .contains(DiscoveredKinds.NAMESPACE)
        .doesNotContainAnyElementsOf(OSSM_KINDS);
    assertThat(topic.latest(Keys.of(DiscoveredKinds.NAMESPACE, "", NAMESPACE))).isPresent();
    assertThat(topic.records()).noneMatch(record -> OSSM_KINDS.contains(record.key().getKind()));
    assertThat(service.stoppedSources()).isEmpty();
  }

  @Test
  void aRestartTombstonesASetDeletedWhileDownAndRepublishesNothingElse() {
    installCrds();
    create(PEERS, "servicemeshpeer.yaml");
    create(EXPORTS, "exportedserviceset.yaml");
    create(IMPORTS, "importedserviceset.yaml");
    startService(NamespaceSelection.EVERYTHING);
    awaitAgent(0);
    service.close();
    long restartOffset = topic.nextOffset();

    kube.genericKubernetesResources(IMPORTS).inNamespace(NAMESPACE).withName("green-mesh").delete();
    startService(NamespaceSelection.EVERYTHING);

    awaitAgent(restartOffset);
    assertThat(topic.records().stream().filter(record -> record.offset() >= restartOffset))
        .extracting(ConsumerRecord::key, record -> record.value() == null)
        .containsExactly(tuple(IMPORTED, true), tuple(AgentRecord.KEY, false));
  }

  private void installCrds() {
    for (String file :
        List.of("servicemeshpeers.yaml", "exportedservicesets.yaml", "importedservicesets.yaml")) {
      kube.resource(ManifestFiles.one(CRDS.resolve(file), CustomResourceDefinition.class)).create();
    }
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

  /** One of the objects in src/test/resources/ossm, created through the context of its kind. */
  private GenericKubernetesResource create(ResourceDefinitionContext context, String file) {
    GenericKubernetesResource object =
        ManifestFiles.one(OBJECTS.resolve(file), GenericKubernetesResource.class);
    return kube.genericKubernetesResources(context).resource(object).create();
  }

  private static ResourceDefinitionContext ossm(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("federation.maistra.io")
        .withVersion("v1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
