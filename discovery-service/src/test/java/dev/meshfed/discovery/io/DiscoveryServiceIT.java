package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.model.MeshfedResource;
import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.sync.DiscoveryService;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AccessPolicyState;
import dev.meshfed.schema.discovery.AccessRule;
import dev.meshfed.schema.discovery.ClusterRegistrationState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DestinationSelector;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.EndpointSliceState;
import dev.meshfed.schema.discovery.ExternalEndpointPort;
import dev.meshfed.schema.discovery.ExternalEndpointState;
import dev.meshfed.schema.discovery.ExternalServicePort;
import dev.meshfed.schema.discovery.ExternalServiceState;
import dev.meshfed.schema.discovery.FailoverPolicyState;
import dev.meshfed.schema.discovery.FaultAbort;
import dev.meshfed.schema.discovery.FaultInjectionPolicyState;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.ForwardTo;
import dev.meshfed.schema.discovery.HeaderManipulationPolicyState;
import dev.meshfed.schema.discovery.HttpRoute;
import dev.meshfed.schema.discovery.Locality;
import dev.meshfed.schema.discovery.LocalityMapping;
import dev.meshfed.schema.discovery.MeshConfigState;
import dev.meshfed.schema.discovery.MirrorPolicyState;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.NodeState;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.OutlierDetectionPolicyState;
import dev.meshfed.schema.discovery.RetryTimeoutPolicyState;
import dev.meshfed.schema.discovery.RouteDestination;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.VirtualDestinationPort;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkloadState;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceState;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service's real adapters against an in-JVM Kafka broker and a simulated cluster. */
class DiscoveryServiceIT {

