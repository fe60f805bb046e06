package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExportedServiceSetState;
import dev.meshfed.schema.discovery.OssmAlias;
import dev.meshfed.schema.discovery.OssmExportRule;
import dev.meshfed.schema.discovery.OssmLabelRequirement;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportedServiceSetMapperTest {

  private static final Map<String, Object> RATINGS_BY_NAME =
      Map.of(
          "type",
          "NameSelector",
          "nameSelector",
          Map.of(
              "namespace",
              "red-mesh-bookinfo",
              "name",
              "red-ratings",
              "alias",
              Map.of("namespace", "bookinfo", "name", "ratings")));

  private static final Map<String, Object> BACKENDS_BY_LABELS =
      Map.of(
          "type",
          "LabelSelector",
          "labelSelector",
          Map.of(
              "namespace",
              "red-mesh-bookinfo",
              "selector",
              Map.of(
                  "matchLabels",
                  Map.of("export-service", "true"),
                  "matchExpressions",
                  List.of(Map.of("key", "tier", "operator", "In", "values", List.of("backend")))),
              "aliases",
              List.of(
                  Map.of(
                      "namespace", "*", "name", "*", "alias", Map.of("namespace", "bookinfo")))));

  private static final OssmExportRule RATINGS_RULE =
      new OssmExportRule(
          "NameSelector",
          "red-mesh-bookinfo",
          "red-ratings",
          "bookinfo",
          "ratings",
          Map.of(),
          List.of(),
          List.of());

  private static final OssmExportRule BACKENDS_RULE =
      new OssmExportRule(
          "LabelSelector",
          "red-mesh-bookinfo",
          null,
          null,
          null,
          Map.of("export-service", "true"),
          List.of(new OssmLabelRequirement("tier", "In", List.of("backend"))),
          List.of(new OssmAlias("*", "*", "bookinfo", null)));

  @Test
  void readsNameAndLabelRulesInOrderWithTheirAliases() {
    Mapping mapping =
        ExportedServiceSetMapper.map(
            exports(Map.of("exportRules", List.of(RATINGS_BY_NAME, BACKENDS_BY_LABELS))));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.EXPORTED_SERVICE_SET, "red-mesh-system", "green-mesh"),
        "federation.maistra.io/v1",
        new ExportedServiceSetState(List.of(RATINGS_RULE, BACKENDS_RULE)));
  }

  @Test
  void aRuleReadsOnlyTheSelectorItsTypeNames() {
    var both =
        Map.of(
            "type",
            "NameSelector",
            "nameSelector",
            Map.of("namespace", "red-mesh-bookinfo", "name", "*"),
            "labelSelector",
            Map.of("namespace", "elsewhere", "selector", Map.of("matchLabels", Map.of("a", "b"))));

    Mapping mapping = ExportedServiceSetMapper.map(exports(Map.of("exportRules", List.of(both))));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping).getRules())
        .containsExactly(
            new OssmExportRule(
                "NameSelector",
                "red-mesh-bookinfo",
                "*",
                null,
                null,
                Map.of(),
                List.of(),
                List.of()));
  }

  @Test
  void aRuleThatCannotBeReadWholeIsAProblemAndLeftOutAndTheOthersArePublished() {
    var rules =
        List.of(
            RATINGS_BY_NAME,
            Map.of("type", "NameSelector", "nameSelector", Map.of("namespace", "a", "name", 5)),
            Map.of(
                "type",
                "LabelSelector",
                "labelSelector",
                Map.of("selector", Map.of("matchLabels", Map.of("tier", 1)))),
            Map.of(
                "type",
                "LabelSelector",
                "labelSelector",
                Map.of("selector", Map.of("matchExpressions", List.of(Map.of("key", "tier"))))),
            Map.of("type", "NameSelector"),
            Map.of("type", "ServiceSelector", "nameSelector", Map.of("name", "ratings")),
            Map.of("nameSelector", Map.of("name", "ratings")),
            "ratings",
            BACKENDS_BY_LABELS);

    Mapping mapping = ExportedServiceSetMapper.map(exports(Map.of("exportRules", rules)));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.exportRules[1].nameSelector.name: expected a string, found '5'",
            "spec.exportRules[2].labelSelector.selector.matchLabels.tier:"
                + " expected a string, found '1'",
            "spec.exportRules[3].labelSelector.selector.matchExpressions[0].operator: missing",
            "spec.exportRules[4].nameSelector: missing",
            "spec.exportRules[5].type: expected NameSelector or LabelSelector,"
                + " found 'ServiceSelector'",
            "spec.exportRules[6].type: missing",
            "spec.exportRules[7]: expected an object, found 'ratings'");
    // a rule read without its unreadable field would export more than was written
    assertThat(state(mapping).getRules()).containsExactly(RATINGS_RULE, BACKENDS_RULE);
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aSpecOfTheWrongTypeIsAProblemAndTheSetIsStillPublishedWithoutRules() {
    Mapping mapping = ExportedServiceSetMapper.map(exports(List.of(RATINGS_BY_NAME)));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found a list");
    assertThat(state(mapping)).isEqualTo(new ExportedServiceSetState(List.of()));
  }

  @Test
  void aDeletedSetIsATombstoneOfItsKey() {
    Mapping deleted = ExportedServiceSetMapper.map(exports(Map.of())).deleted();

    assertThat(deleted.writes())
        .containsExactly(
            Write.tombstone(
                Keys.of(DiscoveredKinds.EXPORTED_SERVICE_SET, "red-mesh-system", "green-mesh")));
  }

  @Test
  void theExportedServiceSetsSourceMapsWithItWhereTheCrdIsServed() {
    GenericKubernetesResource set = exports(Map.of("exportRules", List.of(RATINGS_BY_NAME)));

    assertThat(DiscoveryMapper.map(Source.EXPORTED_SERVICE_SETS, set))
        .isEqualTo(ExportedServiceSetMapper.map(set));
    assertThat(Source.EXPORTED_SERVICE_SETS.groupAndResource())
        .containsExactly("federation.maistra.io", "exportedservicesets");
    assertThat(Source.EXPORTED_SERVICE_SETS.resource().orElseThrow().optional()).isTrue();
  }

  private static GenericKubernetesResource exports(Object spec) {
    return Fixtures.ossmResource("ExportedServiceSet", "green-mesh", spec);
  }

  private static ExportedServiceSetState state(Mapping mapping) {
    return (ExportedServiceSetState) mapping.writes().get(0).value().getPayload();
  }
}
