package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {

  private static final ResourceDefinitionContext SERVICE_ENTRY_V1 = serviceEntries("v1");
  private static final ResourceDefinitionContext SERVICE_ENTRY_V1BETA1 = serviceEntries("v1beta1");
  private static final String NAMESPACE = "istio-system";

  private static SimulatedCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void startCluster() {
    cluster = SimulatedCluster.start("ssa");
    client = cluster.client();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void firstApplyCreatesTheObjectWithServerMetadata() {
    GenericKubernetesResource created =
        apply(SERVICE_ENTRY_V1, serviceEntry("v1", "create", Map.of(), List.of("a.example")));

    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getCreationTimestamp()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(field(get(SERVICE_ENTRY_V1, "create"), "spec"))
        .isEqualTo(Map.of("hosts", List.of("a.example")));
  }

  @Test
  void laterApplyReplacesListsInsteadOfMergingThem() {
    apply(SERVICE_ENTRY_V1, serviceEntry("v1", "lists", Map.of(), List.of("a.example", "b")));

    apply(SERVICE_ENTRY_V1, serviceEntry("v1", "lists", Map.of(), List.of("c.example")));

    assertThat(field(get(SERVICE_ENTRY_V1, "lists"), "spec"))
        .isEqualTo(Map.of("hosts", List.of("c.example")));
  }

  @Test
  void fieldsDroppedFromALaterApplyDisappearWhileStatusAndIdentityStay() {
    GenericKubernetesResource first =
        serviceEntry("v1", "drop", Map.of("team", "a", "tier", "x"), List.of("a.example"));
    first.getAdditionalProperties().put("spec", Map.of("hosts", List.of("a"), "location", "X"));
    GenericKubernetesResource created = apply(SERVICE_ENTRY_V1, first);
    created.getAdditionalProperties().put("status", Map.of("observedGeneration", 1));
    client.genericKubernetesResources(SERVICE_ENTRY_V1).resource(created).updateStatus();

    GenericKubernetesResource second =
        apply(SERVICE_ENTRY_V1, serviceEntry("v1", "drop", Map.of("team", "a"), List.of("a")));

    assertThat(second.getMetadata().getLabels()).isEqualTo(Map.of("team", "a"));
    assertThat(field(second, "spec")).isEqualTo(Map.of("hosts", List.of("a")));
    assertThat(field(second, "status")).isEqualTo(Map.of("observedGeneration", 1));
    assertThat(second.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(second.getMetadata().getCreationTimestamp())
        .isEqualTo(created.getMetadata().getCreationTimestamp());
    assertThat(second.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void applyingUnchangedContentBumpsNeitherResourceVersionNorGeneration() {
    GenericKubernetesResource desired =
        serviceEntry("v1", "noop", Map.of("team", "a"), List.of("a.example"));
    GenericKubernetesResource first = apply(SERVICE_ENTRY_V1, desired);

    GenericKubernetesResource second = apply(SERVICE_ENTRY_V1, desired);

    assertThat(second.getMetadata().getResourceVersion())
        .isEqualTo(first.getMetadata().getResourceVersion());
    assertThat(second.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void labelChangeBumpsResourceVersionButNotGeneration() {
    GenericKubernetesResource first =
        apply(SERVICE_ENTRY_V1, serviceEntry("v1", "labels", Map.of("a", "1"), List.of("h")));

    GenericKubernetesResource second =
        apply(SERVICE_ENTRY_V1, serviceEntry("v1", "labels", Map.of("a", "2"), List.of("h")));

    assertThat(second.getMetadata().getResourceVersion())
        .isNotEqualTo(first.getMetadata().getResourceVersion());
    assertThat(second.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void v1AndV1beta1AddressTheSameObject() {
    GenericKubernetesResource viaV1 =
        apply(SERVICE_ENTRY_V1, serviceEntry("v1", "versions", Map.of(), List.of("a.example")));

    GenericKubernetesResource viaV1beta1 = get(SERVICE_ENTRY_V1BETA1, "versions");
    assertThat(viaV1beta1.getApiVersion()).isEqualTo("networking.istio.io/v1beta1");
    assertThat(viaV1beta1.getMetadata().getUid()).isEqualTo(viaV1.getMetadata().getUid());

    GenericKubernetesResource changed =
        apply(
            SERVICE_ENTRY_V1BETA1,
            serviceEntry("v1beta1", "versions", Map.of(), List.of("b.example")));
    GenericKubernetesResource readViaV1 = get(SERVICE_ENTRY_V1, "versions");
    assertThat(field(readViaV1, "spec")).isEqualTo(Map.of("hosts", List.of("b.example")));
    assertThat(readViaV1.getMetadata().getResourceVersion())
        .isEqualTo(changed.getMetadata().getResourceVersion());

    client
        .genericKubernetesResources(SERVICE_ENTRY_V1BETA1)
        .inNamespace(NAMESPACE)
        .withName("versions")
        .delete();
    assertThat(get(SERVICE_ENTRY_V1, "versions")).isNull();
  }

  @Test
  void managedFieldsRecordTheManagerAndTheVersionItAppliedThrough() {
    apply(
        SERVICE_ENTRY_V1BETA1, serviceEntry("v1beta1", "managed", Map.of(), List.of("a.example")));
    apply(SERVICE_ENTRY_V1, serviceEntry("v1", "managed", Map.of(), List.of("a.example")));

    List<ManagedFieldsEntry> entries =
        get(SERVICE_ENTRY_V1BETA1, "managed").getMetadata().getManagedFields();
    assertThat(entries)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getManager()).isEqualTo("meshfed");
              assertThat(entry.getOperation()).isEqualTo("Apply");
              assertThat(entry.getApiVersion()).isEqualTo("networking.istio.io/v1");
            });
  }

  @Test
  void aWatchViaV1beta1SeesWritesViaV1() {
    Queue<String> events = new ConcurrentLinkedQueue<>();
    Watch watch =
        client
            .genericKubernetesResources(SERVICE_ENTRY_V1BETA1)
            .inNamespace(NAMESPACE)
            .withName("watched")
            .watch(recorder(events));
    try (watch) {
      apply(SERVICE_ENTRY_V1, serviceEntry("v1", "watched", Map.of(), List.of("a")));
      apply(SERVICE_ENTRY_V1, serviceEntry("v1", "watched", Map.of(), List.of("b")));
      client
          .genericKubernetesResources(SERVICE_ENTRY_V1)
          .inNamespace(NAMESPACE)
          .withName("watched")
          .delete();

      await()
          .untilAsserted(
              () ->
                  assertThat(events)
                      .containsExactly(
                          "ADDED networking.istio.io/v1beta1",
                          "MODIFIED networking.istio.io/v1beta1",
                          "DELETED networking.istio.io/v1beta1"));
    }
  }

  @Test
  void labelSelectorListsAcrossNamespaces() {
    for (String namespace : List.of("one", "two")) {
      GenericKubernetesResource managed =
          serviceEntry(
              "v1", "managed", Map.of("app.kubernetes.io/managed-by", "meshfed"), List.of());
      managed.getMetadata().setNamespace(namespace);
      client
          .genericKubernetesResources(SERVICE_ENTRY_V1)
          .inNamespace(namespace)
          .resource(managed)
          .fieldManager("meshfed")
          .forceConflicts()
          .serverSideApply();
    }
    apply(SERVICE_ENTRY_V1, serviceEntry("v1", "unmanaged", Map.of(), List.of()));

    List<GenericKubernetesResource> managed =
        client
            .genericKubernetesResources(SERVICE_ENTRY_V1BETA1)
            .inAnyNamespace()
            .withLabel("app.kubernetes.io/managed-by", "meshfed")
            .list()
            .getItems();

    assertThat(managed)
        .extracting(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .containsExactlyInAnyOrder("one/managed", "two/managed");
  }

  @Test
  void typedResourcesApplyToo() {
    Service service = service(8080);
    Service created =
        client.resource(service).fieldManager("meshfed").forceConflicts().serverSideApply();
    created.setStatus(
        new ServiceStatusBuilder()
            .withNewLoadBalancer()
            .addNewIngress()
            .withIp("10.0.0.1")
            .endIngress()
            .endLoadBalancer()
            .build());
    client.resource(created).updateStatus();

    Service updated =
        client.resource(service(9090)).fieldManager("meshfed").forceConflicts().serverSideApply();

    assertThat(updated.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getPort()).isEqualTo(9090);
            });
    assertThat(updated.getStatus().getLoadBalancer().getIngress().get(0).getIp())
        .isEqualTo("10.0.0.1");
    assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
  }

  private static GenericKubernetesResource apply(
      ResourceDefinitionContext context, GenericKubernetesResource object) {
    return client
        .genericKubernetesResources(context)
        .inNamespace(NAMESPACE)
        .resource(object)
        .fieldManager("meshfed")
        .forceConflicts()
        .serverSideApply();
  }

  private static GenericKubernetesResource get(ResourceDefinitionContext context, String name) {
    return client.genericKubernetesResources(context).inNamespace(NAMESPACE).withName(name).get();
  }

  private static Watcher<GenericKubernetesResource> recorder(Queue<String> events) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        events.add(action + " " + resource.getApiVersion());
      }

      @Override
      public void onClose(WatcherException cause) {
        // closing the watch ends the test; nothing to record
      }
    };
  }

  private static Object field(GenericKubernetesResource object, String name) {
    return object.getAdditionalProperties().get(name);
  }

  private static GenericKubernetesResource serviceEntry(
      String version, String name, Map<String, String> labels, List<String> hosts) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("networking.istio.io/" + version)
        .withKind("ServiceEntry")
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .withLabels(labels)
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("hosts", hosts))
        .build();
  }

  private static Service service(int port) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("gateway")
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withNewSpec()
        .withType("LoadBalancer")
        .addNewPort()
        .withName("tls")
        .withPort(port)
        .endPort()
        .endSpec()
        .build();
  }

  private static ResourceDefinitionContext serviceEntries(String version) {
    return IstioInstallTest.context(version);
  }
}
