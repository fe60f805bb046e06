package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes of Istio objects to a cluster with Istio 1.24 installed: accepted or 422 Invalid. */
class IstioAdmissionTest {

  private static final String NS = "istio-system";
  private static SimulatedCluster cluster;
  private static int names;

  @BeforeAll
  static void installIstio() {
    cluster = SimulatedCluster.start("east");
    cluster.installIstio("1.24.6");
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static final String SERVICE_ENTRY =
      """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      spec:
        hosts: [reviews.bookinfo.global]
        location: MESH_INTERNAL
        resolution: STATIC
        exportTo: [".", "bookinfo"]
        ports:
        - {number: 9080, name: http, protocol: HTTP}
        - {number: 15443, name: tls, protocol: TLS}
        endpoints:
        - address: 10.0.0.1
          ports: {http: 15443}
          labels: {app: reviews, topology.istio.io/cluster: west}
      """;
  static final String GATEWAY =
      """
      apiVersion: networking.istio.io/v1
      kind: Gateway
      spec:
        selector: {istio: eastwestgateway}
        servers:
        - port: {number: 15443, name: tls, protocol: TLS}
          hosts: ["*.global", "bookinfo/reviews.bookinfo.svc.cluster.local"]
          tls: {mode: AUTO_PASSTHROUGH}
      """;
  static final String AUTHORIZATION_POLICY =
      """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      spec:
        action: ALLOW
        selector: {matchLabels: {app: reviews}}
        rules:
        - from:
          - source:
              principals: [west.local/ns/bookinfo/sa/productpage]
              namespaces: [bookinfo]
          to:
          - operation: {ports: ["9080"], methods: [GET]}
          when:
          - {key: "request.headers[x-user]", values: [alice]}
      """;
  static final String SIDECAR =
      """
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      spec:
        egress:
        - hosts: ["./*", "istio-system/*.global"]
      """;
  static final String DESTINATION_RULE =
      """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      spec:
        host: reviews.bookinfo.global
        trafficPolicy:
          tls: {mode: ISTIO_MUTUAL}
          loadBalancer: {simple: ROUND_ROBIN}
        subsets:
        - {name: v1, labels: {version: v1}}
      """;
  static final String PEER_AUTHENTICATION =
      """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      spec:
        mtls: {mode: STRICT}
      """;
  static final String VIRTUAL_SERVICE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      spec:
        hosts: [reviews]
        http:
        - match: [{uri: {prefix: /reviews}}]
          route: [{destination: {host: reviews.bookinfo.global}}]
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        SERVICE_ENTRY,
        GATEWAY,
        AUTHORIZATION_POLICY,
        SIDECAR,
        DESTINATION_RULE,
        PEER_AUTHENTICATION,
        VIRTUAL_SERVICE
      })
  void a_valid_object_is_accepted_by_create_and_by_server_side_apply(String yaml) {
    GenericKubernetesResource created = objects(object(yaml)).resource(object(yaml)).create();
    assertThat(created.getMetadata().getUid()).isNotEmpty();

    GenericKubernetesResource applied = object(yaml);
    GenericKubernetesResource stored =
        objects(applied).resource(applied).fieldManager("meshfed").serverSideApply();
    assertThat(stored.getMetadata().getName()).isEqualTo(applied.getMetadata().getName());
  }

  @Test
  void an_unknown_field_is_rejected() {
    assertRejected(
        SERVICE_ENTRY.replace("location:", "colour: blue\n  location:"),
        "spec.colour",
        "unknown field \"spec.colour\"");
  }

  @Test
  void a_value_outside_an_enum_is_rejected() {
    assertRejected(
        SERVICE_ENTRY.replace("resolution: STATIC", "resolution: SOMETIMES"),
        "spec.resolution",
        "Unsupported value: \"SOMETIMES\"");
    assertRejected(
        PEER_AUTHENTICATION.replace("STRICT", "STRICTLY"), "spec.mtls.mode", "Unsupported value");
    assertRejected(
        DESTINATION_RULE.replace("ISTIO_MUTUAL", "MUTUAL_ISTIO"),
        "spec.trafficPolicy.tls.mode",
        "Unsupported value");
    assertRejected(
        AUTHORIZATION_POLICY.replace("action: ALLOW", "action: PERMIT"),
        "spec.action",
        "Unsupported value");
  }

  @Test
  void a_missing_required_field_is_rejected() {
    assertRejected(
        SERVICE_ENTRY.replace("name: tls, ", ""), "spec.ports[1].name", "Required value");
    assertRejected(
        DESTINATION_RULE.replace("  host: reviews.bookinfo.global\n", ""),
        "spec.host",
        "Required value");
  }

  @Test
  void a_value_of_the_wrong_type_is_rejected() {
    assertRejected(
        SERVICE_ENTRY.replace("number: 9080", "number: eighty"),
        "spec.ports[0].number",
        "must be of type integer");
  }

  @Test
  void at_most_one_member_of_a_oneof_may_be_set() {
    assertRejected(
        VIRTUAL_SERVICE.replace("prefix: /reviews", "prefix: /reviews, exact: /reviews"),
        "spec.http[0].match[0].uri",
        "at most one of");
  }

  @Test
  void service_entry_export_to_follows_istio() {
    assertRejected(
        SERVICE_ENTRY.replace("\"bookinfo\"", "\"Book_Info\""),
        "spec.exportTo",
        "not a valid exportTo value");
    assertRejected(
        SERVICE_ENTRY.replace("[\".\", \"bookinfo\"]", "[\"*\", \"bookinfo\"]"),
        "spec.exportTo",
        "cannot be combined");
    assertRejected(
        SERVICE_ENTRY.replace("\"bookinfo\"", "\"istio-system\""),
        "spec.exportTo",
        "Duplicate value: \"istio-system\"");
    assertRejected(
        SERVICE_ENTRY.replace("\"bookinfo\"", "\"bookinfo\", \"bookinfo\""),
        "spec.exportTo",
        "Duplicate value");
  }

  @Test
  void service_entry_hosts_ports_and_endpoints_follow_istio() {
    assertRejected(
        SERVICE_ENTRY.replace(
            "endpoints:", "workloadSelector: {labels: {app: reviews}}\n  endpoints:"),
        "spec",
        "only one of WorkloadSelector or Endpoints");
    assertRejected(
        SERVICE_ENTRY.replace("number: 15443, name: tls", "number: 9080, name: tls"),
        "spec.ports[1].number",
        "Duplicate value: 9080");
    assertRejected(
        SERVICE_ENTRY.replace("name: tls", "name: http"), "spec.ports[1].name", "Duplicate value");
    assertRejected(
        SERVICE_ENTRY.replace("protocol: TLS", "protocol: QUIC"),
        "spec.ports[1].protocol",
        "Unsupported value");
    assertRejected(
        SERVICE_ENTRY.replace("[reviews.bookinfo.global]", "[\"*\"]"),
        "spec.hosts[0]",
        "invalid host");
    assertRejected(
        SERVICE_ENTRY.replace("[reviews.bookinfo.global]", "[\"reviews..global\"]"),
        "spec.hosts[0]",
        "DNS-1123");
    assertRejected(
        SERVICE_ENTRY.replace("[reviews.bookinfo.global]", "[]"),
        "spec.hosts",
        "at least one host");
    assertRejected(
        SERVICE_ENTRY.replace("address: 10.0.0.1", "address: west.example.com"),
        "spec.endpoints[0].address",
        "not a valid IP address");
    assertRejected(
        SERVICE_ENTRY.replace("{http: 15443}", "{grpc: 15443}"),
        "spec.endpoints[0].ports[grpc]",
        "not defined by the service entry");
    assertRejected(
        SERVICE_ENTRY.replace("app: reviews,", "\"app/x/y\": reviews,"),
        "spec.endpoints[0].labels",
        "invalid label name");
    assertRejected(
        SERVICE_ENTRY.replace("resolution: STATIC", "resolution: NONE"),
        "spec.endpoints",
        "no endpoints should be provided");
  }

  @Test
  void gateway_servers_follow_istio() {
    assertRejected(
        GATEWAY.replace("protocol: TLS}", "protocol: HTTP}"),
        "spec.servers[0].tls.mode",
        "AUTO_PASSTHROUGH is only valid on TLS ports");
    assertRejected(
        GATEWAY.replace("\"bookinfo/reviews", "\"a/b/reviews"),
        "spec.servers[0].hosts[1]",
        "namespace/dnsName");
    assertRejected(
        GATEWAY.replace(
            "hosts: [\"*.global\", \"bookinfo/reviews.bookinfo.svc.cluster.local\"]", "hosts: []"),
        "spec.servers[0].hosts",
        "at least one host");
  }

  @Test
  void authorization_policy_rules_follow_istio() {
    assertRejected(
        AUTHORIZATION_POLICY.replace("[\"9080\"]", "[\"http\"]"),
        "spec.rules[0].to[0].operation.ports[0]",
        "port must be a number");
    assertRejected(
        AUTHORIZATION_POLICY.replace("namespaces: [bookinfo]", "namespaces: [\"\"]"),
        "spec.rules[0].from[0].source.namespaces[0]",
        "empty value not allowed");
    assertRejected(
        AUTHORIZATION_POLICY.replace("action: ALLOW", "action: CUSTOM"),
        "spec.provider",
        "must specify a provider");
    assertRejected(
        AUTHORIZATION_POLICY.replace("values: [alice]", "values: []"),
        "spec.rules[0].when[0]",
        "at least one of `values` or `notValues`");
    assertRejected(
        AUTHORIZATION_POLICY.replace("{app: reviews}", "{\"-app\": reviews}"),
        "spec.selector.matchLabels",
        "invalid label name");
  }

  @Test
  void sidecar_egress_hosts_name_their_namespace() {
    assertRejected(
        SIDECAR.replace("\"./*\"", "\"reviews.bookinfo.global\""),
        "spec.egress[0].hosts[0]",
        "namespace/dnsName");
  }

  @Test
  void peer_authentication_port_level_mtls_needs_a_selector() {
    assertRejected(
        PEER_AUTHENTICATION + "  portLevelMtls: {\"9080\": {mode: DISABLE}}\n",
        "spec.portLevelMtls",
        "cannot have port level mTLS");
  }

  @Test
  void an_invalid_change_is_rejected_by_update_merge_patch_and_apply_and_changes_nothing() {
    GenericKubernetesResource valid = object(SERVICE_ENTRY);
    Resource<GenericKubernetesResource> stored = objects(valid).resource(valid);
    String version = stored.create().getMetadata().getResourceVersion();

    GenericKubernetesResource invalid = object(SERVICE_ENTRY.replace("STATIC", "SOMETIMES"));
    invalid.getMetadata().setName(valid.getMetadata().getName());
    KubernetesClientException byUpdate =
        catchThrowableOfType(
            KubernetesClientException.class, () -> objects(invalid).resource(invalid).update());
    KubernetesClientException byMergePatch =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                stored.patch(
                    PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"location\":\"MESH_OUTSIDE\"}}"));
    KubernetesClientException byApply =
        catchThrowableOfType(
            KubernetesClientException.class,
            () -> objects(invalid).resource(invalid).fieldManager("meshfed").serverSideApply());

    assertThat(byUpdate.getCode()).isEqualTo(422);
    assertThat(byMergePatch.getCode()).isEqualTo(422);
    assertThat(byMergePatch.getStatus().getDetails().getCauses())
        .as(byMergePatch.getMessage())
        .extracting(StatusCause::getField)
        .containsExactly("spec.location");
    assertThat(byApply.getCode()).isEqualTo(422);
    assertThat(stored.get().getMetadata().getResourceVersion()).isEqualTo(version);
  }

  private static void assertRejected(String yaml, String field, String message) {
    GenericKubernetesResource object = object(yaml);
    KubernetesClientException rejection =
        catchThrowableOfType(
            KubernetesClientException.class, () -> objects(object).resource(object).create());
    assertThat(rejection).as("rejection of %s", yaml).isNotNull();
    assertThat(rejection.getCode()).isEqualTo(422);
    assertThat(rejection.getStatus().getReason()).isEqualTo("Invalid");
    assertThat(rejection.getStatus().getDetails().getCauses())
        .anySatisfy(
            cause -> {
              assertThat(cause.getField()).isEqualTo(field);
              assertThat(cause.getMessage()).contains(message);
            });
    assertThat(rejection.getMessage()).contains(message);
    assertThat(objects(object).withName(object.getMetadata().getName()).get()).isNull();
  }

  /** The object in {@code yaml}, named afresh in istio-system. */
  private static GenericKubernetesResource object(String yaml) {
    GenericKubernetesResource object =
        Serialization.unmarshal(
            yaml.replaceFirst(
                "\nspec:",
                "\nmetadata:\n  name: object-" + (++names) + "\n  namespace: " + NS + "\nspec:"),
            GenericKubernetesResource.class);
    return object;
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      objects(GenericKubernetesResource object) {
    return cluster
        .client()
        .genericKubernetesResources(object.getApiVersion(), object.getKind())
        .inNamespace(NS);
  }
}
