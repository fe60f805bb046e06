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
import dev.meshfed.schema.discovery.ServiceExportState;
import dev.meshfed.testbed.ManifestFiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
  @RegisterExtension static final TestBroker broker = new TestBroker();

  /** A cluster, and so a topic, of its own per test. */
  @RegisterExtension final DiscoveryRun run = new DiscoveryRun(broker, "mcs");

  private KubernetesClient kube;
  private TopicRecorder topic;
  private DiscoveryService service;

  @BeforeEach
  void startCluster() {
    kube = run.kube();
    Bookinfo.createNamespace(kube, Map.of());
    Bookinfo.createService(kube, "reviews");
  }

  @Test
  void publishesServiceExportsWhereTheirCrdIsServedAndTombstonesADeletedOne() {
    kube.resource(ManifestFiles.one(CRD, CustomResourceDefinition.class)).create();
    GenericKubernetesResource reviews = createExport("reviews");

    startService(NamespaceSelection.EVERYTHING);

    assertThat(watchedKinds(topic.awaitAgent(0))).contains(DiscoveredKinds.SERVICE_EXPORT);
    DiscoveredObject published = topic.latest(REVIEWS).orElseThrow().value();
    assertThat(published.getPayload()).isEqualTo(new ServiceExportState());
    assertThat(published.getApiVersion()).isEqualTo("multicluster.x-k8s.io/v1alpha1");
    assertThat(published.getUid()).isEqualTo(reviews.getMetadata().getUid());
    assertThat(published.getCreationTimestamp())
        .isEqualTo(reviews.getMetadata().getCreationTimestamp());

    createExport("ratings");
    await().until(() -> topic.isPresent(RATINGS));

    exports().inNamespace("bookinfo").withName("reviews").delete();
    await().until(() -> topic.isTombstone(REVIEWS));
    assertThat(topic.recordsOf(REVIEWS)).hasSize(2);
    assertThat(topic.isPresent(RATINGS)).isTrue();
    assertThat(service.stoppedSources()).isEmpty();
  }

  @Test
  void aClusterThatDoesNotServeTheCrdIsDiscoveredAsBeforeWithoutTheKind() {
    startService(NamespaceSelection.EVERYTHING);

    ConsumerRecord<DiscoveryKey, DiscoveredObject> agent = topic.awaitAgent(0);

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
    topic.awaitAgent(0);
    assertThat(topic.latest(REVIEWS)).isEmpty();

    Bookinfo.relabelNamespace(kube, Map.of("istio-discovery", "enabled"));
    await().until(() -> topic.isPresent(REVIEWS));

    Bookinfo.relabelNamespace(kube, Map.of());
    await().until(() -> topic.isTombstone(REVIEWS));
  }

  @Test
  void aRestartTombstonesAnExportDeletedWhileDownAndRepublishesNothingElse() {
    kube.resource(ManifestFiles.one(CRD, CustomResourceDefinition.class)).create();
    createExport("reviews");
    createExport("ratings");
    startService(NamespaceSelection.EVERYTHING);
    topic.awaitAgent(0);
    service.close();
    long restartOffset = topic.nextOffset();

    exports().inNamespace("bookinfo").withName("ratings").delete();
    startService(NamespaceSelection.EVERYTHING);

    topic.awaitAgent(restartOffset);
    assertThat(topic.from(restartOffset))
        .extracting(ConsumerRecord::key, record -> record.value() == null)
        .containsExactly(tuple(RATINGS, true), tuple(AgentRecord.KEY, false));
  }

  private void startService(NamespaceSelection namespaces) {
    service = run.start(namespaces);
    topic = run.topic();
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
