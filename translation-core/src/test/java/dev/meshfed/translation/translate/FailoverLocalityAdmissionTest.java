package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden case failover-locality's objects as each cluster's Istio admits them: its distribute,
 * failover and failoverPriority pass the DestinationRule schema and webhook rules of the cluster's
 * release (validateLocalityLbSetting among them).
 */
class FailoverLocalityAdmissionTest {

  private static final Map<String, String> ISTIO =
      Map.of(
          "cluster1", "1.24.2", "cluster2", "1.11.7", "cluster3", "1.24.2", "cluster4", "1.24.2");

  private static List<Output> outputs() throws IOException {
    GoldenCase golden = GoldenCase.named("failover-locality");
    return FederationTranslator.translateAll(golden.mesh(), golden.settings()).values().stream()
        .flatMap(result -> result.outputs().stream())
        .toList();
  }

  private static List<String> admission(Output output) {
    return TranslationAdmissionPropertyTest.admission(
        output, Optional.of(ISTIO.get(output.cluster())));
  }

  @Test
  void everyClustersIstioAdmitsItsObjects() throws IOException {
    List<Output> outputs = outputs();

    assertThat(outputs).extracting(Output::kind).contains("DestinationRule");
    assertThat(outputs).allSatisfy(output -> assertThat(admission(output)).isEmpty());
  }
}
