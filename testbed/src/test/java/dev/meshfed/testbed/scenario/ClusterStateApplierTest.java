package dev.meshfed.testbed.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterStateApplierTest {

  private static final ResourceDefinitionContext WORKSPACES =
      new ResourceDefinitionContext.Builder()
          .withGroup("meshfed.dev")
          .withVersion("v1alpha1")
          .withKind("Workspace")
          .withPlural("workspaces")
          .withNamespaced(true)
          .build();

  private SimulatedCluster cluster;
  private KubernetesClient client;
  private ClusterStateApplier applier;

  @BeforeEach
  void startCluster() {
    cluster = SimulatedCluster.start("east");
    client = cluster.client();
    applier = new ClusterStateApplier(cluster);
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  @Test
  void firstStepCreatesEverythingIncludingUndeclaredNamespacesAndStatus() {
    applier.apply(step(0));

    assertThat(client.namespaces().withName("bookinfo").get().getMetadata().getLabels())
        .containsEntry("istio-injection", "enabled");
    assertThat(client.namespaces().withName("extra").get()).isNotNull();
    assertThat(client.namespaces().withName("mesh-config").get()).isNotNull();
    assertThat(reviews().getSpec().getPorts().get(0).getPort()).isEqualTo(9080);
    assertThat(ingressIp(reviews())).isEqualTo("10.0.0.1");
    assertThat(client.configMaps().inNamespace("extra").withName("obsolete").get()).isNotNull();
    assertThat(workspaceClusters()).isEqualTo(List.of(Map.of("name", "east")));
  }

  @Test
  void nextStepUpdatesChangedObjectsAndDeletesWhatItCreatedAndNoLongerHas() {
    applier.apply(step(0));
    String reviewsUid = reviews().getMetadata().getUid();
    GenericKubernetesResource distributed = applyAsDistributor("bookinfo");

    applier.apply(step(1));

    assertThat(reviews().getMetadata().getUid()).isEqualTo(reviewsUid);
    assertThat(reviews().getSpec().getPorts().get(0).getPort()).isEqualTo(9081);
    assertThat(ingressIp(reviews())).isEqualTo("10.0.0.2");
    assertThat(client.namespaces().withName("bookinfo").get().getMetadata().getLabels())
        .containsEntry("istio-injection", "disabled");
    assertThat(workspaceClusters())
        .isEqualTo(List.of(Map.of("name", "east"), Map.of("name", "west")));
    assertThat(client.configMaps().inNamespace("extra").withName("obsolete").get()).isNull();
    assertThat(client.namespaces().withName("extra").get()).isNull();
    assertThat(
            client
                .genericKubernetesResources(distributed.getApiVersion(), distributed.getKind())
                .inNamespace("bookinfo")
                .withName("distributed")
                .get())
        .isNotNull();
  }

  @Test
  void reapplyingAStepChangesNothing() {
    applier.apply(step(1));
    String resourceVersion = reviews().getMetadata().getResourceVersion();

    applier.apply(step(1));

    assertThat(reviews().getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
  }

  @Test
  void statusNoLongerDeclaredIsCleared() {
    applier.apply(step(0));
    List<GenericKubernetesResource> withoutStatus =
        step(0).stream().peek(o -> o.getAdditionalProperties().remove("status")).toList();

    applier.apply(withoutStatus);

    assertThat(reviews().getStatus().getLoadBalancer()).isNull();
  }

  @Test
  void anUnknownKindNamesTheObject() {
    // not an Istio kind: istio-model on the class path makes fabric8 know those without a CRD
    GenericKubernetesResource serviceEntry =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("widgets.meshfed.dev/v1")
            .withKind("Widget")
            .withNewMetadata()
            .withName("external")
            .withNamespace("istio-system")
            .endMetadata()
            .build();

    assertThatThrownBy(() -> applier.apply(List.of(serviceEntry)))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(
            "cluster east: cannot apply Widget.widgets.meshfed.dev istio-system/external");
  }

  private static List<GenericKubernetesResource> step(int index) {
    return Scenario.load(Fixtures.scenario("two-steps"))
        .steps()
        .get(index)
        .objectsByCluster()
        .get("east");
  }

  private GenericKubernetesResource applyAsDistributor(String namespace) {
    GenericKubernetesResource workspace =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("meshfed.dev/v1alpha1")
            .withKind("Workspace")
            .withNewMetadata()
            .withName("distributed")
            .withNamespace(namespace)
            .withLabels(Map.of(ManagedObjects.MANAGED_BY_LABEL, "meshfed"))
            .endMetadata()
            .build();
    return client
        .genericKubernetesResources(WORKSPACES)
        .inNamespace(namespace)
        .resource(workspace)
        .fieldManager("meshfed")
        .forceConflicts()
        .serverSideApply();
  }

  private Service reviews() {
    return client.services().inNamespace("bookinfo").withName("reviews").get();
  }

  private static String ingressIp(Service service) {
    return service.getStatus().getLoadBalancer().getIngress().get(0).getIp();
  }

  private Object workspaceClusters() {
    GenericKubernetesResource workspace =
        client
            .genericKubernetesResources(WORKSPACES)
            .inNamespace("mesh-config")
            .withName("bookinfo")
            .get();
    return ((Map<?, ?>) workspace.getAdditionalProperties().get("spec")).get("workloadClusters");
  }
}
