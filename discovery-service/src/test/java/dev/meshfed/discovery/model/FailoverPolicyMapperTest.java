package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DestinationSelector;
import dev.meshfed.schema.discovery.FailoverPolicyState;
import dev.meshfed.schema.discovery.Locality;
import dev.meshfed.schema.discovery.LocalityMapping;
import dev.meshfed.schema.discovery.ObjectSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailoverPolicyMapperTest {

  private static final List<Map<String, Object>> REVIEWS_DESTINATION =
      List.of(
          Map.of(
              "kind", "VIRTUAL_DESTINATION",
              "selector",
                  Map.of(
                      "name", "reviews",
                      "namespace", "bookinfo",
                      "cluster", "cluster1",
                      "workspace", "bookinfo",
                      "labels", Map.of("app", "reviews")),
              "port", Map.of("number", 9080)));

  private static final List<Map<String, Object>> EAST_TO_WEST =
      List.of(
          Map.of(
              "from", Map.of("region", "us-east", "zone", "us-east-1a", "subZone", "x"),
              "to", List.of(Map.of("region", "us-west"))));

  /** Gloo Mesh's docs' FailoverPolicy, its settings under spec.config. */
  private static final Map<String, Object> FAILOVER =
      Map.of(
          "applyToDestinations",
          REVIEWS_DESTINATION,
          "config",
          Map.of("localityMappings", EAST_TO_WEST));

  private static final FailoverPolicyState FAILOVER_STATE =
      new FailoverPolicyState(
          List.of(
              new DestinationSelector(
                  "VIRTUAL_DESTINATION",
                  new ObjectSelector(
                      "reviews", "bookinfo", "cluster1", "bookinfo", Map.of("app", "reviews")),
                  9080,
                  null)),
          List.of(
              new LocalityMapping(
                  new Locality("us-east", "us-east-1a", "x", null),
                  List.of(new Locality("us-west", null, null, null)))),
          List.of());

  private static final FailoverPolicyState EMPTY =
      new FailoverPolicyState(List.of(), List.of(), List.of());

  @Test
  void readsMeshfedsFailoverPolicy() {
    Mapping mapping = FailoverPolicyMapper.map(failoverPolicy(FAILOVER));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.FAILOVER_POLICY, "gloo-mesh", "failover"),
        "meshfed.dev/v1alpha1",
        FAILOVER_STATE);
  }

  @Test
  void readsGloosFailoverPolicyTheSameUnderAKindOfItsOwn() {
    var gloo =
        failoverPolicy(FAILOVER).toBuilder()
            .withApiVersion("resilience.policy.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_FAILOVER_POLICIES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_FAILOVER_POLICY, "gloo-mesh", "failover"),
        "resilience.policy.gloo.solo.io/v2",
        FAILOVER_STATE);
  }

  @Test
  void readsTheLocalityMappingsWrittenDirectlyUnderSpecTheSame() {
    var spec = Map.of("applyToDestinations", REVIEWS_DESTINATION, "localityMappings", EAST_TO_WEST);

    Mapping mapping = DiscoveryMapper.map(Source.FAILOVER_POLICIES, failoverPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(FAILOVER_STATE);
  }

  @Test
  void readsMappingsWithoutZonesOrDestinationsAsWritten() {
    var spec =
        Map.of(
            "config",
            Map.of(
                "localityMappings",
                List.of(
                    Map.of(
                        "from", Map.of("region", "us-east"),
                        "to", List.of(Map.of("region", "us-west"), Map.of("region", "eu-west"))),
                    Map.of("to", List.of()))));

    Mapping mapping = FailoverPolicyMapper.map(failoverPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(
            new FailoverPolicyState(
                List.of(),
                List.of(
                    new LocalityMapping(
                        new Locality("us-east", null, null, null),
                        List.of(
                            new Locality("us-west", null, null, null),
                            new Locality("eu-west", null, null, null))),
                    new LocalityMapping(new Locality(null, null, null, null), List.of())),
                List.of()));
  }

  @Test
  void withoutDestinationsOrMappingsItsListsAreEmpty() {
    for (Object spec : List.of(Map.of(), Map.of("config", Map.of()))) {
      Mapping mapping = FailoverPolicyMapper.map(failoverPolicy(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
    assertThat(state(FailoverPolicyMapper.map(failoverPolicy(null)))).isEqualTo(EMPTY);
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "applyToDestinations",
            List.of(
                Map.of("kind", "VIRTUAL_DESTINATION", "selector", Map.of("name", "reviews")),
                Map.of("selector", Map.of("namespace", 7))),
            "config",
            Map.of(
                "localityMappings",
                List.of(
                    Map.of(
                        "from", Map.of("region", "us-east"),
                        "to", List.of(Map.of("region", "us-west"))),
                    Map.of("from", Map.of("region", 1), "to", List.of(Map.of("region", "x"))),
                    Map.of("from", "us-east", "to", List.of(Map.of("region", "us-west"))),
                    Map.of("from", Map.of("region", "eu-west"), "to", Map.of("region", "x")))));

    Mapping mapping = FailoverPolicyMapper.map(failoverPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToDestinations[1].selector.namespace: expected a string, found '7'",
            "spec.config.localityMappings[1].from.region: expected a string, found '1'",
            "spec.config.localityMappings[2].from: expected an object, found 'us-east'",
            "spec.config.localityMappings[3].to: expected a list, found an object");
    // a mapping or selector read without a field would say other than was written: left out
    assertThat(state(mapping))
        .isEqualTo(
            new FailoverPolicyState(
                List.of(
                    new DestinationSelector(
                        "VIRTUAL_DESTINATION",
                        new ObjectSelector("reviews", null, null, null, Map.of()),
                        null,
                        null)),
                List.of(
                    new LocalityMapping(
                        new Locality("us-east", null, null, null),
                        List.of(new Locality("us-west", null, null, null)))),
                List.of()));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aConfigOfTheWrongTypeIsAProblemAndNotReadFromSpecInstead() {
    var spec = Map.of("config", List.of(), "localityMappings", EAST_TO_WEST);

    Mapping mapping = FailoverPolicyMapper.map(failoverPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.localityMappings: left out, as spec.config is given",
            "spec.config: expected an object, found a list");
    assertThat(state(mapping)).isEqualTo(EMPTY);
  }

  /** Gloo Mesh's docs' weighted mappings, and priority labels as Gloo's users write them. */
  private static final Map<String, Object> WEIGHTED =
      Map.of(
          "localityMappings",
          List.of(
              Map.of(
                  "from",
                  Map.of("region", "us-east"),
                  "to",
                  List.of(
                      Map.of("region", "us-west", "weight", 50),
                      Map.of("region", "us-east", "zone", "us-east-1a", "weight", 50)))),
          "priorityLabels",
          Map.of("labels", List.of("topology.kubernetes.io/region", "version")));

  private static final FailoverPolicyState WEIGHTED_STATE =
      new FailoverPolicyState(
          List.of(),
          List.of(
              new LocalityMapping(
                  new Locality("us-east", null, null, null),
                  List.of(
                      new Locality("us-west", null, null, 50),
                      new Locality("us-east", "us-east-1a", null, 50)))),
          List.of("topology.kubernetes.io/region", "version"));

  @Test
  void readsWeightsAndPriorityLabelsInBothDialects() {
    var meshfed = failoverPolicy(Map.of("config", WEIGHTED));
    var gloo = meshfed.toBuilder().withApiVersion("resilience.policy.gloo.solo.io/v2").build();

    ReadWhole.assertPublished(
        FailoverPolicyMapper.map(meshfed),
        Keys.of(DiscoveredKinds.FAILOVER_POLICY, "gloo-mesh", "failover"),
        "meshfed.dev/v1alpha1",
        WEIGHTED_STATE);
    ReadWhole.assertPublished(
        DiscoveryMapper.map(Source.GLOO_FAILOVER_POLICIES, gloo),
        Keys.of(DiscoveredKinds.GLOO_FAILOVER_POLICY, "gloo-mesh", "failover"),
        "resilience.policy.gloo.solo.io/v2",
        WEIGHTED_STATE);
  }

  @Test
  void priorityLabelsMayBeABareListToo() {
    var spec =
        Map.of(
            "priorityLabels",
            List.of("topology.kubernetes.io/region", "version"),
            "localityMappings",
            WEIGHTED.get("localityMappings"));

    Mapping mapping = FailoverPolicyMapper.map(failoverPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(WEIGHTED_STATE);
  }

  @Test
  void aWeightOrPriorityLabelOfTheWrongTypeIsAProblemAndItsMappingIsLeftOut() {
    var spec =
        Map.of(
            "config",
            Map.of(
                "localityMappings",
                List.of(
                    Map.of(
                        "from", Map.of("region", "us-east"),
                        "to", List.of(Map.of("region", "us-west", "weight", "80%")))),
                "priorityLabels",
                Map.of("labels", List.of("version", 3), "order", "strict")));

    Mapping mapping = FailoverPolicyMapper.map(failoverPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.config.localityMappings[0].to[0].weight: expected a whole number, found '80%'",
            "spec.config.priorityLabels.order: not supported by meshfed, left out",
            "spec.config.priorityLabels.labels[1]: expected a string, found '3'");
    assertThat(state(mapping))
        .isEqualTo(new FailoverPolicyState(List.of(), List.of(), List.of("version")));
  }

  @Test
  void aSpecOfTheWrongTypeIsAProblemAndTheObjectIsStillPublished() {
    Mapping mapping = FailoverPolicyMapper.map(failoverPolicy("us-east"));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found 'us-east'");
    assertThat(state(mapping)).isEqualTo(EMPTY);
  }

  private static GenericKubernetesResource failoverPolicy(Object spec) {
    return Fixtures.customResource("FailoverPolicy", "failover", spec);
  }

  private static FailoverPolicyState state(Mapping mapping) {
    return (FailoverPolicyState) mapping.writes().get(0).value().getPayload();
  }
}
