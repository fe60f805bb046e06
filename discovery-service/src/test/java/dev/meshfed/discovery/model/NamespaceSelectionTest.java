package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.schema.DiscoveredKinds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceSelectionTest {

  private static final NamespaceSelection DISCOVERY_ENABLED =
      NamespaceSelection.of("istio-discovery=enabled");
  private static final Optional<Map<String, String>> ENABLED =
      Optional.of(Map.of("istio-discovery", "enabled"));
  private static final Optional<Map<String, String>> OTHER = Optional.of(Map.of("team", "a"));

  @Test
  void absentOrBlankSelectsEverything() {
    assertThat(NamespaceSelection.of(null)).isSameAs(NamespaceSelection.EVERYTHING);
    assertThat(NamespaceSelection.of(" ")).isSameAs(NamespaceSelection.EVERYTHING);
    assertThat(NamespaceSelection.EVERYTHING.selectsEverything()).isTrue();
    assertThat(NamespaceSelection.EVERYTHING.selects(Map.of())).isTrue();
    Mapping reviews = ServiceMapper.map(service("reviews", Map.of()));
    assertThat(NamespaceSelection.EVERYTHING.apply(reviews, Optional.empty())).isEqualTo(reviews);
  }

  @Test
  void selectsNamespacesByTheirLabels() {
    var selection = NamespaceSelection.of("env in (prod,staging),!legacy");

    assertThat(selection.selectsEverything()).isFalse();
    assertThat(selection.selects(Map.of("env", "prod"))).isTrue();
    assertThat(selection.selects(Map.of("env", "prod", "legacy", "true"))).isFalse();
    assertThat(selection.selects(Map.of("env", "dev"))).isFalse();
  }

  @Test
  void anInvalidSelectorIsRejected() {
    assertThatThrownBy(() -> NamespaceSelection.of("env in prod"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected '('");
  }

  @Test
  void applicationKindsFollowTheSelectionInfrastructureAndConfigurationDoNot() {
    List<String> applications =
        List.of(
            DiscoveredKinds.NAMESPACE,
            DiscoveredKinds.SERVICE,
            DiscoveredKinds.ENDPOINT_SLICE,
            DiscoveredKinds.DEPLOYMENT,
            DiscoveredKinds.STATEFUL_SET,
            DiscoveredKinds.DAEMON_SET,
            DiscoveredKinds.SERVICE_EXPORT);

    assertThat(applications).allMatch(NamespaceSelection::governs);
    assertThat(Source.publishedKinds())
        .filteredOn(kind -> !applications.contains(kind))
        .containsExactlyInAnyOrder(
            DiscoveredKinds.CONTROL_PLANE,
            DiscoveredKinds.MESH_CONFIG,
            DiscoveredKinds.EAST_WEST_GATEWAY,
            DiscoveredKinds.NODE,
            DiscoveredKinds.WORKSPACE,
            DiscoveredKinds.WORKSPACE_SETTINGS,
            DiscoveredKinds.KUBERNETES_CLUSTER,
            DiscoveredKinds.VIRTUAL_DESTINATION,
            DiscoveredKinds.FAILOVER_POLICY,
            DiscoveredKinds.OUTLIER_DETECTION_POLICY,
            DiscoveredKinds.ROUTE_TABLE,
            DiscoveredKinds.RETRY_TIMEOUT_POLICY,
            DiscoveredKinds.FAULT_INJECTION_POLICY,
            DiscoveredKinds.HEADER_MANIPULATION_POLICY,
            DiscoveredKinds.MIRROR_POLICY,
            DiscoveredKinds.ACCESS_POLICY,
            DiscoveredKinds.EXTERNAL_SERVICE,
            DiscoveredKinds.EXTERNAL_ENDPOINT,
            DiscoveredKinds.GLOO_WORKSPACE,
            DiscoveredKinds.GLOO_WORKSPACE_SETTINGS,
            DiscoveredKinds.GLOO_KUBERNETES_CLUSTER,
            DiscoveredKinds.GLOO_VIRTUAL_DESTINATION,
            DiscoveredKinds.GLOO_FAILOVER_POLICY,
            DiscoveredKinds.GLOO_OUTLIER_DETECTION_POLICY,
            DiscoveredKinds.GLOO_ROUTE_TABLE,
            DiscoveredKinds.GLOO_RETRY_TIMEOUT_POLICY,
            DiscoveredKinds.GLOO_FAULT_INJECTION_POLICY,
            DiscoveredKinds.GLOO_HEADER_MANIPULATION_POLICY,
            DiscoveredKinds.GLOO_MIRROR_POLICY,
            DiscoveredKinds.GLOO_ACCESS_POLICY,
            DiscoveredKinds.GLOO_EXTERNAL_SERVICE,
            DiscoveredKinds.GLOO_EXTERNAL_ENDPOINT,
            DiscoveredKinds.SERVICE_MESH_PEER,
            DiscoveredKinds.EXPORTED_SERVICE_SET,
            DiscoveredKinds.IMPORTED_SERVICE_SET)
        .noneMatch(NamespaceSelection::governs);
    assertThat(NamespaceSelection.governs(DiscoveredKinds.AGENT)).isFalse();
  }

  @Test
  void theNamespacedSourcesAreThoseOfApplications() {
    assertThat(NamespaceSelection.namespacedSources())
        .containsExactlyInAnyOrder(
            Source.SERVICES,
            Source.DEPLOYMENTS,
            Source.STATEFUL_SETS,
            Source.DAEMON_SETS,
            Source.ENDPOINT_SLICES,
            Source.SERVICE_EXPORTS);
  }

  @Test
  void aSelectedNamespacesObjectsArePublishedAsMapped() {
    Mapping reviews = ServiceMapper.map(service("reviews", Map.of()));

    assertThat(DISCOVERY_ENABLED.apply(reviews, ENABLED)).isEqualTo(reviews);
  }

  @Test
  void anUnselectedNamespacesServiceIsATombstone() {
    Mapping reviews = ServiceMapper.map(service("reviews", Map.of()));

    Mapping applied = DISCOVERY_ENABLED.apply(reviews, OTHER);

    assertThat(applied.writes())
        .containsExactly(
            Write.tombstone(Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, "bookinfo", "reviews")),
            Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews")));
  }

  @Test
  void anUnknownNamespaceSelectsNothing() {
    Mapping reviews = ServiceMapper.map(service("reviews", Map.of()));

    assertThat(DISCOVERY_ENABLED.apply(reviews, Optional.empty()).writes())
        .allMatch(Write::isTombstone);
  }

  @Test
  void anEastWestGatewayIsPublishedInAnyNamespace() {
    Mapping gateway =
        ServiceMapper.map(service("istio-eastwestgateway", Map.of("istio", "eastwestgateway")));

    assertThat(DISCOVERY_ENABLED.apply(gateway, OTHER)).isEqualTo(gateway);
  }

  @Test
  void aNamespaceIsSelectedByItsOwnLabels() {
    Mapping namespace =
        NamespaceMapper.map(
            new NamespaceBuilder()
                .withMetadata(Fixtures.metadata(null, "bookinfo", Map.of("team", "a")))
                .build());

    assertThat(DISCOVERY_ENABLED.apply(namespace, OTHER).writes())
        .containsExactly(Write.tombstone(Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo")));
  }

  @Test
  void problemsAreKept() {
    var mapping = new Mapping(ServiceMapper.map(service("a", Map.of())).writes(), List.of("p"));

    assertThat(DISCOVERY_ENABLED.apply(mapping, OTHER).problems()).containsExactly("p");
  }

  private static Service service(String name, Map<String, String> labels) {
    return new ServiceBuilder()
        .withMetadata(Fixtures.metadata("bookinfo", name, labels))
        .withNewSpec()
        .addNewPort()
        .withName("http")
        .withPort(9080)
        .endPort()
        .endSpec()
        .build();
  }
}
