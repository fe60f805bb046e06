package dev.meshfed.testbed.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedObjectDumperTest {

  private static final Map<String, String> MANAGED =
      Map.of(ManagedObjects.MANAGED_BY_LABEL, "meshfed");

  private static SimulatedCluster cluster;
  private final ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjects.istioKinds());

  @TempDir Path dir;

  @BeforeAll
  static void startClusterWithObjects() {
    cluster = SimulatedCluster.start("east");
    applyViaV1("networking.istio.io", "ServiceEntry", "istio-system", "reviews", MANAGED);
    applyViaV1("networking.istio.io", "ServiceEntry", "istio-system", "foreign", Map.of());
    applyViaV1("security.istio.io", "AuthorizationPolicy", "bookinfo", "allow", MANAGED);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void aKindTheClusterDoesNotServeListsEmpty() {
    try (SimulatedCluster istioOnly = SimulatedCluster.start("west")) {
      istioOnly.installIstio("1.24.2");
      assertThat(
              istioOnly
                  .client()
                  .apiextensions()
                  .v1()
                  .customResourceDefinitions()
                  .withName("serviceimports.multicluster.x-k8s.io")
                  .get())
          .isNull();

      assertThat(
              new ManagedObjectDumper(ManagedObjects.managedKinds())
                  .managedObjects(istioOnly.client()))
          .isEmpty();
    }
  }

  @Test
  void managedObjectsAreCleanedAndSortedByNamespaceKindName() {
    List<GenericKubernetesResource> objects = dumper.managedObjects(cluster.client());

    assertThat(objects)
        .extracting(
            o ->
                o.getMetadata().getNamespace()
                    + "/"
                    + o.getKind()
                    + "/"
                    + o.getMetadata().getName())
        .containsExactly("bookinfo/AuthorizationPolicy/allow", "istio-system/ServiceEntry/reviews");
    assertThat(objects.get(1).getApiVersion())
        .as("read through v1beta1, shown as meshfed applied it")
        .isEqualTo("networking.istio.io/v1");
    assertThat(objects.get(1).getMetadata().getUid()).isNull();
    assertThat(objects.get(1).getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(objects.get(1).getAdditionalProperties()).doesNotContainKey("status");
  }

  @Test
  void dumpWritesOneCleanFilePerObjectAndDropsStaleFiles() throws IOException {
    Path stale = dir.resolve("east/istio-system/ServiceEntry/gone.yaml");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "stale");

    dumper.dump(cluster, dir);

    assertThat(filesUnder(dir))
        .containsExactly(
            "east/bookinfo/AuthorizationPolicy/allow.yaml",
            "east/istio-system/ServiceEntry/reviews.yaml");
    assertThat(Files.readString(dir.resolve("east/istio-system/ServiceEntry/reviews.yaml")))
        .isEqualTo(
            """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              labels:
                app.kubernetes.io/managed-by: meshfed
              name: reviews
              namespace: istio-system
            spec:
              hosts:
              - reviews.bookinfo.global
              ports:
              - name: http
                number: 9080
                protocol: HTTP
              resolution: DNS
            """);
  }

  private static void applyViaV1(
      String group, String kind, String namespace, String name, Map<String, String> labels) {
    ResourceDefinitionContext v1 =
        ManagedObjects.istioKinds().stream()
            .filter(context -> context.getKind().equals(kind))
            .map(
                context ->
                    new ResourceDefinitionContext.Builder()
                        .withGroup(group)
                        .withVersion("v1")
                        .withKind(kind)
                        .withPlural(context.getPlural())
                        .withNamespaced(true)
                        .build())
            .findFirst()
            .orElseThrow();
    GenericKubernetesResource object =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(group + "/v1")
            .withKind(kind)
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .endMetadata()
            .addToAdditionalProperties(
                "spec",
                Map.of(
                    "hosts", List.of("reviews.bookinfo.global"),
                    "resolution", "DNS",
                    "ports", List.of(Map.of("name", "http", "number", 9080, "protocol", "HTTP"))))
            .build();
    GenericKubernetesResource applied =
        cluster
            .client()
            .genericKubernetesResources(v1)
            .inNamespace(namespace)
            .resource(object)
            .fieldManager("meshfed")
            .forceConflicts()
            .serverSideApply();
    applied.getAdditionalProperties().put("status", Map.of("validationMessages", List.of()));
    cluster.client().genericKubernetesResources(v1).resource(applied).updateStatus();
  }

  private static List<String> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> dir.relativize(file).toString())
          .sorted()
          .toList();
    }
  }
}