  private static final Duration QUIET = Duration.ofSeconds(1);
  private static final DiscoveryKey REVIEWS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews");
  private static final DiscoveryKey RATINGS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "ratings");
  private static final DiscoveryKey ISTIOD =
      Keys.of(DiscoveredKinds.CONTROL_PLANE, "istio-system", "istiod-1-22");

  private static final DiscoveryKey ISTIOD_WORKLOAD =
      Keys.of(DiscoveredKinds.DEPLOYMENT, "istio-system", "istiod-1-22");
  private static final DiscoveryKey REVIEWS_WORKLOAD =
      Keys.of(DiscoveredKinds.DEPLOYMENT, "bookinfo", "reviews-v1");

  @RegisterExtension static final TestBroker broker = new TestBroker();

  /** A cluster, and so a topic, of its own per test. */
  @RegisterExtension final DiscoveryRun run = new DiscoveryRun(broker, "it");

  private KubernetesClient kube;
  private TopicRecorder topic;
  private DiscoveryService service;

  @BeforeEach
  void startCluster() {
    kube = run.kube();
  }

  @Test
  void publishesEveryWatchedObjectWithItsFullState() {
    createNamespace();
    createService("reviews", 9080);
    createEastWestGateway();
    createIstiod();
    createWorkspace();
    createWorkspaceSettings();
    createCustomResource(MeshfedResource.KUBERNETES_CLUSTER, "gloo-mesh", "cluster1", Map.of());
    kube.resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-a")
                .endMetadata()
                .withNewStatus()
                .addNewAddress("192.168.122.11", "InternalIP")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build())
        .create();

    startService();

    topic.awaitAgent(0);
    assertThat(payload(Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo")))
        .isEqualTo(new NamespaceState(Map.of("istio-injection", "enabled")));
    assertThat(payload(REVIEWS))
        .isEqualTo(
            new ServiceState(
                "ClusterIP",
                Map.of("app", "reviews"),
                Map.of("app", "reviews"),
                List.of(new ServicePort("http", 9080, "9080", "TCP", null)),
                false,
                java.util.List.of()));
    assertThat(
            payload(
                Keys.of(
                    DiscoveredKinds.EAST_WEST_GATEWAY, "istio-gateways", "istio-eastwestgateway")))
        .isEqualTo(
            new EastWestGatewayState(
                Map.of("istio", "eastwestgateway", "topology.istio.io/network", "network1"),
                Map.of("istio", "eastwestgateway"),
                "172.18.0.10",
                15443,
                "network1",
                null));
    assertThat(payload(ISTIOD))
        .isEqualTo(
            new ControlPlaneState("docker.io/istio/pilot:1.22.0-solo", "1.22.0", "1-22", Map.of()));
    assertThat(payload(Keys.of(DiscoveredKinds.WORKSPACE, "gloo-mesh", "bookinfo")))
        .isEqualTo(
            new WorkspaceState(
                List.of(
                    new WorkloadClusterSelector(
                        "cluster1",
                        List.of(new NamespaceSelector("bookinfo", Map.of())),
                        Map.of())),
                Map.of()));
    assertThat(
            payload(Keys.of(DiscoveredKinds.WORKSPACE_SETTINGS, "bookinfo", "bookinfo-settings")))
        .isEqualTo(
            new WorkspaceSettingsState(
                new FederationOptions(
                    true,
                    "global",
                    List.of(new ServiceSelector(null, null, null, Map.of())),
                    List.of()),
                List.of(),
                List.of(),
                null,
                List.of()));
    assertThat(payload(Keys.of(DiscoveredKinds.KUBERNETES_CLUSTER, "gloo-mesh", "cluster1")))
        .isEqualTo(new ClusterRegistrationState(Map.of(), false));
    assertThat(payload(Keys.of(DiscoveredKinds.NODE, "", "node-a")))
        .isEqualTo(new NodeState(Map.of("InternalIP", "192.168.122.11"), true, null, null));
    DiscoveredObject reviews = topic.latest(REVIEWS).orElseThrow().value();
    assertThat(reviews.getApiVersion()).isEqualTo("v1");
    assertThat(reviews.getUid()).isNotEmpty();
    assertThat(reviews.getCreationTimestamp()).isNotNull();
  }

  @Test
  void readsGlooMeshResourcesUnderKindsOfTheirOwnWhereTheirCrdsAreInstalled() {
    createGlooCrd(MeshfedResource.GLOO_WORKSPACE);
    createGlooCrd(MeshfedResource.GLOO_KUBERNETES_CLUSTER);
    createWorkspace();
    createCustomResource(
        MeshfedResource.GLOO_WORKSPACE,
        "gloo-mesh",
        "bookinfo",
        Map.of(
            "workloadClusters",
            List.of(
                Map.of("name", "cluster1", "namespaces", List.of(Map.of("name", "bookinfo"))))));
    createCustomResource(
        MeshfedResource.GLOO_KUBERNETES_CLUSTER, "gloo-mesh", "cluster1", Map.of());

    startService();
    topic.awaitAgent(0);

    DiscoveryKey glooWorkspace = Keys.of(DiscoveredKinds.GLOO_WORKSPACE, "gloo-mesh", "bookinfo");
    await().until(() -> topic.latest(glooWorkspace).isPresent());
    assertThat(payload(glooWorkspace))
        .isEqualTo(payload(Keys.of(DiscoveredKinds.WORKSPACE, "gloo-mesh", "bookinfo")));
    assertThat(topic.latest(glooWorkspace).orElseThrow().value().getApiVersion())
        .isEqualTo("admin.gloo.solo.io/v2");
    assertThat(payload(Keys.of(DiscoveredKinds.GLOO_KUBERNETES_CLUSTER, "gloo-mesh", "cluster1")))
        .isEqualTo(new ClusterRegistrationState(Map.of(), false));
  }

  @Test
  void publishesVirtualDestinationsOfBothDialectsAndTombstonesADeletedOne() {
    createGlooCrd(MeshfedResource.GLOO_VIRTUAL_DESTINATION);
    Map<String, Object> spec =
        Map.of(
            "hosts", List.of("reviews.global"),
            "services",
                List.of(Map.of("namespace", "bookinfo", "labels", Map.of("app", "reviews"))),
            "ports",
                List.of(
                    Map.of(
                        "number", 9080, "protocol", "HTTP", "targetPort", Map.of("name", "http"))));
    createCustomResource(MeshfedResource.GLOO_VIRTUAL_DESTINATION, "bookinfo", "reviews", spec);
    // configuration, not an application: published though no namespace is selected
    startService(NamespaceSelection.of("meshfed-test=selected"));
    topic.awaitAgent(0);

    createCustomResource(MeshfedResource.VIRTUAL_DESTINATION, "bookinfo", "reviews", spec);

    DiscoveryKey meshfed = Keys.of(DiscoveredKinds.VIRTUAL_DESTINATION, "bookinfo", "reviews");
    DiscoveryKey gloo = Keys.of(DiscoveredKinds.GLOO_VIRTUAL_DESTINATION, "bookinfo", "reviews");
    await().until(() -> topic.latest(meshfed).isPresent());
    var reviews =
        new VirtualDestinationState(
            List.of("reviews.global"),
            List.of(new ObjectSelector(null, "bookinfo", null, null, Map.of("app", "reviews"))),
            List.of(),
            Map.of(),
            List.of(new VirtualDestinationPort(9080, "HTTP", "http")));
    assertThat(payload(meshfed)).isEqualTo(reviews);
    assertThat(payload(gloo)).isEqualTo(reviews);
    assertThat(topic.latest(gloo).orElseThrow().value().getApiVersion())
        .isEqualTo("networking.gloo.solo.io/v2");

    deleteAndAwaitTombstone(MeshfedResource.VIRTUAL_DESTINATION, meshfed);
    assertThat(topic.latest(gloo).orElseThrow().value()).isNotNull();
  }

  @Test
  void publishesDestinationPoliciesOfBothDialectsAndTombstonesADeletedOne() {
    createGlooCrd(MeshfedResource.GLOO_FAILOVER_POLICY);
    createGlooCrd(MeshfedResource.GLOO_OUTLIER_DETECTION_POLICY);
    List<Map<String, Object>> destinations =
        List.of(
            Map.of(
                "kind", "VIRTUAL_DESTINATION",
                "selector", Map.of("name", "reviews"),
                "port", Map.of("number", 9080)));
    Map<String, Object> failover =
        Map.of(
            "applyToDestinations",
            destinations,
            "config",
            Map.of(
                "localityMappings",
                List.of(
                    Map.of(
                        "from", Map.of("region", "us-east"),
                        "to", List.of(Map.of("region", "us-west"))))));
    Map<String, Object> outlierDetection =
        Map.of(
            "applyToDestinations",
            destinations,
            "config",
            Map.of("consecutiveErrors", 2, "interval", "5s"));
    createCustomResource(MeshfedResource.GLOO_FAILOVER_POLICY, "bookinfo", "reviews", failover);
    createCustomResource(
        MeshfedResource.GLOO_OUTLIER_DETECTION_POLICY, "bookinfo", "reviews", outlierDetection);
    // configuration, not an application: published though no namespace is selected
    startService(NamespaceSelection.of("meshfed-test=selected"));
    topic.awaitAgent(0);

    createCustomResource(MeshfedResource.FAILOVER_POLICY, "bookinfo", "reviews", failover);
    createCustomResource(
        MeshfedResource.OUTLIER_DETECTION_POLICY, "bookinfo", "reviews", outlierDetection);

    DiscoveryKey meshfedFailover = Keys.of(DiscoveredKinds.FAILOVER_POLICY, "bookinfo", "reviews");
    DiscoveryKey glooFailover =
        Keys.of(DiscoveredKinds.GLOO_FAILOVER_POLICY, "bookinfo", "reviews");
    DiscoveryKey meshfedOutlierDetection =
        Keys.of(DiscoveredKinds.OUTLIER_DETECTION_POLICY, "bookinfo", "reviews");
    DiscoveryKey glooOutlierDetection =
        Keys.of(DiscoveredKinds.GLOO_OUTLIER_DETECTION_POLICY, "bookinfo", "reviews");
    await()
        .until(
            () ->
                topic.latest(meshfedFailover).isPresent()
                    && topic.latest(meshfedOutlierDetection).isPresent());
    List<DestinationSelector> reviews =
        List.of(
            new DestinationSelector(
                "VIRTUAL_DESTINATION",
                new ObjectSelector("reviews", null, null, null, Map.of()),
                9080,
                null));
    var failoverState =
        new FailoverPolicyState(
            reviews,
            List.of(
                new LocalityMapping(
                    new Locality("us-east", null, null, null),
                    List.of(new Locality("us-west", null, null, null)))),
            List.of());
    var outlierDetectionState = new OutlierDetectionPolicyState(reviews, 2, "5s", null, null);
    assertThat(payload(meshfedFailover)).isEqualTo(failoverState);
    assertThat(payload(glooFailover)).isEqualTo(failoverState);
    assertThat(payload(meshfedOutlierDetection)).isEqualTo(outlierDetectionState);
    assertThat(payload(glooOutlierDetection)).isEqualTo(outlierDetectionState);
    assertThat(topic.latest(glooFailover).orElseThrow().value().getApiVersion())
        .isEqualTo("resilience.policy.gloo.solo.io/v2");

    deleteAndAwaitTombstone(MeshfedResource.FAILOVER_POLICY, meshfedFailover);
    assertThat(topic.latest(glooFailover).orElseThrow().value()).isNotNull();
    assertThat(topic.latest(meshfedOutlierDetection).orElseThrow().value()).isNotNull();
  }

  @Test
  void publishesRouteTablesAndRoutePoliciesOfBothDialectsAndTombstonesADeletedOne() {
    List<MeshfedResource> gloos =
        List.of(
            MeshfedResource.GLOO_ROUTE_TABLE,
            MeshfedResource.GLOO_RETRY_TIMEOUT_POLICY,
            MeshfedResource.GLOO_FAULT_INJECTION_POLICY);
    List<MeshfedResource> meshfeds =
        List.of(
            MeshfedResource.ROUTE_TABLE,
            MeshfedResource.RETRY_TIMEOUT_POLICY,
            MeshfedResource.FAULT_INJECTION_POLICY);
    Map<MeshfedResource, Map<String, Object>> specs =
        Map.of(
            MeshfedResource.ROUTE_TABLE,
            Map.of(
                "hosts",
                List.of("reviews.global"),
                "http",
                List.of(
                    Map.of(
                        "name",
                        "reviews",
                        "forwardTo",
                        Map.of(
                            "destinations", List.of(Map.of("ref", Map.of("name", "reviews"))))))),
            MeshfedResource.RETRY_TIMEOUT_POLICY,
            Map.of("applyToRoutes", List.of(Map.of()), "config", Map.of("requestTimeout", "2s")),
            MeshfedResource.FAULT_INJECTION_POLICY,
            Map.of("config", Map.of("abort", Map.of("httpStatus", 503))));
    gloos.forEach(this::createGlooCrd);
    for (int i = 0; i < gloos.size(); i++) {
      createCustomResource(gloos.get(i), "bookinfo", "reviews", specs.get(meshfeds.get(i)));
    }
    // configuration, not an application: published though no namespace is selected
    startService(NamespaceSelection.of("meshfed-test=selected"));
    topic.awaitAgent(0);

    meshfeds.forEach(type -> createCustomResource(type, "bookinfo", "reviews", specs.get(type)));

    DiscoveryKey meshfedRouteTable = Keys.of(DiscoveredKinds.ROUTE_TABLE, "bookinfo", "reviews");
    DiscoveryKey meshfedRetries =
        Keys.of(DiscoveredKinds.RETRY_TIMEOUT_POLICY, "bookinfo", "reviews");
    DiscoveryKey meshfedFaults =
        Keys.of(DiscoveredKinds.FAULT_INJECTION_POLICY, "bookinfo", "reviews");
    DiscoveryKey glooRouteTable = Keys.of(DiscoveredKinds.GLOO_ROUTE_TABLE, "bookinfo", "reviews");
    DiscoveryKey glooRetries =
        Keys.of(DiscoveredKinds.GLOO_RETRY_TIMEOUT_POLICY, "bookinfo", "reviews");
    DiscoveryKey glooFaults =
        Keys.of(DiscoveredKinds.GLOO_FAULT_INJECTION_POLICY, "bookinfo", "reviews");
    await()
        .until(
            () ->
                topic.latest(meshfedRouteTable).isPresent()
                    && topic.latest(meshfedRetries).isPresent()
                    && topic.latest(meshfedFaults).isPresent());
    var routeTable =
        new RouteTableState(
            List.of("reviews.global"),
            List.of(),
            List.of(),
            null,
            List.of(
                new HttpRoute(
                    "reviews",
                    Map.of(),
                    List.of(),
                    new ForwardTo(
                        List.of(
                            new RouteDestination(
                                new ObjectSelector("reviews", null, null, null, Map.of()),
                                "SERVICE",
                                null,
                                null,
                                Map.of(),
                                null)),
                        null,
                        null),
                    null,
                    null)),
            null);
    var retries =
        new RetryTimeoutPolicyState(
            List.of(new ObjectSelector(null, null, null, null, Map.of())), "2s", null);
    var faults = new FaultInjectionPolicyState(List.of(), null, new FaultAbort(503, null));
    assertThat(payload(meshfedRouteTable)).isEqualTo(routeTable);
    assertThat(payload(glooRouteTable)).isEqualTo(routeTable);
    assertThat(payload(meshfedRetries)).isEqualTo(retries);
    assertThat(payload(glooRetries)).isEqualTo(retries);
    assertThat(payload(meshfedFaults)).isEqualTo(faults);
    assertThat(payload(glooFaults)).isEqualTo(faults);
    assertThat(topic.latest(glooRouteTable).orElseThrow().value().getApiVersion())
        .isEqualTo("networking.gloo.solo.io/v2");
    assertThat(topic.latest(glooFaults).orElseThrow().value().getApiVersion())
        .isEqualTo("resilience.policy.gloo.solo.io/v2");

    deleteAndAwaitTombstone(MeshfedResource.ROUTE_TABLE, meshfedRouteTable);
    assertThat(topic.latest(glooRouteTable).orElseThrow().value()).isNotNull();
    assertThat(topic.latest(meshfedRetries).orElseThrow().value()).isNotNull();
  }

  @Test
  void publishesTrafficControlPoliciesOfBothDialectsAndTombstonesADeletedOne() {
    Map<String, Object> headersSpec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of()),
            "config",
            Map.of(
                "appendRequestHeaders",
                Map.of("x-meshfed", "on"),
                "removeResponseHeaders",
                List.of("server")));
    Map<String, Object> mirrorSpec =
        Map.of(
            "config",
            Map.of(
                "destination",
                Map.of("ref", Map.of("name", "ratings"), "port", Map.of("number", 9080)),
                "percentage",
                50));
    createGlooCrd(MeshfedResource.GLOO_HEADER_MANIPULATION_POLICY);
    createGlooCrd(MeshfedResource.GLOO_MIRROR_POLICY);
    createCustomResource(
        MeshfedResource.GLOO_HEADER_MANIPULATION_POLICY, "bookinfo", "reviews", headersSpec);
    createCustomResource(MeshfedResource.GLOO_MIRROR_POLICY, "bookinfo", "reviews", mirrorSpec);
    // configuration, not an application: published though no namespace is selected
    startService(NamespaceSelection.of("meshfed-test=selected"));
    topic.awaitAgent(0);

    createCustomResource(
        MeshfedResource.HEADER_MANIPULATION_POLICY, "bookinfo", "reviews", headersSpec);
    createCustomResource(MeshfedResource.MIRROR_POLICY, "bookinfo", "reviews", mirrorSpec);

    DiscoveryKey meshfedHeaders =
        Keys.of(DiscoveredKinds.HEADER_MANIPULATION_POLICY, "bookinfo", "reviews");
    DiscoveryKey meshfedMirror = Keys.of(DiscoveredKinds.MIRROR_POLICY, "bookinfo", "reviews");
    DiscoveryKey glooHeaders =
        Keys.of(DiscoveredKinds.GLOO_HEADER_MANIPULATION_POLICY, "bookinfo", "reviews");
    DiscoveryKey glooMirror = Keys.of(DiscoveredKinds.GLOO_MIRROR_POLICY, "bookinfo", "reviews");
    await()
        .until(
            () ->
                topic.latest(meshfedHeaders).isPresent()
                    && topic.latest(meshfedMirror).isPresent());
    var headers =
        new HeaderManipulationPolicyState(
            List.of(new ObjectSelector(null, null, null, null, Map.of())),
            Map.of("x-meshfed", "on"),
            List.of(),
            Map.of(),
            List.of("server"));
    var mirror =
        new MirrorPolicyState(
            List.of(),
            new RouteDestination(
                new ObjectSelector("ratings", null, null, null, Map.of()),
                "SERVICE",
                9080,
                null,
                Map.of(),
                null),
            50.0);
    assertThat(payload(meshfedHeaders)).isEqualTo(headers);
    assertThat(payload(glooHeaders)).isEqualTo(headers);
    assertThat(payload(meshfedMirror)).isEqualTo(mirror);
    assertThat(payload(glooMirror)).isEqualTo(mirror);
    assertThat(topic.latest(glooMirror).orElseThrow().value().getApiVersion())
        .isEqualTo("trafficcontrol.policy.gloo.solo.io/v2");

    deleteAndAwaitTombstone(MeshfedResource.MIRROR_POLICY, meshfedMirror);
    assertThat(topic.latest(glooMirror).orElseThrow().value()).isNotNull();
    assertThat(topic.latest(meshfedHeaders).orElseThrow().value()).isNotNull();
  }

  @Test
  void publishesAccessPoliciesOfBothDialectsAndTombstonesADeletedOne() {
    Map<String, Object> accessSpec =
        Map.of(
            "applyToDestinations",
            List.of(Map.of("selector", Map.of("name", "ratings"))),
            "config",
            Map.of(
                "authn",
                Map.of("tlsMode", "STRICT"),
                "authz",
                Map.of(
                    "allowedClients",
                    List.of(
                        Map.of(
                            "serviceAccountSelector",
                            Map.of("name", "bookinfo-reviews", "namespace", "bookinfo"))),
                    "allowedMethods",
                    List.of("GET"))));
    createGlooCrd(MeshfedResource.GLOO_ACCESS_POLICY);
    createCustomResource(MeshfedResource.GLOO_ACCESS_POLICY, "bookinfo", "ratings", accessSpec);
    // configuration, not an application: published though no namespace is selected
    startService(NamespaceSelection.of("meshfed-test=selected"));
    topic.awaitAgent(0);

    createCustomResource(MeshfedResource.ACCESS_POLICY, "bookinfo", "ratings", accessSpec);

    DiscoveryKey meshfedAccess = Keys.of(DiscoveredKinds.ACCESS_POLICY, "bookinfo", "ratings");
    DiscoveryKey glooAccess = Keys.of(DiscoveredKinds.GLOO_ACCESS_POLICY, "bookinfo", "ratings");
    await().until(() -> topic.latest(meshfedAccess).isPresent());
    var access =
        new AccessPolicyState(
            List.of(
                new DestinationSelector(
                    "SERVICE",
                    new ObjectSelector("ratings", null, null, null, Map.of()),
                    null,
                    null)),
            "STRICT",
            List.of(
                new AccessRule(
                    List.of(
                        new ObjectSelector("bookinfo-reviews", "bookinfo", null, null, Map.of())),
                    List.of(),
                    List.of("GET"))));
    assertThat(payload(meshfedAccess)).isEqualTo(access);
    assertThat(payload(glooAccess)).isEqualTo(access);
    assertThat(topic.latest(glooAccess).orElseThrow().value().getApiVersion())
        .isEqualTo("security.policy.gloo.solo.io/v2");

    deleteAndAwaitTombstone(MeshfedResource.GLOO_ACCESS_POLICY, glooAccess);
    assertThat(topic.latest(meshfedAccess).orElseThrow().value()).isNotNull();
  }

  @Test
  void publishesExternalServicesAndEndpointsOfBothDialectsAndTombstonesADeletedOne() {
    Map<String, Object> serviceSpec =
        Map.of(
            "hosts",
            List.of("httpbin.org"),
            "ports",
            List.of(
                Map.of(
                    "name",
                    "https",
                    "number",
                    443,
                    "protocol",
                    "HTTPS",
                    "clientsideTls",
                    Map.of())),
            "selector",
            Map.of("external-service", "httpbin"));
    Map<String, Object> endpointSpec =
        Map.of("address", "httpbin.org", "ports", List.of(Map.of("name", "https", "number", 443)));
    Map<String, String> labels = Map.of("external-service", "httpbin");
    createGlooCrd(MeshfedResource.GLOO_EXTERNAL_SERVICE);
    createGlooCrd(MeshfedResource.GLOO_EXTERNAL_ENDPOINT);
    createCustomResource(MeshfedResource.GLOO_EXTERNAL_SERVICE, "bookinfo", "httpbin", serviceSpec);
    createCustomResource(
        MeshfedResource.GLOO_EXTERNAL_ENDPOINT, "bookinfo", "httpbin", endpointSpec, labels);
    // configuration, not an application: published though no namespace is selected
    startService(NamespaceSelection.of("meshfed-test=selected"));
    topic.awaitAgent(0);

    createCustomResource(MeshfedResource.EXTERNAL_SERVICE, "bookinfo", "httpbin", serviceSpec);
    createCustomResource(
        MeshfedResource.EXTERNAL_ENDPOINT, "bookinfo", "httpbin", endpointSpec, labels);

    DiscoveryKey meshfedService = Keys.of(DiscoveredKinds.EXTERNAL_SERVICE, "bookinfo", "httpbin");
    DiscoveryKey glooService =
        Keys.of(DiscoveredKinds.GLOO_EXTERNAL_SERVICE, "bookinfo", "httpbin");
    DiscoveryKey meshfedEndpoint =
        Keys.of(DiscoveredKinds.EXTERNAL_ENDPOINT, "bookinfo", "httpbin");
    DiscoveryKey glooEndpoint =
        Keys.of(DiscoveredKinds.GLOO_EXTERNAL_ENDPOINT, "bookinfo", "httpbin");
    await()
        .until(
            () ->
                topic.latest(meshfedService).isPresent()
                    && topic.latest(meshfedEndpoint).isPresent());
    var service =
        new ExternalServiceState(
            List.of("httpbin.org"),
            List.of(),
            List.of(new ExternalServicePort(443, "https", "HTTPS", null, true)),
            labels,
            List.of());
    var endpoint =
        new ExternalEndpointState(
            "httpbin.org", List.of(new ExternalEndpointPort("https", 443)), labels, null);
    assertThat(payload(meshfedService)).isEqualTo(service);
    assertThat(payload(glooService)).isEqualTo(service);
    assertThat(payload(meshfedEndpoint)).isEqualTo(endpoint);
    assertThat(payload(glooEndpoint)).isEqualTo(endpoint);
    assertThat(topic.latest(glooEndpoint).orElseThrow().value().getApiVersion())
        .isEqualTo("networking.gloo.solo.io/v2");

    deleteAndAwaitTombstone(MeshfedResource.GLOO_EXTERNAL_ENDPOINT, glooEndpoint);
    assertThat(topic.latest(meshfedEndpoint).orElseThrow().value()).isNotNull();
    assertThat(topic.latest(glooService).orElseThrow().value()).isNotNull();
  }

  @Test
  void publishesObjectsCreatedAfterTheSync() {
    startService();
    topic.awaitAgent(0);

    createService("ratings", 9080);

    await().until(() -> topic.latest(RATINGS).isPresent());
    assertThat(((ServiceState) payload(RATINGS)).getPorts())
        .extracting("port")
        .containsExactly(9080);
  }

  @Test
  void aPortChangePublishesANewFullRecord() {
    createService("reviews", 9080);
    startService();
    topic.awaitAgent(0);

    kube.services()
        .inNamespace("bookinfo")
        .withName("reviews")
        .edit(
            service ->
                new ServiceBuilder(service)
                    .editSpec()
                    .editFirstPort()
                    .withPort(9090)
                    .endPort()
                    .endSpec()
                    .build());

    await().until(() -> topic.recordsOf(REVIEWS).size() == 2);
    assertThat(payload(REVIEWS))
        .isEqualTo(
            new ServiceState(
                "ClusterIP",
                Map.of("app", "reviews"),
                Map.of("app", "reviews"),
                List.of(new ServicePort("http", 9090, "9080", "TCP", null)),
                false,
                java.util.List.of()));
  }

  @Test
  void statusOnlyUpdatesPublishNothing() {
    Service reviews = createService("reviews", 9080);
    Deployment istiod = createIstiod();
    startService();
    topic.awaitAgent(0);

    kube.resource(withLoadBalancerIp(reviews, "10.0.0.1")).updateStatus();
    kube.resource(
            new DeploymentBuilder(istiod).withNewStatus().withReadyReplicas(1).endStatus().build())
        .updateStatus();

    await()
        .during(QUIET)
        .atMost(QUIET.multipliedBy(3))
        .until(
            () ->
                topic.recordsOf(REVIEWS).size() == 1
                    && topic.recordsOf(ISTIOD).size() == 1
                    && topic.recordsOf(ISTIOD_WORKLOAD).size() == 1);
  }

  @Test
  void aDeploymentsStatusOnlyUpdatePublishesNothing() {
    Deployment reviews = kube.resource(workload("reviews-v1", "bookinfo-reviews")).create();
    startService();
    topic.awaitAgent(0);
    assertThat(payload(REVIEWS_WORKLOAD))
        .isEqualTo(new WorkloadState("bookinfo-reviews", Map.of("app", "reviews")));

    kube.resource(
            new DeploymentBuilder(reviews)
                .withNewStatus()
                .withReplicas(2)
                .withReadyReplicas(1)
                .withObservedGeneration(1L)
                .endStatus()
                .build())
        .updateStatus();
    kube.apps()
        .deployments()
        .inNamespace("bookinfo")
        .withName("reviews-v1")
        .edit(
            deployment ->
                new DeploymentBuilder(deployment)
                    .editSpec()
                    .editTemplate()
                    .editSpec()
                    .withServiceAccountName("reviews")
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build());

    // The informer hands over the status update before the template change: once the change is
    // published, a record for the status update would be there too.
    await().until(() -> topic.recordsOf(REVIEWS_WORKLOAD).size() >= 2);
    assertThat(topic.recordsOf(REVIEWS_WORKLOAD))
        .extracting(record -> ((WorkloadState) record.value().getPayload()).getServiceAccount())
        .containsExactly("bookinfo-reviews", "reviews");
  }

  @Test
  void publishesAnEndpointSlicesReadyAndNotReadyEndpoints() {
    kube.resource(
            new EndpointSliceBuilder()
                .withNewMetadata()
                .withNamespace("bookinfo")
                .withName("reviews-abc12")
                .addToLabels("kubernetes.io/service-name", "reviews")
                .endMetadata()
                .withAddressType("IPv4")
                .addNewEndpoint()
                .withAddresses("10.0.0.1")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .withZone("zone-b")
                .endEndpoint()
                .addNewEndpoint()
                .withAddresses("10.0.0.2")
                .withZone("zone-a")
                .endEndpoint()
                .addNewEndpoint()
                .withAddresses("10.0.0.3")
                .withNewConditions()
                .withReady(false)
                .endConditions()
                .withZone("zone-c")
                .endEndpoint()
                .build())
        .create();

    startService();
    topic.awaitAgent(0);

    assertThat(payload(Keys.of(DiscoveredKinds.ENDPOINT_SLICE, "bookinfo", "reviews-abc12")))
        .isEqualTo(new EndpointSliceState("reviews", 2, 1, List.of("zone-a", "zone-b")));
  }

  @Test
  void publishesTheMeshConfigsTrustDomain() {
    createConfigMap(
        "istio-1-22",
        Map.of("istio.io/rev", "1-22"),
        "trustDomain: cluster1.example.com\n"
            + "trustDomainAliases: [cluster.local]\n"
            + "defaultConfig:\n"
            + "  meshId: mesh1\n");
    createConfigMap(
        "istio-sidecar-injector-1-22", Map.of("istio.io/rev", "1-22"), "policy: enabled\n");
    createConfigMap("istio", Map.of(), "trustDomain: unlabelled.example.com\n");

    startService();
    topic.awaitAgent(0);

    assertThat(payload(Keys.of(DiscoveredKinds.MESH_CONFIG, "istio-system", "istio-1-22")))
        .isEqualTo(
            new MeshConfigState(
                "1-22", "cluster1.example.com", List.of("cluster.local"), "mesh1", Map.of()));
    assertThat(topic.records())
        .extracting(ConsumerRecord::key)
        .filteredOn(key -> key.getKind().equals(DiscoveredKinds.MESH_CONFIG))
        .containsExactly(Keys.of(DiscoveredKinds.MESH_CONFIG, "istio-system", "istio-1-22"));

    kube.configMaps()
        .inNamespace("istio-system")
        .withName("istio-1-22")
        .edit(
            configMap ->
                new ConfigMapBuilder(configMap)
                    .addToData("mesh", "trustDomain: cluster1.example.org\n")
                    .build());

    await()
        .until(
            () ->
                ((MeshConfigState)
                        payload(Keys.of(DiscoveredKinds.MESH_CONFIG, "istio-system", "istio-1-22")))
                    .getTrustDomain()
                    .equals("cluster1.example.org"));
  }

  @Test
  void aNamespaceSelectorPublishesANamespacesApplicationsWhileItsLabelsMatch() {
    createNamespace();
    createService("reviews", 9080);
    createEastWestGateway();
    createIstiod();
    DiscoveryKey namespace = Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo");
    DiscoveryKey gateway =
        Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, "istio-gateways", "istio-eastwestgateway");

    startService(NamespaceSelection.of("istio-discovery in (enabled, true)"));
    topic.awaitAgent(0);

    assertThat(topic.latest(gateway)).isPresent();
    assertThat(topic.latest(ISTIOD)).isPresent();
    assertThat(topic.latest(REVIEWS)).isEmpty();
    assertThat(topic.latest(namespace)).isEmpty();
    assertThat(topic.latest(ISTIOD_WORKLOAD)).isEmpty();

    Bookinfo.relabelNamespace(
        kube, Map.of("istio-injection", "enabled", "istio-discovery", "enabled"));

    await().until(() -> topic.isPresent(REVIEWS));
    assertThat(payload(namespace))
        .isEqualTo(
            new NamespaceState(Map.of("istio-injection", "enabled", "istio-discovery", "enabled")));

    Bookinfo.relabelNamespace(kube, Map.of("istio-injection", "enabled"));

    await().until(() -> topic.isTombstone(REVIEWS));
    await().until(() -> topic.isTombstone(namespace));
    assertThat(topic.recordsOf(REVIEWS)).hasSize(2);
    assertThat(topic.recordsOf(gateway)).hasSize(1);
  }

  private void createConfigMap(String name, Map<String, String> labels, String mesh) {
    kube.resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("istio-system")
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .addToData("mesh", mesh)
                .build())
        .create();
  }

  private static Deployment workload(String name, String serviceAccount) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace("bookinfo")
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", "reviews")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "reviews")
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(serviceAccount)
        .addNewContainer()
        .withName("reviews")
        .withImage("reviews:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void aDeleteIsATombstone() {
    createService("reviews", 9080);
    startService();
    topic.awaitAgent(0);

    kube.services().inNamespace("bookinfo").withName("reviews").delete();

    await().until(() -> topic.isTombstone(REVIEWS));
    assertThat(topic.recordsOf(REVIEWS)).hasSize(2);
  }

  @Test
  void aRestartTombstonesWhatWasDeletedWhileDownAndRepublishesNothingElse() {
    createNamespace();
    createService("reviews", 9080);
    createService("ratings", 9080);
    startService();
    topic.awaitAgent(0);
    service.close();
    long restartOffset = topic.nextOffset();

    kube.services().inNamespace("bookinfo").withName("ratings").delete();
    startService();

    ConsumerRecord<DiscoveryKey, DiscoveredObject> agent = topic.awaitAgent(restartOffset);
    List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> afterRestart = topic.from(restartOffset);
    assertThat(afterRestart)
        .extracting(ConsumerRecord::key, record -> record.value() == null)
        .containsExactly(tuple(RATINGS, true), tuple(AgentRecord.KEY, false));
    assertThat(agent.offset()).isGreaterThan(afterRestart.get(0).offset());
  }

  private void startService() {
    startService(NamespaceSelection.EVERYTHING);
  }

  private void startService(NamespaceSelection namespaces) {
    service = run.start(namespaces);
    topic = run.topic();
  }

  private Object payload(DiscoveryKey key) {
    return topic
        .latest(key)
        .orElseThrow(() -> new AssertionError("no record for " + key))
        .value()
        .getPayload();
  }

  private void createNamespace() {
    kube.resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("bookinfo")
                .addToLabels("istio-injection", "enabled")
                .endMetadata()
                .build())
        .create();
  }

  private Service createService(String name, int port) {
    return kube.resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace("bookinfo")
                .withName(name)
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .addToSelector("app", name)
                .addNewPort()
                .withName("http")
                .withPort(port)
                .withNewTargetPort(9080)
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  private void createEastWestGateway() {
    Service gateway =
        kube.resource(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withNamespace("istio-gateways")
                    .withName("istio-eastwestgateway")
                    .addToLabels("istio", "eastwestgateway")
                    .addToLabels("topology.istio.io/network", "network1")
                    .endMetadata()
                    .withNewSpec()
                    .withType("LoadBalancer")
                    .addToSelector("istio", "eastwestgateway")
                    .addNewPort()
                    .withName("tls")
                    .withPort(15443)
                    .endPort()
                    .endSpec()
                    .build())
            .create();
    kube.resource(withLoadBalancerIp(gateway, "172.18.0.10")).updateStatus();
  }

  private static Service withLoadBalancerIp(Service service, String ip) {
    return new ServiceBuilder(service)
        .withNewStatus()
        .withNewLoadBalancer()
        .addNewIngress()
        .withIp(ip)
        .endIngress()
        .endLoadBalancer()
        .endStatus()
        .build();
  }

  private Deployment createIstiod() {
    return kube.resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("istio-system")
                .withName("istiod-1-22")
                .addToLabels("app", "istiod")
                .addToLabels("istio.io/rev", "1-22")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "istiod")
                .endSelector()
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("discovery")
                .withImage("docker.io/istio/pilot:1.22.0-solo")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  private void createWorkspace() {
    createCustomResource(
        MeshfedResource.WORKSPACE,
        "gloo-mesh",
        "bookinfo",
        Map.of(
            "workloadClusters",
            List.of(
                Map.of("name", "cluster1", "namespaces", List.of(Map.of("name", "bookinfo"))))));
  }

  private void createWorkspaceSettings() {
    createCustomResource(
        MeshfedResource.WORKSPACE_SETTINGS,
        "bookinfo",
        "bookinfo-settings",
        Map.of(
            "options",
            Map.of(
                "federation",
                Map.of(
                    "enabled",
                    true,
                    "serviceSelector",
                    List.of(Map.of()),
                    "hostSuffix",
                    "global"))));
  }

  /** Gloo's resources are read only where the API server serves them: from a CRD. */
  private void createGlooCrd(MeshfedResource type) {
    kube.resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(type.plural() + "." + type.group())
                .endMetadata()
                .withNewSpec()
                .withGroup(type.group())
                .withScope("Namespaced")
                .withNewNames()
                .withKind(type.kind())
                .withPlural(type.plural())
                .endNames()
                .addNewVersion()
                .withName(type.version())
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build())
        .create();
  }

  private void createCustomResource(
      MeshfedResource type, String namespace, String name, Map<String, Object> spec) {
    createCustomResource(type, namespace, name, spec, Map.of());
  }

  private void createCustomResource(
      MeshfedResource type,
      String namespace,
      String name,
      Map<String, Object> spec,
      Map<String, String> labels) {
    GenericKubernetesResource resource =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(type.apiVersion())
            .withKind(type.kind())
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .addToAdditionalProperties("spec", spec)
            .build();
    kube.genericKubernetesResources(context(type)).resource(resource).create();
  }

  /** Deletes the custom resource a key names, and waits for the key's tombstone. */
  private void deleteAndAwaitTombstone(MeshfedResource type, DiscoveryKey key) {
    kube.genericKubernetesResources(context(type))
        .inNamespace(key.getNamespace())
        .withName(key.getName())
        .delete();
    await().until(() -> topic.isTombstone(key));
  }

  private static ResourceDefinitionContext context(MeshfedResource type) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(type.group())
        .withVersion(type.version())
        .withKind(type.kind())
        .withPlural(type.plural())
        .withNamespaced(true)
        .build();
  }
}
