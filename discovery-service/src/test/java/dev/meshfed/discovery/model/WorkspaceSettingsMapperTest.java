package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.GatewaySelector;
import dev.meshfed.schema.discovery.PortSelector;
import dev.meshfed.schema.discovery.ResourceSelector;
import dev.meshfed.schema.discovery.ServiceIsolationOptions;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.WorkspaceSelector;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceSharing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceSettingsMapperTest {

  @Test
  void mapsTheFederationOfTheWorkshopsBookinfoSettings() {
    var spec =
        Map.of(
            "exportTo", List.of(Map.of("name", "istio-system")),
            "options",
                Map.of(
                    "serviceIsolation", Map.of("enabled", true),
                    "federation",
                        Map.of(
                            "enabled",
                            true,
                            "serviceSelector",
                            List.of(Map.of()),
                            "hostSuffix",
                            "global")));

    Mapping mapping = map(spec);

    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.writes().get(0).key())
        .isEqualTo(Keys.of(DiscoveredKinds.WORKSPACE_SETTINGS, "gloo-mesh", "settings"));
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(
            new WorkspaceSettingsState(
                new FederationOptions(
                    true,
                    "global",
                    List.of(new ServiceSelector(null, null, null, Map.of())),
                    List.of()),
                List.of(),
                List.of(
                    new WorkspaceSharing(
                        List.of(new WorkspaceSelector("istio-system", null)), List.of())),
                new ServiceIsolationOptions(true, false),
                List.of()));
  }

  @Test
  void mapsServiceIsolationAndEastWestGatewaysInBothDialects() {
    var spec =
        Map.of(
            "options",
            Map.of(
                "serviceIsolation",
                Map.of("enabled", true, "trimProxyConfig", true),
                "eastWestGateways",
                List.of(
                    Map.of(
                        "selector",
                        Map.of(
                            "labels",
                            Map.of("istio", "eastwestgateway"),
                            "namespace",
                            "istio-gateways",
                            "cluster",
                            "cluster1")),
                    Map.of("selector", Map.of()))));
    var meshfed = map(spec);
    var gloo =
        WorkspaceSettingsMapper.map(
            DiscoveredKinds.GLOO_WORKSPACE_SETTINGS,
            Fixtures.customResource("WorkspaceSettings", "settings", spec).toBuilder()
                .withApiVersion("admin.gloo.solo.io/v2")
                .build());

    for (Mapping mapping : List.of(meshfed, gloo)) {
      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping).getServiceIsolation())
          .isEqualTo(new ServiceIsolationOptions(true, true));
      assertThat(state(mapping).getEastWestGateways())
          .containsExactly(
              new GatewaySelector(Map.of("istio", "eastwestgateway"), "istio-gateways", "cluster1"),
              new GatewaySelector(Map.of(), null, null));
    }
    assertThat(gloo.writes().get(0).key())
        .isEqualTo(Keys.of(DiscoveredKinds.GLOO_WORKSPACE_SETTINGS, "gloo-mesh", "settings"));
  }

  @Test
  void withoutServiceIsolationOrGatewaysThereAreNone() {
    Mapping mapping = map(Map.of("options", Map.of("federation", Map.of("enabled", true))));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping).getServiceIsolation()).isNull();
    assertThat(state(mapping).getEastWestGateways()).isEmpty();
  }

  @Test
  void malformedServiceIsolationAndGatewaysAreProblems() {
    var spec =
        Map.of(
            "options",
            Map.of(
                "serviceIsolation",
                Map.of("enabled", "yes", "trimProxyConfig", 1),
                "eastWestGateways",
                List.of(
                    "istio-eastwestgateway",
                    Map.of("selecter", Map.of()),
                    Map.of("selector", List.of()),
                    Map.of(
                        "selector",
                        Map.of("labels", Map.of("istio", 1, "app", "ew"), "namespace", 3)))));

    Mapping mapping = map(spec);

    String gateways = "spec.options.eastWestGateways";
    assertThat(mapping.problems())
        .containsExactly(
            "spec.options.serviceIsolation.enabled: expected a boolean, found 'yes'",
            "spec.options.serviceIsolation.trimProxyConfig: expected a boolean, found '1'",
            gateways + "[0]: expected an object, found 'istio-eastwestgateway'",
            gateways + "[1]: needs a selector",
            gateways + "[2].selector: expected an object, found a list",
            gateways + "[3].selector.labels.istio: expected a string, found '1'",
            gateways + "[3].selector.namespace: expected a string, found '3'");
    assertThat(state(mapping).getServiceIsolation())
        .isEqualTo(new ServiceIsolationOptions(false, false));
    assertThat(state(mapping).getEastWestGateways())
        .containsExactly(new GatewaySelector(Map.of("app", "ew"), null, null));
  }

  @Test
  void serviceIsolationAndGatewaysOfTheWrongTypeAreProblems() {
    Mapping mapping =
        map(Map.of("options", Map.of("serviceIsolation", true, "eastWestGateways", Map.of())));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.options.serviceIsolation: expected an object, found 'true'",
            "spec.options.eastWestGateways: expected a list, found an object");
    assertThat(state(mapping).getServiceIsolation()).isNull();
    assertThat(state(mapping).getEastWestGateways()).isEmpty();
  }

  @Test
  void readsTheOlderSpellingOfSharingAsOneRuleForEveryResourcePerName() {
    var spec =
        Map.of(
            "imports", List.of(Map.of("name", "bookinfo")),
            "exportTo", List.of(Map.of("name", "istio-system")));

    WorkspaceSettingsState state = state(map(spec));

    assertThat(state.getImportFrom())
        .containsExactly(
            new WorkspaceSharing(List.of(new WorkspaceSelector("bookinfo", null)), List.of()));
    assertThat(state.getExportTo())
        .containsExactly(
            new WorkspaceSharing(List.of(new WorkspaceSelector("istio-system", null)), List.of()));
  }

  @Test
  void mapsTheGloo2SpellingOfSharing() {
    var rule =
        Map.of(
            "workspaces",
            List.of(Map.of("name", "web"), Map.of("selector", Map.of("team", "platform"))),
            "resources",
            List.of(
                Map.of("kind", "SERVICE", "labels", Map.of("public", "true")),
                Map.of("namespace", "shop", "cluster", "cluster1", "name", "cart")));
    var spec = Map.of("importFrom", List.of(rule), "exportTo", List.of(rule));

    Mapping mapping = map(spec);

    WorkspaceSharing expected =
        new WorkspaceSharing(
            List.of(
                new WorkspaceSelector("web", null),
                new WorkspaceSelector(null, Map.of("team", "platform"))),
            List.of(
                new ResourceSelector("SERVICE", null, null, null, Map.of("public", "true")),
                new ResourceSelector("ALL", "cart", "shop", "cluster1", Map.of())));
    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping).getImportFrom()).containsExactly(expected);
    assertThat(state(mapping).getExportTo()).containsExactly(expected);
  }

  @Test
  void malformedSharingRulesAreProblems() {
    var spec =
        Map.of(
            "importFrom",
            List.of("bookinfo", Map.of("workspaces", "bookinfo", "resources", List.of(3))));

    Mapping mapping = map(spec);

    assertThat(mapping.problems())
        .containsExactly(
            "spec.importFrom[0]: expected an object, found 'bookinfo'",
            "spec.importFrom[1].workspaces: expected a list, found 'bookinfo'",
            "spec.importFrom[1].resources[0]: expected an object, found '3'");
    assertThat(state(mapping).getImportFrom())
        .containsExactly(new WorkspaceSharing(List.of(), List.of()));
  }

  @Test
  void mapsFederatedPortsByNumberAndName() {
    var ports =
        List.of(
            Map.of("number", 9080),
            Map.of("name", "grpc-admin"),
            Map.of("number", 7000L, "name", "tcp"),
            Map.of("number", "9090"),
            Map.of("number", 1.5));
    var spec = Map.of("options", Map.of("federation", Map.of("enabled", true, "ports", ports)));

    Mapping mapping = map(spec);

    assertThat(mapping.problems())
        .containsExactly(
            "spec.options.federation.ports[3].number: expected a whole number, found '9090'",
            "spec.options.federation.ports[4].number: expected a whole number, found '1.5'");
    assertThat(federation(mapping).getPorts())
        .containsExactly(
            new PortSelector(9080, null),
            new PortSelector(null, "grpc-admin"),
            new PortSelector(7000, "tcp"),
            new PortSelector(null, null),
            new PortSelector(null, null));
  }

  private static WorkspaceSettingsState state(Mapping mapping) {
    return (WorkspaceSettingsState) mapping.writes().get(0).value().getPayload();
  }

  @Test
  void mapsEveryFieldOfAServiceSelector() {
    var selector =
        Map.of(
            "name", "reviews",
            "namespace", "bookinfo",
            "cluster", "cluster1",
            "labels", Map.of("app", "reviews"));
    var spec =
        Map.of("options", Map.of("federation", Map.of("serviceSelector", List.of(selector))));

    assertThat(federation(map(spec)))
        .isEqualTo(
            new FederationOptions(
                false,
                null,
                List.of(
                    new ServiceSelector(
                        "reviews", "bookinfo", "cluster1", Map.of("app", "reviews"))),
                List.of()));
  }

  @Test
  void settingsWithoutFederationHaveNone() {
    var spec = Map.of("imports", List.of(Map.of("name", "bookinfo")));

    Mapping mapping = map(spec);

    assertThat(mapping.problems()).isEmpty();
    assertThat(federation(mapping)).isNull();
  }

  @Test
  void malformedFieldsAreProblemsAndDefaults() {
    var spec =
        Map.of(
            "options",
            Map.of(
                "federation",
                Map.of(
                    "enabled",
                    "yes",
                    "hostSuffix",
                    7,
                    "serviceSelector",
                    List.of(
                        "reviews",
                        Map.of("name", true, "labels", Map.of("app", "x", "tier", 2))))));

    Mapping mapping = map(spec);

    String federation = "spec.options.federation";
    assertThat(mapping.problems())
        .containsExactly(
            federation + ".enabled: expected a boolean, found 'yes'",
            federation + ".hostSuffix: expected a string, found '7'",
            federation + ".serviceSelector[0]: expected an object, found 'reviews'",
            federation + ".serviceSelector[1].name: expected a string, found 'true'",
            federation + ".serviceSelector[1].labels.tier: expected a string, found '2'");
    assertThat(federation(mapping))
        .isEqualTo(
            new FederationOptions(
                false,
                null,
                List.of(new ServiceSelector(null, null, null, Map.of("app", "x"))),
                List.of()));
  }

  @Test
  void optionsThatAreNoObject() {
    Mapping mapping = map(Map.of("options", List.of("federation")));

    assertThat(mapping.problems())
        .containsExactly("spec.options: expected an object, found a list");
    assertThat(federation(mapping)).isNull();
  }

  @Test
  void aServiceSelectorThatIsNoList() {
    Mapping mapping =
        map(Map.of("options", Map.of("federation", Map.of("enabled", true, "serviceSelector", 3))));

    assertThat(mapping.problems())
        .containsExactly("spec.options.federation.serviceSelector: expected a list, found '3'");
    assertThat(federation(mapping))
        .isEqualTo(new FederationOptions(true, null, List.of(), List.of()));
  }

  private static Mapping map(Object spec) {
    return WorkspaceSettingsMapper.map(
        Fixtures.customResource("WorkspaceSettings", "settings", spec));
  }

  private static FederationOptions federation(Mapping mapping) {
    return ((WorkspaceSettingsState) mapping.writes().get(0).value().getPayload()).getFederation();
  }
}
