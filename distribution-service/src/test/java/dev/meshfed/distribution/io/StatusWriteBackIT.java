package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.apply.StatusLoop;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statuses read from a cluster's status topic end up on its objects, against a real broker. */
class StatusWriteBackIT {

  private static final RetrySettings FAST_RETRY =
      new RetrySettings(Duration.ofMillis(50), Duration.ofMillis(500));
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ResourceDefinitionContext WORKSPACES =
      new ResourceDefinitionContext.Builder()
          .withGroup("meshfed.dev")
          .withVersion("v1alpha1")
          .withKind("Workspace")
          .withPlural("workspaces")
          .withNamespaced(true)
          .build();

  @TempDir static Path kafkaLogs;
  private static KafkaBroker broker;

  private SimulatedCluster cluster;
  private KubernetesClient client;
  private StatusLoop loop;
  private KafkaProducer<DiscoveryKey, InputStatus> translation;
  private TopicSpec<DiscoveryKey, InputStatus> topic;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start(kafkaLogs);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void start() throws Exception {
    cluster = SimulatedCluster.start("mgmt");
    client = cluster.client();
    topic = Topics.status("mgmt");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(topic.newTopic((short) 1))).all().get();
    }
    translation =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
    loop =
        DistributionFactory.statusLoop(
            "mgmt", Map.of("bootstrap.servers", broker.bootstrapServers()), client, FAST_RETRY);
  }

  @AfterEach
  void stop() throws Exception {
    loop.close();
    translation.close();
    client.close();
    cluster.close();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.deleteTopics(List.of(topic.name())).all().get();
    }
  }

  @Test
  void writesTheLatestStatusOfAnInputAndLeavesItsSpecAlone() throws Exception {
    client
        .genericKubernetesResources(WORKSPACES)
        .inNamespace("gloo-mesh")
        .resource(workspace("bookinfo"))
        .create();
    send("Workspace", "bookinfo", status(InputState.WARNING, "first"));
    send("Workspace", "bookinfo", status(InputState.ACCEPTED, "accepted"));
    loop.start();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(statusOf("bookinfo")).containsEntry("message", "accepted"));
    GenericKubernetesResource written = get("bookinfo");
    assertThat(written.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("workloadClusters", List.of(Map.of("name", "*"))));
    assertThat(statusOf("bookinfo")).containsEntry("state", "ACCEPTED");
  }

  @Test
  void neitherCreatesAMissingInputNorWritesKindsItDoesNotOwn() throws Exception {
    client
        .genericKubernetesResources(WORKSPACES)
        .inNamespace("gloo-mesh")
        .resource(workspace("last"))
        .create();
    send("Workspace", "gone", status(InputState.INVALID, "invalid"));
    send("Service", "bookinfo", status(InputState.ACCEPTED, "not meshfed's"));
    send("Workspace", "last", status(InputState.ACCEPTED, "last"));
    loop.start();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(statusOf("last")).containsEntry("message", "last"));
    assertThat(get("gone")).isNull();
    assertThat(loop.settled()).isEqualTo(2);
  }

  @Test
  void writesOnlyItsOwnFieldOfTheStatusOfAGlooResource() throws Exception {
    ResourceDefinitionContext glooWorkspaces =
        new ResourceDefinitionContext.Builder()
            .withGroup("admin.gloo.solo.io")
            .withVersion("v2")
            .withKind("Workspace")
            .withPlural("workspaces")
            .withNamespaced(true)
            .build();
    GenericKubernetesResource gloo = workspace("bookinfo");
    gloo.setApiVersion("admin.gloo.solo.io/v2");
    gloo.setAdditionalProperty("status", Map.of("state", "Gloo's own"));
    client
        .genericKubernetesResources(glooWorkspaces)
        .inNamespace("gloo-mesh")
        .resource(gloo)
        .create();
    InputStatus status =
        InputStatus.newBuilder(status(InputState.WARNING, "from meshfed"))
            .setApiVersion("admin.gloo.solo.io/v2")
            .build();
    send("Workspace.admin.gloo.solo.io", "bookinfo", status);
    loop.start();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> written =
                  (Map<String, Object>)
                      client
                          .genericKubernetesResources(glooWorkspaces)
                          .inNamespace("gloo-mesh")
                          .withName("bookinfo")
                          .get()
                          .getAdditionalProperties()
                          .get("status");
              assertThat(written).containsEntry("state", "Gloo's own");
              assertThat((Map<String, Object>) written.get("meshfed"))
                  .containsEntry("message", "from meshfed");
            });
  }

  @Test
  void writesTheStatusOfVirtualDestinationsOfBothDialects() throws Exception {
    ResourceDefinitionContext meshfedDestinations = virtualDestinations("meshfed.dev", "v1alpha1");
    ResourceDefinitionContext glooDestinations =
        virtualDestinations("networking.gloo.solo.io", "v2");
    client
        .genericKubernetesResources(meshfedDestinations)
        .inNamespace("gloo-mesh")
        .resource(virtualDestination("meshfed.dev/v1alpha1", Map.of("state", "stale")))
        .create();
    client
        .genericKubernetesResources(glooDestinations)
        .inNamespace("gloo-mesh")
        .resource(virtualDestination("networking.gloo.solo.io/v2", Map.of("state", "Gloo's own")))
        .create();
    send("VirtualDestination", "reviews", status(InputState.WARNING, "meshfed's"));
    send(
        "VirtualDestination.networking.gloo.solo.io",
        "reviews",
        InputStatus.newBuilder(status(InputState.ACCEPTED, "Gloo's, from meshfed"))
            .setApiVersion("networking.gloo.solo.io/v2")
            .build());
    loop.start();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(statusOf(meshfedDestinations, "reviews"))
                  .containsEntry("state", "WARNING")
                  .containsEntry("message", "meshfed's")
                  .doesNotContainKey("meshfed");
              Map<String, Object> gloo = statusOf(glooDestinations, "reviews");
              assertThat(gloo).containsEntry("state", "Gloo's own");
              assertThat(gloo.get("meshfed"))
                  .isEqualTo(
                      Map.of(
                          "state",
                          "ACCEPTED",
                          "message",
                          "Gloo's, from meshfed",
                          "observedGeneration",
                          3));
            });
    assertThat(
            client
                .genericKubernetesResources(glooDestinations)
                .inNamespace("gloo-mesh")
                .withName("reviews")
                .get()
                .getAdditionalProperties()
                .get("spec"))
        .isEqualTo(Map.of("hosts", List.of("reviews.global")));
  }

  private void send(String kind, String name, InputStatus status) throws Exception {
    translation
        .send(new ProducerRecord<>(topic.name(), new DiscoveryKey(kind, "gloo-mesh", name), status))
        .get();
  }

  private static InputStatus status(InputState state, String message) {
    return new InputStatus(
        "meshfed.dev/v1alpha1",
        state,
        message,
        3L,
        "{\"state\":\"" + state + "\",\"message\":\"" + message + "\",\"observedGeneration\":3}");
  }

  private static GenericKubernetesResource workspace(String name) {
    GenericKubernetesResource workspace =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("meshfed.dev/v1alpha1")
            .withKind("Workspace")
            .withNewMetadata()
            .withName(name)
            .withNamespace("gloo-mesh")
            .endMetadata()
            .build();
    workspace.setAdditionalProperty(
        "spec", Map.of("workloadClusters", List.of(Map.of("name", "*"))));
    return workspace;
  }

  private static ResourceDefinitionContext virtualDestinations(String group, String version) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind("VirtualDestination")
        .withPlural("virtualdestinations")
        .withNamespaced(true)
        .build();
  }

  private static GenericKubernetesResource virtualDestination(
      String apiVersion, Map<String, Object> status) {
    GenericKubernetesResource destination =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(apiVersion)
            .withKind("VirtualDestination")
            .withNewMetadata()
            .withName("reviews")
            .withNamespace("gloo-mesh")
            .endMetadata()
            .build();
    destination.setAdditionalProperty("spec", Map.of("hosts", List.of("reviews.global")));
    destination.setAdditionalProperty("status", status);
    return destination;
  }

  private GenericKubernetesResource get(String name) {
    return client
        .genericKubernetesResources(WORKSPACES)
        .inNamespace("gloo-mesh")
        .withName(name)
        .get();
  }

  private Map<String, Object> statusOf(String name) {
    return statusOf(WORKSPACES, name);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> statusOf(ResourceDefinitionContext type, String name) {
    GenericKubernetesResource object =
        client.genericKubernetesResources(type).inNamespace("gloo-mesh").withName(name).get();
    Object status = object == null ? null : object.getAdditionalProperties().get("status");
    return status instanceof Map ? (Map<String, Object>) status : Map.of();
  }
}
