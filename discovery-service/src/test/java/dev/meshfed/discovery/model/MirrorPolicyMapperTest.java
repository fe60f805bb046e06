package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.MirrorPolicyState;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.RouteDestination;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorPolicyMapperTest {

  private static final List<Map<String, Object>> RATINGS_ROUTES =
      List.of(Map.of("route", Map.of("labels", Map.of("route", "ratings"))));

  private static final Map<String, Object> RATINGS_V2 =
      Map.of(
          "ref",
          Map.of("name", "ratings", "namespace", "bookinfo", "cluster", "cluster2"),
          "kind",
          "SERVICE",
          "port",
          Map.of("number", 9080));

  private static final Map<String, Object> SETTINGS =
      Map.of("destination", RATINGS_V2, "percentage", 12.5);

  /** Gloo Mesh's docs' MirrorPolicy, its settings under spec.config. */
  private static final Map<String, Object> MIRROR =
      Map.of("applyToRoutes", RATINGS_ROUTES, "config", SETTINGS);

  private static final List<ObjectSelector> RATINGS_ROUTES_STATE =
      List.of(new ObjectSelector(null, null, null, null, Map.of("route", "ratings")));

  private static final RouteDestination RATINGS_V2_STATE =
      new RouteDestination(
          new ObjectSelector("ratings", "bookinfo", "cluster2", null, Map.of()),
          "SERVICE",
          9080,
          null,
          Map.of(),
          null);

  private static final MirrorPolicyState MIRROR_STATE =
      new MirrorPolicyState(RATINGS_ROUTES_STATE, RATINGS_V2_STATE, 12.5);

  @Test
  void readsMeshfedsMirrorPolicy() {
    Mapping mapping = MirrorPolicyMapper.map(mirrorPolicy(MIRROR));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.MIRROR_POLICY, "gloo-mesh", "mirror"),
        "meshfed.dev/v1alpha1",
        MIRROR_STATE);
  }

  @Test
  void readsGloosMirrorPolicyTheSameUnderAKindOfItsOwn() {
    var gloo =
        mirrorPolicy(MIRROR).toBuilder()
            .withApiVersion("trafficcontrol.policy.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_MIRROR_POLICIES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_MIRROR_POLICY, "gloo-mesh", "mirror"),
        "trafficcontrol.policy.gloo.solo.io/v2",
        MIRROR_STATE);
  }

  @Test
  void readsTheSettingsWrittenDirectlyUnderSpecTheSame() {
    var spec = new HashMap<String, Object>(SETTINGS);
    spec.put("applyToRoutes", RATINGS_ROUTES);

    Mapping mapping = DiscoveryMapper.map(Source.MIRROR_POLICIES, mirrorPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(MIRROR_STATE);
  }

  @Test
  void aDestinationReadsAsARoutesItsSubsetAndPortNameToo() {
    var destination =
        Map.of(
            "ref",
            Map.of("name", "reviews-mirror"),
            "kind",
            "VIRTUAL_DESTINATION",
            "port",
            Map.of("name", "http"),
            "subset",
            Map.of("version", "v3"));

    Mapping mapping =
        MirrorPolicyMapper.map(mirrorPolicy(Map.of("config", Map.of("destination", destination))));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(
            new MirrorPolicyState(
                List.of(),
                new RouteDestination(
                    new ObjectSelector("reviews-mirror", null, null, null, Map.of()),
                    "VIRTUAL_DESTINATION",
                    null,
                    "http",
                    Map.of("version", "v3"),
                    null),
                null));
  }

  @Test
  void withoutRoutesOrSettingsItsListIsEmptyAndTheSettingsNull() {
    var empty = new MirrorPolicyState(List.of(), null, null);
    for (Object spec : List.of(Map.of(), Map.of("config", Map.of()))) {
      Mapping mapping = MirrorPolicyMapper.map(mirrorPolicy(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(empty);
    }
    assertThat(state(MirrorPolicyMapper.map(mirrorPolicy(null)))).isEqualTo(empty);
  }

  @Test
  void aWeightIsAProblemAndTheDestinationIsReadWithoutIt() {
    var weighted = new HashMap<String, Object>(RATINGS_V2);
    weighted.put("weight", 50);

    Mapping mapping =
        MirrorPolicyMapper.map(
            mirrorPolicy(Map.of("applyToRoutes", RATINGS_ROUTES, "destination", weighted)));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.destination.weight: not supported by a mirror's one destination, left out");
    assertThat(state(mapping))
        .isEqualTo(new MirrorPolicyState(RATINGS_ROUTES_STATE, RATINGS_V2_STATE, null));
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of("route", Map.of("name", 7)), Map.of("route", Map.of("name", "r"))),
            "config",
            Map.of(
                "destination",
                Map.of("ref", Map.of("name", "ratings"), "port", Map.of("number", "9080")),
                "percentage",
                "half"));

    Mapping mapping = MirrorPolicyMapper.map(mirrorPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToRoutes[0].route.name: expected a string, found '7'",
            "spec.config.destination.port.number: expected a whole number, found '9080'",
            "spec.config.percentage: expected a number, found 'half'");
    // read without its port, the destination would be another one than was written: left out
    assertThat(state(mapping))
        .isEqualTo(
            new MirrorPolicyState(
                List.of(new ObjectSelector("r", null, null, null, Map.of())), null, null));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void fieldsMeshfedDoesNotReadAreProblems() {
    var spec =
        Map.of(
            "applyToDestinations",
            List.of(),
            "percentage",
            50,
            "config",
            Map.of(
                "destination",
                Map.of("ref", Map.of("name", "ratings", "workspace", "ops")),
                "percentage",
                100,
                "headers",
                Map.of()));

    Mapping mapping = MirrorPolicyMapper.map(mirrorPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToDestinations: not supported by meshfed, left out",
            "spec.percentage: left out, as spec.config is given",
            "spec.config.headers: not supported by meshfed, left out",
            "spec.config.destination.ref.workspace: not supported by meshfed, left out");
    assertThat(state(mapping)).isEqualTo(new MirrorPolicyState(List.of(), null, 100.0));
  }

  private static GenericKubernetesResource mirrorPolicy(Object spec) {
    return Fixtures.customResource("MirrorPolicy", "mirror", spec);
  }

  private static MirrorPolicyState state(Mapping mapping) {
    return (MirrorPolicyState) mapping.writes().get(0).value().getPayload();
  }
}
