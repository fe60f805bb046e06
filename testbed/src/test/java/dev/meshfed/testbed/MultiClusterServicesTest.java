package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Multi-Cluster Services CRDs of k8s/mcs-crds, created in a simulated cluster: their objects
 * are served with a status subresource, as a real API server serves them.
 */
class MultiClusterServicesTest {

  private static final Path CRDS = Path.of("../k8s/mcs-crds");
  private static final PatchContext JSON_PATCH = PatchContext.of(PatchType.JSON);
  private static final ResourceDefinitionContext SERVICE_IMPORTS =
      context("ServiceImport", "serviceimports");
  private static final ResourceDefinitionContext SERVICE_EXPORTS =
      context("ServiceExport", "serviceexports");
  private static final Map<String, Object> SPEC =
      Map.of("type", "ClusterSetIP", "ports", List.of(Map.of("protocol", "TCP", "port", 9080)));
  private static final Map<String, Object> STATUS =
      Map.of("clusters", List.of(Map.of("cluster", "east"), Map.of("cluster", "west")));

  private SimulatedCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = SimulatedCluster.start("east");
    client = cluster.client();
    for (String file :
        List.of(
            "serviceimports.multicluster.x-k8s.io.yaml",
            "serviceexports.multicluster.x-k8s.io.yaml")) {
      client
          .resource(ManifestFiles.one(CRDS.resolve(file), CustomResourceDefinition.class))
          .create();
    }
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void serverSideApplyLeavesTheStatusToTheStatusSubresource() {
    GenericKubernetesResource applied = serviceImport(SPEC, STATUS);
    serviceImports().resource(applied).fieldManager("meshfed").forceConflicts().serverSideApply();

    assertThat(field(get(), "spec")).isEqualTo(SPEC);
    assertThat(field(get(), "status")).isNull();

    String statusPatch =
        "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"clusters\":[{\"cluster\":\"east\"}]}}]";
    serviceImports().withName("reviews").subresource("status").patch(JSON_PATCH, statusPatch);

    assertThat(field(get(), "status"))
        .isEqualTo(Map.of("clusters", List.of(Map.of("cluster", "east"))));
    assertThat(field(get(), "spec")).isEqualTo(SPEC);
  }

  @Test
  void aStatusPatchChangesNothingButTheStatusAndAnApplyKeepsTheStatus() {
    serviceImports()
        .resource(serviceImport(SPEC, null))
        .fieldManager("meshfed")
        .forceConflicts()
        .serverSideApply();
    String patch =
        "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"clusters\":[{\"cluster\":\"east\"}]}},"
            + "{\"op\":\"replace\",\"path\":\"/spec/type\",\"value\":\"Headless\"}]";
    serviceImports().withName("reviews").subresource("status").patch(JSON_PATCH, patch);
    assertThat(field(get(), "spec")).isEqualTo(SPEC);

    Map<String, Object> headless = Map.of("type", "Headless", "ports", SPEC.get("ports"));
    serviceImports()
        .resource(serviceImport(headless, null))
        .fieldManager("meshfed")
        .forceConflicts()
        .serverSideApply();

    assertThat(field(get(), "spec")).isEqualTo(headless);
    assertThat(field(get(), "status"))
        .isEqualTo(Map.of("clusters", List.of(Map.of("cluster", "east"))));
  }

