package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The running count of federated, exported and imported services equals a count afresh after any
 * sequence of Service removals, re-creations and relabellings, in every golden case (host conflicts
 * included: a rival's change recounts the services it could claim objects from).
 */
class ServiceTallyTest {

  static Stream<String> cases() throws IOException {
    return GoldenCase.names().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theRunningCountIsTheCountAfresh(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    MeshInputs mesh = golden.mesh();
    Membership membership = FederationTranslator.membership(mesh, golden.settings());
    List<ServiceInput> services = mesh.all(ServiceInput.class).toList();
    Random random = new Random(name.hashCode());
    ServiceTally.of(mesh, membership);

    for (int step = 0; step < 60 && !services.isEmpty(); step++) {
      ServiceInput service = services.get(random.nextInt(services.size()));
      switch (random.nextInt(3)) {
        case 0 -> mesh.remove(service.id());
        case 1 -> mesh.put(service);
        default -> mesh.put(relabelled(service, random));
      }
      if (random.nextInt(3) == 0) {
        assertThat(ServiceTally.of(mesh, membership))
            .as("%s after step %d", name, step)
            .isEqualTo(ServiceTally.afresh(mesh, membership));
      }
    }
    assertThat(ServiceTally.of(mesh, membership)).isEqualTo(ServiceTally.afresh(mesh, membership));
  }

  /** Labels that federation selectors and sharing rules may read, and an older or newer age. */
  private static ServiceInput relabelled(ServiceInput service, Random random) {
    Map<String, String> labels =
        random.nextBoolean() ? Map.of() : Map.of("public", "true", "app", service.id().name());
    String created = random.nextBoolean() ? "2020-01-01T00:00:00Z" : "2030-01-01T00:00:00Z";
    return new ServiceInput(
        service.id(), service.type(), labels, service.selector(), service.ports(), created);
  }
}
