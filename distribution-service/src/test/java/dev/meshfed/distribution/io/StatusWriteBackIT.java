package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.StatusLoop;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Statuses read from a cluster's status topic end up on its objects, against a real broker. */
class StatusWriteBackIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ResourceDefinitionContext WORKSPACES =
      new ResourceDefinitionContext.Builder()
          .withGroup("meshfed.dev")
          .withVersion("v1alpha1")
          .withKind("Workspace")
          .withPlural("workspaces")
          .withNamespaced(true)
          .build();

  private static final String GLOO_RESILIENCE = "resilience.policy.gloo.solo.io";
  private static final String GLOO_TRAFFIC_CONTROL = "trafficcontrol.policy.gloo.solo.io";
  private static final String GLOO_SECURITY = "security.policy.gloo.solo.io";
  private static final Map<String, Object> POLICY_SPEC =
      Map.of(
          "applyToDestinations",
          List.of(Map.of("kind", "VIRTUAL_DESTINATION", "selector", Map.of("name", "reviews"))));

  @RegisterExtension static final TestBroker broker = new TestBroker();

  private SimulatedCluster cluster;
  private KubernetesClient client;
  private StatusLoop loop;
  private StatusTopicWriter translation;

  @BeforeEach
  void start() throws Exception {
    cluster = SimulatedCluster.start("mgmt");
    client = cluster.client();
    translation = new StatusTopicWriter(broker, "mgmt");
    loop = DistributionFactory.statusLoop("mgmt", broker.kafka(), client, TestBroker.FAST_RETRY);
  }

  @AfterEach
  void stop() throws Exception {
    loop.close();
    translation.close();
    client.close();
    cluster.close();
    translation.deleteTopic();
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

  @Test
  void writesTheStatusOfDestinationPoliciesOfBothDialects() throws Exception {
    ResourceDefinitionContext meshfedFailover =
        resources("meshfed.dev", "v1alpha1", "FailoverPolicy", "failoverpolicies");
    ResourceDefinitionContext meshfedOutlierDetection =
        resources("meshfed.dev", "v1alpha1", "OutlierDetectionPolicy", "outlierdetectionpolicies");
    ResourceDefinitionContext glooFailover =
        resources(GLOO_RESILIENCE, "v2", "FailoverPolicy", "failoverpolicies");
    ResourceDefinitionContext glooOutlierDetection =
        resources(GLOO_RESILIENCE, "v2", "OutlierDetectionPolicy", "outlierdetectionpolicies");
    for (ResourceDefinitionContext meshfeds : List.of(meshfedFailover, meshfedOutlierDetection)) {
      create(meshfeds, policy(meshfeds, Map.of("state", "stale")));
    }
    for (ResourceDefinitionContext gloos : List.of(glooFailover, glooOutlierDetection)) {
      create(gloos, policy(gloos, Map.of("state", "Gloo's own")));
    }
    send("FailoverPolicy", "reviews", status(InputState.WARNING, "meshfed's failover"));
    send("OutlierDetectionPolicy", "reviews", status(InputState.ACCEPTED, "meshfed's ejection"));
    send(
        "FailoverPolicy.resilience.policy.gloo.solo.io",
        "reviews",
        glooStatus(InputState.ACCEPTED, "Gloo's failover, from meshfed"));
    send(
        "OutlierDetectionPolicy.resilience.policy.gloo.solo.io",
        "reviews",
        glooStatus(InputState.INVALID, "Gloo's ejection, from meshfed"));
    loop.start();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(statusOf(meshfedFailover, "reviews"))
                  .containsEntry("state", "WARNING")
                  .containsEntry("message", "meshfed's failover")
                  .doesNotContainKey("meshfed");
              assertThat(statusOf(meshfedOutlierDetection, "reviews"))
                  .containsEntry("state", "ACCEPTED")
                  .containsEntry("message", "meshfed's ejection")
                  .doesNotContainKey("meshfed");
              assertThat(statusOf(glooFailover, "reviews"))
                  .containsEntry("state", "Gloo's own")
                  .containsEntry(
                      "meshfed",
                      Map.of(
                          "state",
                          "ACCEPTED",
                          "message",
                          "Gloo's failover, from meshfed",
                          "observedGeneration",
                          3));
              assertThat(statusOf(glooOutlierDetection, "reviews"))
                  .containsEntry("state", "Gloo's own")
                  .containsEntry(
                      "meshfed",
                      Map.of(
                          "state",
                          "INVALID",
                          "message",
                          "Gloo's ejection, from meshfed",
                          "observedGeneration",
                          3));
            });
    assertThat(
            client
                .genericKubernetesResources(glooOutlierDetection)
                .inNamespace("gloo-mesh")
                .withName("reviews")
                .get()
                .getAdditionalProperties()
                .get("spec"))
        .isEqualTo(POLICY_SPEC);
  }

  @Test
  void writesTheStatusOfRouteTablesAndRoutePoliciesOfBothDialects() throws Exception {
    Map<String, ResourceDefinitionContext> meshfeds =
        Map.of(
            "RouteTable",
            resources("meshfed.dev", "v1alpha1", "RouteTable", "routetables"),
            "RetryTimeoutPolicy",
            resources("meshfed.dev", "v1alpha1", "RetryTimeoutPolicy", "retrytimeoutpolicies"),
            "FaultInjectionPolicy",
            resources("meshfed.dev", "v1alpha1", "FaultInjectionPolicy", "faultinjectionpolicies"));
    Map<String, ResourceDefinitionContext> gloos =
        Map.of(
            "RouteTable.networking.gloo.solo.io",
            resources("networking.gloo.solo.io", "v2", "RouteTable", "routetables"),
            "RetryTimeoutPolicy.resilience.policy.gloo.solo.io",
            resources(GLOO_RESILIENCE, "v2", "RetryTimeoutPolicy", "retrytimeoutpolicies"),
            "FaultInjectionPolicy.resilience.policy.gloo.solo.io",
            resources(GLOO_RESILIENCE, "v2", "FaultInjectionPolicy", "faultinjectionpolicies"));

    assertStatusesWrittenToBothDialects(meshfeds, gloos);
  }

  @Test
  void writesTheStatusOfTrafficControlPoliciesOfBothDialects() throws Exception {
    Map<String, ResourceDefinitionContext> meshfeds =
        Map.of(
            "HeaderManipulationPolicy",
            resources(
                "meshfed.dev",
                "v1alpha1",
                "HeaderManipulationPolicy",
                "headermanipulationpolicies"),
            "MirrorPolicy",
            resources("meshfed.dev", "v1alpha1", "MirrorPolicy", "mirrorpolicies"));
    Map<String, ResourceDefinitionContext> gloos =
        Map.of(
            "HeaderManipulationPolicy.trafficcontrol.policy.gloo.solo.io",
            resources(
                GLOO_TRAFFIC_CONTROL,
                "v2",
                "HeaderManipulationPolicy",
                "headermanipulationpolicies"),
            "MirrorPolicy.trafficcontrol.policy.gloo.solo.io",
            resources(GLOO_TRAFFIC_CONTROL, "v2", "MirrorPolicy", "mirrorpolicies"));

    assertStatusesWrittenToBothDialects(meshfeds, gloos);
  }

  @Test
  void writesTheStatusOfAccessPoliciesOfBothDialects() throws Exception {
    assertStatusesWrittenToBothDialects(
        Map.of(
            "AccessPolicy", resources("meshfed.dev", "v1alpha1", "AccessPolicy", "accesspolicies")),
        Map.of(
            "AccessPolicy.security.policy.gloo.solo.io",
            resources(GLOO_SECURITY, "v2", "AccessPolicy", "accesspolicies")));
  }

  @Test
  void writesTheStatusOfExternalServicesAndEndpointsOfBothDialects() throws Exception {
    Map<String, ResourceDefinitionContext> meshfeds =
        Map.of(
            "ExternalService",
            resources("meshfed.dev", "v1alpha1", "ExternalService", "externalservices"),
            "ExternalEndpoint",
            resources("meshfed.dev", "v1alpha1", "ExternalEndpoint", "externalendpoints"));
    Map<String, ResourceDefinitionContext> gloos =
        Map.of(
            "ExternalService.networking.gloo.solo.io",
            resources("networking.gloo.solo.io", "v2", "ExternalService", "externalservices"),
            "ExternalEndpoint.networking.gloo.solo.io",
            resources("networking.gloo.solo.io", "v2", "ExternalEndpoint", "externalendpoints"));

    assertStatusesWrittenToBothDialects(meshfeds, gloos);
  }

  /**
   * Sends a status for a "reviews" input of each kind and waits for it: meshfed's own resources
   * (created with a stale status) get the whole status, Gloo's (created with a status of Gloo's)
   * keep theirs and get meshfed's under status.meshfed.
   *
   * @param meshfeds meshfed's kinds, by the kind discovery publishes each under
   * @param gloos Gloo's kinds, the same
   */
  private void assertStatusesWrittenToBothDialects(
      Map<String, ResourceDefinitionContext> meshfeds, Map<String, ResourceDefinitionContext> gloos)
      throws Exception {
    for (var meshfed : meshfeds.entrySet()) {
      create(meshfed.getValue(), policy(meshfed.getValue(), Map.of("state", "stale")));
      send(
          meshfed.getKey(),
          "reviews",
          status(InputState.ACCEPTED, "meshfed's " + meshfed.getKey()));
    }
    for (var gloo : gloos.entrySet()) {
      create(gloo.getValue(), policy(gloo.getValue(), Map.of("state", "Gloo's own")));
      InputStatus status =
          InputStatus.newBuilder(status(InputState.INVALID, "Gloo's " + gloo.getKey()))
              .setApiVersion(gloo.getValue().getGroup() + "/v2")
              .build();
      send(gloo.getKey(), "reviews", status);
    }
    loop.start();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (var meshfed : meshfeds.entrySet()) {
                assertThat(statusOf(meshfed.getValue(), "reviews"))
                    .containsEntry("state", "ACCEPTED")
                    .containsEntry("message", "meshfed's " + meshfed.getKey())
                    .doesNotContainKey("meshfed");
              }
              for (var gloo : gloos.entrySet()) {
                assertThat(statusOf(gloo.getValue(), "reviews"))
                    .containsEntry("state", "Gloo's own")
                    .containsEntry(
                        "meshfed",
                        Map.of(
                            "state",
                            "INVALID",
                            "message",
                            "Gloo's " + gloo.getKey(),
                            "observedGeneration",
                            3));
              }
            });
  }

  private void send(String kind, String name, InputStatus status) throws Exception {
    translation.send(new DiscoveryKey(kind, "gloo-mesh", name), status);
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

  private static InputStatus glooStatus(InputState state, String message) {
    return InputStatus.newBuilder(status(state, message))
        .setApiVersion(GLOO_RESILIENCE + "/v2")
        .build();
  }

  private void create(ResourceDefinitionContext type, GenericKubernetesResource object) {
    client.genericKubernetesResources(type).inNamespace("gloo-mesh").resource(object).create();
  }

  private static ResourceDefinitionContext resources(
      String group, String version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  private static GenericKubernetesResource policy(
      ResourceDefinitionContext type, Map<String, Object> status) {
    GenericKubernetesResource policy =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(type.getGroup() + "/" + type.getVersion())
            .withKind(type.getKind())
            .withNewMetadata()
            .withName("reviews")
            .withNamespace("gloo-mesh")
            .endMetadata()
            .build();
    policy.setAdditionalProperty("spec", POLICY_SPEC);
    policy.setAdditionalProperty("status", status);
    return policy;
  }

  private static ResourceDefinitionContext virtualDestinations(String group, String version) {
    return resources(group, version, "VirtualDestination", "virtualdestinations");
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
