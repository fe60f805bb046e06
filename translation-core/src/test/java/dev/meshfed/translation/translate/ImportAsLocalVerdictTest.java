package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.translate.Exclusion.Rule;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code explain} on what OSSM's importAsLocal makes, from the golden case ossm-import-as-local:
 * mesh2 imports mesh1's ratings, details, productpage and reviews into its namespace bookinfo-ha.
 */
class ImportAsLocalVerdictTest {

  private static final String RATINGS = "ossm-ratings-bookinfo-ha-svc-cluster-local";

  @Test
  void theImportersOwnServiceGetsTheGatewayAndARuleButNoEntry() throws IOException {
    assertThat(
            verdict("mesh2", "WorkloadEntry", "bookinfo-ha", RATINGS + "-mesh1-bookinfo-mesh1")
                .produced())
        .isPresent();
    assertThat(verdict("mesh2", "DestinationRule", "bookinfo-ha", RATINGS).produced()).isPresent();

    Verdict entry = verdict("mesh2", "ServiceEntry", "mesh2-system", RATINGS + "-mesh1-bookinfo");
    assertThat(entry.produced()).isEmpty();
    assertThat(entry.exclusions()).extracting(Exclusion::rule).contains(Rule.OTHER_NAMESPACE);
  }

  @Test
  void aServiceTheGatewaysCannotJoinSaysWhy() throws IOException {
    Verdict verdict =
        verdict(
            "mesh2",
            "DestinationRule",
            "bookinfo-ha",
            "ossm-productpage-bookinfo-ha-svc-cluster-local");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions())
        .extracting(Exclusion::rule)
        .containsExactly(Rule.NO_BACKING_SERVICE);
    assertThat(verdict.exclusions().get(0).message())
        .contains("port(s) [9443] are not among the exported service's");
  }

  @Test
  void theExportersOwnHostNeedsNoEntryThere() throws IOException {
    Verdict verdict =
        verdict(
            "mesh1",
            "ServiceEntry",
            "bookinfo-ha",
            "ossm-reviews-bookinfo-ha-svc-cluster-local-bookinfo-ha");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions())
        .extracting(Exclusion::rule)
        .containsExactly(Rule.ISTIOD_OWNS_HOST);
  }

  private static Verdict verdict(String cluster, String kind, String namespace, String name)
      throws IOException {
    GoldenCase golden = GoldenCase.named("ossm-import-as-local");
    return FederationTranslator.verdict(
        golden.mesh(), golden.settings(), cluster, kind, namespace, name);
  }
}
