package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {

  private static final ResourceDefinitionContext WORKSPACES =
      new ResourceDefinitionContext.Builder()
          .withGroup("meshfed.dev")
          .withVersion("v1alpha1")
          .withKind("Workspace")
          .withPlural("workspaces")
          .withNamespaced(true)
          .build();

  private static final List<String> WORKSPACE_GROUP_ONLY = List.of("meshfed.dev");

  private static SimulatedCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void startCluster() {
    cluster = SimulatedCluster.start("east");
    client = cluster.client();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void informerOnACustomResourceSeesAddUpdateDelete() {
    Queue<String> events = new ConcurrentLinkedQueue<>();
    try (SharedIndexInformer<GenericKubernetesResource> informer =
        client.genericKubernetesResources(WORKSPACES).inAnyNamespace().inform(recorder(events))) {
      var workspaces = client.genericKubernetesResources(WORKSPACES).inNamespace("mesh");

      workspaces.resource(workspace("w1", "c1")).create();
      await().until(() -> events.contains("ADDED w1"));
      workspaces.resource(workspace("w1", "c2")).update();
      await().until(() -> events.contains("MODIFIED w1"));
      workspaces.withName("w1").delete();
      await().until(() -> events.contains("DELETED w1"));

      assertThat(informer.hasSynced()).isTrue();
    }
  }

  @Test
  void informersOnCoreResourcesSeeAddUpdateDelete() {
    Queue<String> events = new ConcurrentLinkedQueue<>();
    try (var namespaces = client.namespaces().inform(recorder(events));
        var services = client.services().inAnyNamespace().inform(recorder(events));
        var deployments = client.apps().deployments().inAnyNamespace().inform(recorder(events))) {
      Namespace namespace = client.resource(namespace("bookinfo")).create();
      Service service = client.resource(service("reviews", null)).create();
      Deployment deployment = client.resource(deployment("reviews-v1", 1)).create();
      await()
          .until(
              () ->
                  events.containsAll(
                      List.of("ADDED bookinfo", "ADDED reviews", "ADDED reviews-v1")));

      client.resource(namespace).edit(n -> labelled(n, "istio-injection", "enabled"));
      client.resource(service).edit(s -> labelled(s, "app", "reviews"));
      client.resource(deployment).edit(d -> labelled(d, "version", "v1"));
      await()
          .until(
              () ->
                  events.containsAll(
                      List.of("MODIFIED bookinfo", "MODIFIED reviews", "MODIFIED reviews-v1")));

      client.resource(deployment).delete();
      client.resource(service).delete();
      client.resource(namespace).delete();
      await()
          .until(
              () ->
                  events.containsAll(
                      List.of("DELETED bookinfo", "DELETED reviews", "DELETED reviews-v1")));
    }
  }

  @Test
  void aCrdCreatedAtRuntimeLetsObjectsBeCreatedByApiVersionAndKind() {
    client
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("workspacesettings.meshfed.dev")
                .endMetadata()
                .withNewSpec()
                .withGroup("meshfed.dev")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("WorkspaceSettings")
                .withPlural("workspacesettings")
                .withSingular("workspacesettings")
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build())
        .create();

    client
        .resource(
            """
            apiVersion: meshfed.dev/v1alpha1
            kind: WorkspaceSettings
            metadata:
              name: settings
              namespace: mesh
            spec:
              federation:
                enabled: true
            """)
        .create();

    GenericKubernetesResource stored =
        client
            .genericKubernetesResources("meshfed.dev/v1alpha1", "WorkspaceSettings")
            .inNamespace("mesh")
            .withName("settings")
            .get();
    assertThat(stored.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("federation", Map.of("enabled", true)));
    assertThat(client.getApiGroups().getGroups())
        .extracting(g -> g.getName())
        .contains("meshfed.dev");
    assertThat(client.getApiGroup("meshfed.dev").getPreferredVersion().getVersion())
        .isEqualTo("v1alpha1");
  }

  @Test
  void serviceLoadBalancerStatusCanBeCreatedAndUpdated() {
    Service created = client.resource(service("gateway", "10.0.0.1")).create();
    assertThat(ingressIp("gateway")).isEqualTo("10.0.0.1");

    created.setStatus(service("gateway", "10.0.0.2").getStatus());
    client.resource(created).updateStatus();

    assertThat(ingressIp("gateway")).isEqualTo("10.0.0.2");
  }

  @Test
  void deletingANamespaceDeletesItsObjects() {
    client.resource(namespace("doomed")).create();
    client
        .genericKubernetesResources(WORKSPACES)
        .inNamespace("doomed")
        .resource(workspace("w", "c"))
        .create();

    client.namespaces().withName("doomed").delete();

    assertThat(
            client.genericKubernetesResources(WORKSPACES).inNamespace("doomed").list().getItems())
        .isEmpty();
  }

  @Test
  void aDeleteByNameRemovesOnlyThatObjectAndWaitsForFinalizers() {
    client.resource(namespace("deletes")).create();
    var configMaps = client.configMaps().inNamespace("deletes");
    configMaps.resource(configMap("gone", List.of())).create();
    configMaps.resource(configMap("kept", List.of())).create();
    configMaps.resource(configMap("finalized", List.of("meshfed.dev/test"))).create();

    configMaps.withName("gone").delete();
    configMaps.withName("finalized").delete();

    assertThat(configMaps.withName("gone").get()).isNull();
    assertThat(configMaps.withName("kept").get()).isNotNull();
    assertThat(configMaps.withName("finalized").get().getMetadata().getDeletionTimestamp())
        .isNotNull();
    assertThat(configMaps.withName("absent").delete()).isEmpty();
  }

  private static ConfigMap configMap(String name, List<String> finalizers) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withFinalizers(finalizers)
        .endMetadata()
        .build();
  }

  @Test
  void aWatchResumedFromAResourceVersionHearsOfWhatChangedWhileItWasAway() {
    client.resource(namespace("resumed")).create();
    var configMaps = client.configMaps().inNamespace("resumed");
    String seen =
        configMaps
            .resource(configMap("gone", List.of()))
            .create()
            .getMetadata()
            .getResourceVersion();
    configMaps.withName("gone").delete();
    configMaps.resource(configMap("new", List.of())).create();
    Queue<String> events = new ConcurrentLinkedQueue<>();

    try (Watch watch =
        configMaps.watch(
            new ListOptionsBuilder().withResourceVersion(seen).build(), watcher(events))) {
      configMaps.resource(configMap("live", List.of())).create();

      await().until(() -> events.contains("ADDED live"));
      assertThat(events).containsExactly("DELETED gone", "ADDED new", "ADDED live");
    }
  }

  @Test
  void aDeletedObjectIsSentAtTheVersionOfItsDeletion() {
    client.resource(namespace("deletion-version")).create();
    var configMaps = client.configMaps().inNamespace("deletion-version");
    String created =
        configMaps
            .resource(configMap("gone", List.of()))
            .create()
            .getMetadata()
            .getResourceVersion();
    Queue<ConfigMap> deleted = new ConcurrentLinkedQueue<>();

    try (Watch watch =
        configMaps.watch(
            new ListOptionsBuilder().withResourceVersion(created).build(),
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, ConfigMap object) {
                deleted.add(object);
              }

              @Override
              public void onClose(WatcherException cause) {}
            })) {
      configMaps.withName("gone").delete();

      await().until(() -> !deleted.isEmpty());
      assertThat(Long.parseLong(deleted.peek().getMetadata().getResourceVersion()))
          .isGreaterThan(Long.parseLong(created));
    }
  }

  @Test
  void aWatchWithBookmarksResumesAfterMoreChangesElsewhereThanTheHistoryKeeps() {
    try (SimulatedCluster small = SimulatedCluster.start("small-history", 0, 8)) {
      KubernetesClient smallClient = small.client();
      smallClient.resource(namespace("quiet")).create();
      smallClient.resource(namespace("busy")).create();
      var quiet = smallClient.configMaps().inNamespace("quiet");
      var busy = smallClient.configMaps().inNamespace("busy");
      String seen =
          quiet.resource(configMap("first", List.of())).create().getMetadata().getResourceVersion();
      Queue<ConfigMap> bookmarks = new ConcurrentLinkedQueue<>();
      String resumeFrom;
      try (Watch watch =
          quiet.watch(
              new ListOptionsBuilder()
                  .withResourceVersion(seen)
                  .withAllowWatchBookmarks(true)
                  .build(),
              bookmarkCollector(bookmarks))) {
        for (int i = 0; i < 12; i++) {
          busy.resource(configMap("busy-" + i, List.of())).create();
        }
        await().until(() -> bookmarks.size() >= 2);
        resumeFrom =
            bookmarks.stream().reduce((a, b) -> b).orElseThrow().getMetadata().getResourceVersion();
      }
      Queue<String> events = new ConcurrentLinkedQueue<>();

      try (Watch resumed =
          quiet.watch(
              new ListOptionsBuilder().withResourceVersion(resumeFrom).build(), watcher(events))) {
        quiet.resource(configMap("second", List.of())).create();

        await().until(() -> events.contains("ADDED second"));
        assertThat(events).containsExactly("ADDED second");
      }
      assertThat(Long.parseLong(resumeFrom)).isGreaterThan(Long.parseLong(seen));
    }
  }

  @Test
  void aBookmarkOfACustomResourceNamesTheKindItsDefinitionDeclares() {
    try (SimulatedCluster small = SimulatedCluster.start("small-history", 0, 4)) {
      KubernetesClient smallClient = small.client();
      smallClient.resource(workspaceCrd()).create();
      smallClient.resource(namespace("busy")).create();
      Queue<GenericKubernetesResource> bookmarks = new ConcurrentLinkedQueue<>();

      try (Watch watch =
          smallClient
              .genericKubernetesResources(WORKSPACES)
              .inAnyNamespace()
              .watch(
                  new ListOptionsBuilder().withAllowWatchBookmarks(true).build(),
                  new Watcher<GenericKubernetesResource>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource object) {
                      if (action == Action.BOOKMARK) {
                        bookmarks.add(object);
                      }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                  })) {
        for (int i = 0; i < 4; i++) {
          smallClient
              .configMaps()
              .inNamespace("busy")
              .resource(configMap("busy-" + i, List.of()))
              .create();
        }

        await().until(() -> !bookmarks.isEmpty());
        assertThat(bookmarks.peek().getKind()).isEqualTo("Workspace");
        assertThat(bookmarks.peek().getApiVersion()).isEqualTo("meshfed.dev/v1alpha1");
      }
    }
  }

  private static CustomResourceDefinition workspaceCrd() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName("workspaces.meshfed.dev")
        .endMetadata()
        .withNewSpec()
        .withGroup("meshfed.dev")
        .withScope("Namespaced")
        .withNewNames()
        .withKind("Workspace")
        .withPlural("workspaces")
        .withSingular("workspace")
        .endNames()
        .addNewVersion()
        .withName("v1alpha1")
        .withServed(true)
        .withStorage(true)
        .endVersion()
        .endSpec()
        .build();
  }

  @Test
  void withoutBookmarksTheSameWatchIsToldItsVersionIsGone() {
    try (SimulatedCluster small = SimulatedCluster.start("small-history", 0, 8)) {
      KubernetesClient smallClient = small.client();
      smallClient.resource(namespace("quiet")).create();
      smallClient.resource(namespace("busy")).create();
      var quiet = smallClient.configMaps().inNamespace("quiet");
      String seen =
          quiet.resource(configMap("first", List.of())).create().getMetadata().getResourceVersion();
      for (int i = 0; i < 12; i++) {
        smallClient
            .configMaps()
            .inNamespace("busy")
            .resource(configMap("busy-" + i, List.of()))
            .create();
      }
      Queue<String> events = new ConcurrentLinkedQueue<>();

      try (Watch resumed =
          quiet.watch(
              new ListOptionsBuilder().withResourceVersion(seen).build(), watcher(events))) {
        await().until(() -> !events.isEmpty());
        assertThat(events).singleElement().asString().startsWith("CLOSED").contains("too old");
      }
    }
  }

  private static Watcher<ConfigMap> bookmarkCollector(Queue<ConfigMap> bookmarks) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap object) {
        if (action == Action.BOOKMARK) {
          bookmarks.add(object);
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }

  private static Watcher<ConfigMap> watcher(Queue<String> events) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap object) {
        events.add(action + " " + object.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
        events.add("CLOSED " + cause.getMessage());
      }
    };
  }

  @Test
  void clustersAreIsolated() {
    try (SimulatedCluster other = SimulatedCluster.start("west")) {
      other.client().resource(namespace("only-in-west")).create();

      assertThat(other.client().namespaces().withName("only-in-west").get()).isNotNull();
      assertThat(client.namespaces().withName("only-in-west").get()).isNull();
      assertThat(other.url()).isNotEqualTo(cluster.url());
    }
  }

  @Test
  void servesDiscoveryAndVersion() {
    client
        .genericKubernetesResources(WORKSPACES)
        .inNamespace("mesh")
        .resource(workspace("d", "c"))
        .create();

    assertThat(client.getKubernetesVersion().getMajor()).isEqualTo("1");
    assertThat(client.getAPIVersions().getVersions()).containsExactly("v1");
    assertThat(client.getApiGroups().getGroups()).extracting(g -> g.getName()).contains("apps");
    assertThat(client.getApiResources("v1").getResources())
        .extracting(r -> r.getKind())
        .contains("Namespace", "Service");
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> recorder(Queue<String> events) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        events.add("ADDED " + object.getMetadata().getName());
      }

      @Override
      public void onUpdate(T oldObject, T newObject) {
        events.add("MODIFIED " + newObject.getMetadata().getName());
      }

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        events.add("DELETED " + object.getMetadata().getName());
      }
    };
  }

  private static <T extends HasMetadata> T labelled(T object, String key, String value) {
    object.getMetadata().getLabels().put(key, value);
    return object;
  }

  private static String ingressIp(String service) {
    return client
        .services()
        .inNamespace("default")
        .withName(service)
        .get()
        .getStatus()
        .getLoadBalancer()
        .getIngress()
        .get(0)
        .getIp();
  }

  private static GenericKubernetesResource workspace(String name, String cluster) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("meshfed.dev/v1alpha1")
        .withKind("Workspace")
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addToAdditionalProperties(
            "spec", Map.of("workloadClusters", List.of(Map.of("name", cluster))))
        .build();
  }

  private static Namespace namespace(String name) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of())
        .endMetadata()
        .build();
  }

  private static Service service(String name, String loadBalancerIp) {
    ServiceBuilder service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("default")
            .withLabels(Map.of())
            .endMetadata()
            .withNewSpec()
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSpec();
    if (loadBalancerIp != null) {
      service.withStatus(
          new ServiceStatusBuilder()
              .withNewLoadBalancer()
              .addNewIngress()
              .withIp(loadBalancerIp)
              .endIngress()
              .endLoadBalancer()
              .build());
    }
    return service.build();
  }

  private static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("bookinfo")
        .withLabels(Map.of())
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec()
        .build();
  }

  @Test
  void tellsWhenAnObjectOfTheGroupsOrOfOtherGroupsLastChanged() {
    try (SimulatedCluster own = SimulatedCluster.start("fresh")) {
      KubernetesClient ownClient = own.client();
      assertThat(own.lastChangeNanos(WORKSPACE_GROUP_ONLY)).isEmpty();

      long beforeCreate = System.nanoTime();
      ownClient
          .genericKubernetesResources(WORKSPACES)
          .inNamespace("mesh")
          .resource(workspace())
          .create();
      long created = own.lastChangeNanos(WORKSPACE_GROUP_ONLY).orElseThrow();

      ownClient
          .configMaps()
          .inNamespace("mesh")
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
          .create();
      OptionalLong afterOtherGroup = own.lastChangeNanos(WORKSPACE_GROUP_ONLY);
      long configMapWritten = own.lastChangeNanos(List.of("")).orElseThrow();

      ownClient.genericKubernetesResources(WORKSPACES).inNamespace("mesh").withName("w").delete();
      long deleted = own.lastChangeNanos(WORKSPACE_GROUP_ONLY).orElseThrow();

      assertThat(created).isGreaterThanOrEqualTo(beforeCreate);
      assertThat(afterOtherGroup).as("a ConfigMap is not of the group").hasValue(created);
      assertThat(deleted).as("a delete is a change").isGreaterThan(created);
      assertThat(configMapWritten).as("the core group's: the ConfigMap").isGreaterThan(created);
      assertThat(own.lastChangeBesidesStatusNanosOutside(List.of()))
          .as("of any group: the delete")
          .hasValue(deleted);
      assertThat(own.lastChangeBesidesStatusNanosOutside(WORKSPACE_GROUP_ONLY))
          .as("outside the Workspace's group: the ConfigMap")
          .hasValue(configMapWritten);
    }
  }

  @Test
  void aStatusWriteIsAChangeButNotOneBesidesStatus() {
    try (SimulatedCluster own = SimulatedCluster.start("statuses")) {
      own.client()
          .genericKubernetesResources(WORKSPACES)
          .inNamespace("mesh")
          .resource(workspace())
          .create();
      long created = own.lastChangeNanos(WORKSPACE_GROUP_ONLY).orElseThrow();

      own.client()
          .genericKubernetesResources(WORKSPACES)
          .inNamespace("mesh")
          .withName("w")
          .subresource("status")
          .patch(
              PatchContext.of(PatchType.JSON),
              "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"state\":\"Accepted\"}}]");

      assertThat(own.lastChangeNanos(WORKSPACE_GROUP_ONLY).orElseThrow())
          .as("any write")
          .isGreaterThan(created);
      assertThat(own.lastChangeBesidesStatusNanosOutside(List.of()))
          .as("the status write left out")
          .hasValue(created);
    }
  }

  private static GenericKubernetesResource workspace() {
    GenericKubernetesResource workspace =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("meshfed.dev/v1alpha1")
            .withKind("Workspace")
            .withNewMetadata()
            .withName("w")
            .withNamespace("mesh")
            .endMetadata()
            .build();
    workspace.setAdditionalProperty("spec", Map.of());
    return workspace;
  }
}
