package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ImportedServiceSetState;
import dev.meshfed.schema.discovery.OssmImportRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportedServiceSetMapperTest {

  private static final Map<String, Object> RATINGS =
      Map.of(
          "type",
          "NameSelector",
          "importAsLocal",
          false,
          "nameSelector",
          Map.of(
              "namespace",
              "bookinfo",
              "name",
              "ratings",
              "alias",
              Map.of("namespace", "bookinfo", "name", "ratings")),
          "domainSuffix",
          "other.local");

  private static final OssmImportRule RATINGS_RULE =
      new OssmImportRule(
          "NameSelector", "bookinfo", "ratings", "bookinfo", "ratings", false, "other.local");

  @Test
  void readsTheSetAsWrittenWithItsLocalityInIstiosForm() {
    var spec =
        Map.of(
            "domainSuffix",
            "green-mesh.imported.local",
            "locality",
            Map.of("region", "us-east", "zone", "us-east-1a", "subzone", "rack1"),
            "importRules",
            List.of(RATINGS));

    Mapping mapping = ImportedServiceSetMapper.map(imports(spec));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.IMPORTED_SERVICE_SET, "red-mesh-system", "green-mesh"),
        "federation.maistra.io/v1",
        new ImportedServiceSetState(
            "green-mesh.imported.local", "us-east/us-east-1a/rack1", List.of(RATINGS_RULE)));
  }

  @Test
  void aLocalityIsTheLevelsGivenFromTheRegionDown() {
    assertThat(locality(Map.of("region", "us-east"))).isEqualTo("us-east");
    assertThat(locality(Map.of("region", "us-east", "zone", "us-east-1a")))
        .isEqualTo("us-east/us-east-1a");
    assertThat(locality(Map.of("region", "us-east", "zone", "", "subzone", "")))
        .isEqualTo("us-east");
    assertThat(locality(Map.of())).isNull();
  }

  @Test
  void aLocalityLevelBelowOneNotGivenIsAProblemAndLeftOut() {
    Mapping subzoneOnly =
        ImportedServiceSetMapper.map(
            imports(Map.of("locality", Map.of("region", "us-east", "subzone", "rack1"))));
    Mapping zoneOnly =
        ImportedServiceSetMapper.map(imports(Map.of("locality", Map.of("zone", "us-east-1a"))));

    assertThat(subzoneOnly.problems())
        .containsExactly("spec.locality.subzone: needs spec.locality.zone, left out");
    assertThat(state(subzoneOnly).getLocality()).isEqualTo("us-east");
    assertThat(zoneOnly.problems())
        .containsExactly("spec.locality.zone: needs spec.locality.region, left out");
    assertThat(state(zoneOnly).getLocality()).isNull();
  }

  @Test
  void aRuleWithoutImportAsLocalOrDomainSuffixTakesTheirDefaults() {
    var rule = Map.of("type", "NameSelector", "nameSelector", Map.of("namespace", "*"));

    Mapping mapping = ImportedServiceSetMapper.map(imports(Map.of("importRules", List.of(rule))));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(
            new ImportedServiceSetState(
                null,
                null,
                List.of(new OssmImportRule("NameSelector", "*", null, null, null, false, null))));
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsAndARuleThatCannotBeReadWholeIsLeftOut() {
    var spec =
        Map.of(
            "domainSuffix",
            5,
            "locality",
            Map.of("region", "us-east", "zone", List.of("us-east-1a")),
            "importRules",
            List.of(
                Map.of("type", "NameSelector", "importAsLocal", "yes", "nameSelector", Map.of()),
                Map.of(
                    "type",
                    "NameSelector",
                    "nameSelector",
                    Map.of("name", "reviews", "alias", "reviews-aliased")),
                Map.of("type", "LabelSelector", "nameSelector", Map.of("name", "details")),
                Map.of("type", "NameSelector"),
                RATINGS));

    Mapping mapping = ImportedServiceSetMapper.map(imports(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.domainSuffix: expected a string, found '5'",
            "spec.locality.zone: expected a string, found a list",
            "spec.importRules[0].importAsLocal: expected a boolean, found 'yes'",
            "spec.importRules[1].nameSelector.alias: expected an object, found 'reviews-aliased'",
            "spec.importRules[2].type: expected NameSelector, found 'LabelSelector'",
            "spec.importRules[3].nameSelector: missing");
    assertThat(state(mapping))
        .isEqualTo(new ImportedServiceSetState(null, "us-east", List.of(RATINGS_RULE)));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aDeletedSetIsATombstoneOfItsKey() {
    Mapping deleted = ImportedServiceSetMapper.map(imports(Map.of())).deleted();

    assertThat(deleted.writes())
        .containsExactly(
            Write.tombstone(
                Keys.of(DiscoveredKinds.IMPORTED_SERVICE_SET, "red-mesh-system", "green-mesh")));
  }

  @Test
  void theImportedServiceSetsSourceMapsWithItWhereTheCrdIsServed() {
    GenericKubernetesResource set = imports(Map.of("importRules", List.of(RATINGS)));

    assertThat(DiscoveryMapper.map(Source.IMPORTED_SERVICE_SETS, set))
        .isEqualTo(ImportedServiceSetMapper.map(set));
    assertThat(Source.IMPORTED_SERVICE_SETS.groupAndResource())
        .containsExactly("federation.maistra.io", "importedservicesets");
    assertThat(Source.IMPORTED_SERVICE_SETS.resource().orElseThrow().optional()).isTrue();
  }

  private static String locality(Map<String, Object> locality) {
    Mapping mapping = ImportedServiceSetMapper.map(imports(Map.of("locality", locality)));
    assertThat(mapping.problems()).isEmpty();
    return state(mapping).getLocality();
  }

  private static GenericKubernetesResource imports(Object spec) {
    return Fixtures.ossmResource("ImportedServiceSet", "green-mesh", spec);
  }

  private static ImportedServiceSetState state(Mapping mapping) {
    return (ImportedServiceSetState) mapping.writes().get(0).value().getPayload();
  }
}
