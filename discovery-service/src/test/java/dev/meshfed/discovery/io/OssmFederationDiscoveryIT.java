package dev.meshfed.discovery.io;

import static dev.meshfed.discovery.io.TopicRecorder.watchedKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.sync.DiscoveryService;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.ExportedServiceSetState;
import dev.meshfed.schema.discovery.ImportedServiceSetState;
import dev.meshfed.schema.discovery.OssmExportRule;
import dev.meshfed.schema.discovery.OssmImportRule;
import dev.meshfed.schema.discovery.ServiceMeshPeerState;
import dev.meshfed.testbed.ManifestFiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
  @RegisterExtension static final TestBroker broker = new TestBroker();

  /** A cluster, and so a topic, of its own per test. */
  @RegisterExtension final DiscoveryRun run = new DiscoveryRun(broker, "ossm");

  private KubernetesClient kube;
  private TopicRecorder topic;
  private DiscoveryService service;

  @BeforeEach
  void startCluster() {
    kube = run.kube();
    kube.resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
  }

  @Test
  void publishesThePeerAndItsSetsWhereTheirCrdsAreServedWhateverTheNamespaceSelector() {
    installCrds();
    GenericKubernetesResource peer = create(PEERS, "servicemeshpeer.yaml");
    create(EXPORTS, "exportedserviceset.yaml");

    // the control-plane namespace is not selected: the Namespace is not published, OSSM's kinds are
    startService(NamespaceSelection.of("istio-discovery=enabled"));

    assertThat(watchedKinds(topic.awaitAgent(0))).containsAll(OSSM_KINDS);
    assertThat(topic.isPresent(Keys.of(DiscoveredKinds.NAMESPACE, "", NAMESPACE))).isFalse();
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
    await().until(() -> topic.isPresent(IMPORTED));
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
    topic.awaitAgent(0);
    assertThat(List.of(PEER, EXPORTED, IMPORTED)).allMatch(topic::isPresent);

    kube.genericKubernetesResources(EXPORTS).inNamespace(NAMESPACE).withName("green-mesh").delete();
    await().until(() -> topic.isTombstone(EXPORTED));
    kube.genericKubernetesResources(PEERS).inNamespace(NAMESPACE).withName("green-mesh").delete();
    await().until(() -> topic.isTombstone(PEER));

    assertThat(topic.recordsOf(EXPORTED)).hasSize(2);
    assertThat(topic.isPresent(IMPORTED)).isTrue();
  }

  @Test
  void aClusterThatDoesNotServeTheCrdsIsDiscoveredAsBeforeWithoutTheKinds() {
    startService(NamespaceSelection.EVERYTHING);

    ConsumerRecord<DiscoveryKey, DiscoveredObject> agent = topic.awaitAgent(0);

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
    topic.awaitAgent(0);
    service.close();
    long restartOffset = topic.nextOffset();

    kube.genericKubernetesResources(IMPORTS).inNamespace(NAMESPACE).withName("green-mesh").delete();
    startService(NamespaceSelection.EVERYTHING);

    topic.awaitAgent(restartOffset);
    assertThat(topic.from(restartOffset))
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
    service = run.start(namespaces);
    topic = run.topic();
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