  @Test
  void aStatusWriteThatNamesItsFieldManagerIsAStatusWriteAndRecordedAsItsManagers() {
    serviceImports()
        .resource(serviceImport(SPEC, null))
        .fieldManager("meshfed")
        .forceConflicts()
        .serverSideApply();
    PatchContext byMeshfed =
        new PatchContext.Builder()
            .withPatchType(PatchType.JSON)
            .withFieldManager("meshfed")
            .build();

    for (String cluster : List.of("east", "west")) {
      importedReviews()
          .subresource("status")
          .patch(
              byMeshfed,
              "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"clusters\":"
                  + "[{\"cluster\":\""
                  + cluster
                  + "\"}]}}]");
      assertThat(field(get(), "status"))
          .isEqualTo(Map.of("clusters", List.of(Map.of("cluster", cluster))));
    }
    assertThat(get().getMetadata().getManagedFields())
        .anySatisfy(
            entry -> {
              assertThat(entry.getManager()).isEqualTo("meshfed");
              assertThat(entry.getOperation()).isEqualTo("Update");
              assertThat(entry.getSubresource()).isEqualTo("status");
            });
    assertThat(field(get(), "spec")).isEqualTo(SPEC);
  }

  @Test
  void aWatchHearsOfStatusChanges() {
    Queue<Object> statuses = new ConcurrentLinkedQueue<>();
    SharedIndexInformer<GenericKubernetesResource> informer =
        serviceImports()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource object) {}

                  @Override
                  public void onUpdate(
                      GenericKubernetesResource before, GenericKubernetesResource after) {
                    statuses.add(String.valueOf(field(after, "status")));
                  }

                  @Override
                  public void onDelete(GenericKubernetesResource object, boolean unknown) {}
                });
    try {
      serviceImports()
          .resource(serviceImport(SPEC, null))
          .fieldManager("meshfed")
          .forceConflicts()
          .serverSideApply();
      serviceImports()
          .withName("reviews")
          .subresource("status")
          .patch(JSON_PATCH, "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"clusters\":[]}}]");

      await().until(() -> statuses.contains("{clusters=[]}"));
    } finally {
      informer.close();
    }
  }

  @Test
  void theStatusOfAServiceExportIsWrittenThroughItsSubresource() {
    client
        .genericKubernetesResources(SERVICE_EXPORTS)
        .inNamespace("bookinfo")
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("multicluster.x-k8s.io/v1alpha1")
                .withKind("ServiceExport")
                .withNewMetadata()
                .withName("reviews")
                .withNamespace("bookinfo")
                .endMetadata()
                .build())
        .create();
    Map<String, Object> condition =
        Map.of(
            "type",
            "Valid",
            "status",
            "True",
            "reason",
            "Exported",
            "message",
            "",
            "lastTransitionTime",
            "2026-12-04T19:20:00Z");
    Resource<GenericKubernetesResource> export =
        client
            .genericKubernetesResources(SERVICE_EXPORTS)
            .inNamespace("bookinfo")
            .withName("reviews");
    export
        .subresource("status")
        .patch(
            JSON_PATCH,
            "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"conditions\":[{\"type\":\"Valid\","
                + "\"status\":\"True\",\"reason\":\"Exported\",\"message\":\"\","
                + "\"lastTransitionTime\":\"2026-12-04T19:20:00Z\"}]}}]");

    assertThat(field(export.get(), "status")).isEqualTo(Map.of("conditions", List.of(condition)));
  }

  private Resource<GenericKubernetesResource> importedReviews() {
    return serviceImports().withName("reviews");
  }

  private GenericKubernetesResource get() {
    return importedReviews().get();
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      serviceImports() {
    return client.genericKubernetesResources(SERVICE_IMPORTS).inNamespace("bookinfo");
  }

  private static GenericKubernetesResource serviceImport(
      Map<String, Object> spec, Map<String, Object> status) {
    GenericKubernetesResourceBuilder builder =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("multicluster.x-k8s.io/v1alpha1")
            .withKind("ServiceImport")
            .withNewMetadata()
            .withName("reviews")
            .withNamespace("bookinfo")
            .endMetadata()
            .addToAdditionalProperties("spec", spec);
    if (status != null) {
      builder.addToAdditionalProperties("status", status);
    }
    return builder.build();
  }

  private static Object field(GenericKubernetesResource object, String name) {
    return object.getAdditionalProperties().get(name);
  }

  private static ResourceDefinitionContext context(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("multicluster.x-k8s.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
