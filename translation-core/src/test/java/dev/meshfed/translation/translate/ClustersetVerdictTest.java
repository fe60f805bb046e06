package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code explain} on what ServiceExports make, from the golden case mcs-invalid-exports: ratings is
 * exported from cluster1 to workspace bookinfo (cluster1, cluster2 and cluster3, whose istiod makes
 * clusterset hosts itself); details and productpage export nothing.
 */
class ClustersetVerdictTest {

  @Test
  void everyClusterOfTheClustersetGetsTheServiceImport() throws IOException {
    for (String cluster : new String[] {"cluster1", "cluster2", "cluster3"}) {
      Verdict verdict = verdict(cluster, "ServiceImport", "bookinfo", "ratings");

      assertThat(verdict.produced()).as(cluster).isPresent();
    }
  }

  @Test
  void anExportOfNoValidServiceImportsNothing() throws IOException {
    Verdict verdict = verdict("cluster2", "ServiceImport", "bookinfo", "details");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions()).extracting(Exclusion::rule).contains(Rule.NO_BACKING_SERVICE);
    assertThat(verdict.exclusions().get(0).message())
        .contains("no valid ServiceExport bookinfo/details");
  }

  @Test
  void whereIstiodMakesTheHostItselfMeshfedWritesNoEntry() throws IOException {
    Verdict verdict = verdict("cluster3", "ServiceEntry", "istio-system", "mcs-ratings-bookinfo");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions())
        .extracting(Exclusion::rule)
        .containsExactly(Rule.ISTIOD_OWNS_HOST);
    assertThat(
            verdict("cluster2", "ServiceEntry", "istio-system", "mcs-ratings-bookinfo").produced())
        .isPresent();
  }

  @Test
  void aNameNoExportGivesIsExplainedByHowMeshfedNamesThem() throws IOException {
    Verdict verdict = verdict("cluster2", "ServiceImport", "bookinfo", "nothing");

    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions())
        .extracting(Exclusion::rule)
        .containsExactly(Rule.NO_SUCH_OBJECT);
    assertThat(verdict.exclusions().get(0).message()).contains("ServiceImport as its Service");
  }

  @Test
  void aClusterWithoutIstioGetsNoServiceImport() throws IOException {
    GoldenCase golden = GoldenCase.named("mcs-invalid-exports");
    List<Input> inputs = new ArrayList<>(golden.inputs());
    inputs.removeIf(
        i -> i.id().cluster().equals("cluster2") && i.id().kind().equals("ControlPlane"));

    Verdict verdict =
        FederationTranslator.verdict(
            MeshInputs.of(inputs),
            golden.settings(),
            "cluster2",
            "ServiceImport",
            "bookinfo",
            "ratings");

    assertThat(verdict.produced()).as("the host would not reach its clients").isEmpty();
    assertThat(verdict.exclusions())
        .extracting(Exclusion::rule)
        .containsExactly(Rule.NO_CONTROL_PLANE);
  }

  private static Verdict verdict(String cluster, String kind, String namespace, String name)
      throws IOException {
    GoldenCase golden = GoldenCase.named("mcs-invalid-exports");
    return FederationTranslator.verdict(
        golden.mesh(), golden.settings(), cluster, kind, namespace, name);
  }
}
