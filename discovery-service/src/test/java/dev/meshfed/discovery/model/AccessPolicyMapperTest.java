package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AccessPolicyState;
import dev.meshfed.schema.discovery.AccessRule;
import dev.meshfed.schema.discovery.DestinationSelector;
import dev.meshfed.schema.discovery.ObjectSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessPolicyMapperTest {

  private static final List<Map<String, Object>> REVIEWS_DESTINATION =
      List.of(
          Map.of(
              "selector",
              Map.of("name", "reviews", "namespace", "bookinfo"),
              "port",
              Map.of("number", 9080)));

  private static final Map<String, Object> PRODUCTPAGE_CLIENT =
      Map.of(
          "serviceAccountSelector",
          Map.of("name", "bookinfo-productpage", "namespace", "bookinfo", "cluster", "cluster1"));

  private static final Map<String, Object> AUTHZ =
      Map.of(
          "allowedClients",
          List.of(PRODUCTPAGE_CLIENT),
          "allowedPaths",
          List.of("/reviews*"),
          "allowedMethods",
          List.of("GET"));

  private static final Map<String, Object> SETTINGS =
      Map.of(
          "authn",
          Map.of("tlsMode", "STRICT"),
          "authz",
          AUTHZ,
          "authzList",
          List.of(Map.of("allowedClients", List.of(Map.of())), Map.of()),
          "enforcementLayers",
          Map.of("mesh", true, "cni", false));

  /** Gloo Mesh's docs' AccessPolicy, its settings under spec.config. */
  private static final Map<String, Object> ACCESS =
      Map.of("applyToDestinations", REVIEWS_DESTINATION, "config", SETTINGS);

  private static final List<DestinationSelector> REVIEWS =
      List.of(
          new DestinationSelector(
              "SERVICE",
              new ObjectSelector("reviews", "bookinfo", null, null, Map.of()),
              9080,
              null));

  private static final AccessRule PRODUCTPAGE_RULE =
      new AccessRule(
          List.of(
              new ObjectSelector("bookinfo-productpage", "bookinfo", "cluster1", null, Map.of())),
          List.of("/reviews*"),
          List.of("GET"));

  private static final AccessPolicyState ACCESS_STATE =
      new AccessPolicyState(
          REVIEWS,
          "STRICT",
          List.of(
              PRODUCTPAGE_RULE,
              // an empty IdentitySelector: any client
              new AccessRule(List.of(ObjectSelectors.all()), List.of(), List.of()),
              new AccessRule(List.of(), List.of(), List.of())));

  private static final AccessPolicyState EMPTY = new AccessPolicyState(List.of(), null, List.of());

  @Test
  void readsMeshfedsAccessPolicy() {
    Mapping mapping = AccessPolicyMapper.map(accessPolicy(ACCESS));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.ACCESS_POLICY, "gloo-mesh", "access"),
        "meshfed.dev/v1alpha1",
        ACCESS_STATE);
  }

  @Test
  void readsGloosAccessPolicyTheSameUnderAKindOfItsOwn() {
    var gloo =
        accessPolicy(ACCESS).toBuilder().withApiVersion("security.policy.gloo.solo.io/v2").build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_ACCESS_POLICIES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_ACCESS_POLICY, "gloo-mesh", "access"),
        "security.policy.gloo.solo.io/v2",
        ACCESS_STATE);
  }

  @Test
  void readsTheSettingsWrittenDirectlyUnderSpecTheSame() {
    var spec = new HashMap<String, Object>(SETTINGS);
    spec.put("applyToDestinations", REVIEWS_DESTINATION);

    Mapping mapping = DiscoveryMapper.map(Source.ACCESS_POLICIES, accessPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(ACCESS_STATE);
  }

  @Test
  void readsAuthzListAloneAndPermissiveTlsAsWritten() {
    var spec =
        Map.of(
            "config",
            Map.of("authn", Map.of("tlsMode", "PERMISSIVE"), "authzList", List.of(AUTHZ)));

    Mapping mapping = AccessPolicyMapper.map(accessPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(new AccessPolicyState(List.of(), "PERMISSIVE", List.of(PRODUCTPAGE_RULE)));
  }

  @Test
  void withoutDestinationsOrSettingsNothingIsSetAndNoRuleAdmitsAnything() {
    for (Object spec :
        List.of(
            Map.of(),
            Map.of("config", Map.of()),
            Map.of("config", Map.of("authn", Map.of(), "enforcementLayers", Map.of())))) {
      Mapping mapping = AccessPolicyMapper.map(accessPolicy(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
    assertThat(state(AccessPolicyMapper.map(accessPolicy(null)))).isEqualTo(EMPTY);
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "applyToDestinations",
            List.of(Map.of("selector", List.of("reviews"))),
            "config",
            Map.of(
                "authn",
                Map.of("tlsMode", 2),
                "authz",
                Map.of("allowedClients", "productpage"),
                "authzList",
                List.of(AUTHZ, Map.of("allowedMethods", List.of("GET", 7)), "open"),
                "enforcementLayers",
                Map.of("mesh", "yes")));

    Mapping mapping = AccessPolicyMapper.map(accessPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToDestinations[0].selector: expected an object, found a list",
            "spec.config.authn.tlsMode: expected a string, found '2'",
            "spec.config.authz.allowedClients: expected a list, found 'productpage'",
            "spec.config.authzList[1].allowedMethods[1]: expected a string, found '7'",
            "spec.config.authzList[2]: expected an object, found 'open'",
            "spec.config.enforcementLayers.mesh: expected a boolean, found 'yes'");
    // a rule read without a client or a method would admit requests that were not admitted
    assertThat(state(mapping))
        .isEqualTo(new AccessPolicyState(List.of(), null, List.of(PRODUCTPAGE_RULE)));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aRuleWithAFieldMeshfedDoesNotReadIsLeftOutAndTheRestIsRead() {
    var labelled =
        Map.of("serviceAccountSelector", Map.of("namespace", "bookinfo", "labels", Map.of()));
    var jwt =
        Map.of(
            "serviceAccountSelector",
            Map.of("name", "ratings"),
            "requestIdentityMatcher",
            Map.of("requestPrincipals", List.of("*")));
    var spec =
        Map.of(
            "applyToDestinations",
            REVIEWS_DESTINATION,
            "applyToWorkloads",
            List.of(Map.of()),
            "config",
            Map.of(
                "authz",
                Map.of("allowedClients", List.of(labelled)),
                "authzList",
                List.of(
                    Map.of("allowedClients", List.of(PRODUCTPAGE_CLIENT, jwt)),
                    Map.of("allowedIpBlocks", List.of("10.0.0.0/8")),
                    Map.of("allowedPorts", List.of(9080)),
                    Map.of("match", Map.of("request", Map.of())),
                    AUTHZ)));

    Mapping mapping = AccessPolicyMapper.map(accessPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToWorkloads: not supported by meshfed, left out",
            "spec.config.authz.allowedClients[0].serviceAccountSelector.labels:"
                + " not supported by meshfed, left out",
            "spec.config.authzList[0].allowedClients[1].requestIdentityMatcher:"
                + " not supported by meshfed, left out",
            "spec.config.authzList[1].allowedIpBlocks: not supported by meshfed, left out",
            "spec.config.authzList[2].allowedPorts: not supported by meshfed, left out",
            "spec.config.authzList[3].match: not supported by meshfed, left out");
    assertThat(state(mapping))
        .isEqualTo(new AccessPolicyState(REVIEWS, null, List.of(PRODUCTPAGE_RULE)));
  }

  @Test
  void enforcementOutsideTheMeshAndOtherUnreadFieldsAreProblemsTheRestRead() {
    var spec =
        Map.of(
            "authz",
            AUTHZ,
            "config",
            Map.of(
                "authn",
                Map.of("tlsMode", "STRICT", "peerAuth", Map.of()),
                "enforcementLayers",
                Map.of("mesh", true, "cni", true),
                "dryRun",
                true));

    Mapping mapping = AccessPolicyMapper.map(accessPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.authz: left out, as spec.config is given",
            "spec.config.dryRun: not supported by meshfed, left out",
            "spec.config.authn.peerAuth: not supported by meshfed, left out",
            "spec.config.enforcementLayers: only the mesh layer is supported by meshfed,"
                + " enforced there alone");
    assertThat(state(mapping)).isEqualTo(new AccessPolicyState(List.of(), "STRICT", List.of()));
  }

  @Test
  void enforcementInTheCniAloneIsAProblemToo() {
    var spec = Map.of("enforcementLayers", Map.of("mesh", false, "cni", true));

    Mapping mapping = AccessPolicyMapper.map(accessPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.enforcementLayers: only the mesh layer is supported by meshfed,"
                + " enforced there alone");
    assertThat(state(mapping)).isEqualTo(EMPTY);
  }

  private static GenericKubernetesResource accessPolicy(Object spec) {
    return Fixtures.customResource("AccessPolicy", "access", spec);
  }

  private static AccessPolicyState state(Mapping mapping) {
    return (AccessPolicyState) mapping.writes().get(0).value().getPayload();
  }
}
