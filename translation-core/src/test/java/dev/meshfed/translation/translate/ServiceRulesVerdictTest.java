package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.translate.Exclusion.Rule;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Explaining the DestinationRules of plain Services (golden case service-destinations). */
class ServiceRulesVerdictTest {

  @Test
  void aSelectedServiceHasARuleForItsClusterLocalHost() throws IOException {
    Verdict verdict =
        verdict("cluster1", "DestinationRule", "bookinfo", "reviews-bookinfo-svc-cluster-local");

    assertThat(verdict.produced()).isPresent();
    assertThat(verdict.produced().get().manifest().at("/spec/host").asText())
        .isEqualTo("reviews.bookinfo.svc.cluster.local");
    assertThat(verdict.produced().get().reason())
        .contains("reviews-outliers")
        .contains("version-v2");
  }

  @Test
  void theOwnersGatewayRuleDefinesTheSubsets() throws IOException {
    Verdict verdict =
        verdict(
            "cluster1",
            "DestinationRule",
            "bookinfo",
            "reviews-bookinfo-svc-cluster1-global-gateway");

    assertThat(verdict.produced()).isPresent();
    assertThat(verdict.produced().get().manifest().at("/spec/subsets/0/name").asText())
        .isEqualTo("version-v2");
    assertThat(verdict.produced().get().manifest().at("/spec/trafficPolicy").isMissingNode())
        .isTrue();
  }

  @Test
  void aServiceNothingSelectsHasNoRule() throws IOException {
    Verdict verdict =
        verdict("cluster1", "DestinationRule", "bookinfo", "ratings-bookinfo-svc-cluster-local");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions())
        .extracting(Exclusion::rule)
        .containsExactly(Rule.NO_POLICY_OR_SUBSET);
    assertThat(verdict.exclusions().get(0).message()).contains("needs no DestinationRule");
  }

  @Test
  void aServiceWithoutSubsetsHasNoGatewayRule() throws IOException {
    Verdict verdict =
        verdict(
            "cluster2",
            "DestinationRule",
            "bookinfo",
            "reviews-bookinfo-svc-cluster2-global-gateway");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions())
        .extracting(Exclusion::rule)
        .containsExactly(Rule.NO_POLICY_OR_SUBSET);
    assertThat(verdict.exclusions().get(0).message()).contains("no route asks for a subset");
  }

  @Test
  void theOwnerHasNoRuleForItsOwnFederatedHost() throws IOException {
    Verdict verdict =
        verdict("cluster1", "DestinationRule", "bookinfo", "reviews-bookinfo-svc-cluster1-global");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions().get(0).message())
        .contains("call it by reviews.bookinfo.svc.cluster.local");
  }

  private static Verdict verdict(String cluster, String kind, String namespace, String name)
      throws IOException {
    GoldenCase input = GoldenCase.named("service-destinations");
    return FederationTranslator.verdict(
        input.mesh(), input.settings(), cluster, kind, namespace, name);
  }
}
