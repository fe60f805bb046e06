package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ControlPlaneInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of the golden cases of ExternalServices and of VirtualDestinations backed by them is
 * admitted by its cluster's Istio (its CRD schema and webhook rules, as the test bed's API servers
 * apply them): an entry known by addresses needs a host, NONE or STATIC resolution next to a CIDR
 * block, IP endpoints under STATIC.
 */
class GoldenAdmissionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "external-services",
        "external-addresses",
        "virtual-destination-external",
        "mcs-exports",
        "mcs-invalid-exports"
      })
  void everyOutputIsAdmitted(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (UnitResult result :
        FederationTranslator.translateAll(golden.mesh(), golden.settings()).values()) {
      for (Output output : result.outputs()) {
        checked++;
        List<String> causes =
            TranslationAdmissionPropertyTest.admission(output, version(golden, output.cluster()));
        if (!causes.isEmpty()) {
          refused.add(output.cluster() + "/" + output.kind() + "/" + output.name() + ": " + causes);
        }
      }
    }
    assertThat(checked).as("objects checked").isPositive();
    assertThat(refused).isEmpty();
  }

  private static Optional<String> version(GoldenCase golden, String cluster) {
    return golden.inputs().stream()
        .filter(ControlPlaneInput.class::isInstance)
        .map(ControlPlaneInput.class::cast)
        .filter(cp -> cp.id().cluster().equals(cluster))
        .map(ControlPlaneInput::version)
        .findFirst();
  }
}
