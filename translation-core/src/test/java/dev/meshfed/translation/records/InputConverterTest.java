package dev.meshfed.translation.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ClusterRegistrationInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.ObjectId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputConverterTest {

  private static final ObjectId REGISTRATION =
      new ObjectId("mgmt", "KubernetesCluster", "gloo-mesh", "cluster2");

  @Test
  void theProblemsDiscoveryMetReadingAnObjectReachItsInput() {
    Input written =
        new ClusterRegistrationInput(
            REGISTRATION,
            Map.of(),
            false,
            3,
            List.of("spec.removed: expected a boolean, found 'yes'"));

    Input read = InputConverter.toInput(REGISTRATION, WireFormat.value(written)).orElseThrow();

    assertThat(read).isEqualTo(written);
    assertThat(read.problems()).containsExactly("spec.removed: expected a boolean, found 'yes'");
  }
}
