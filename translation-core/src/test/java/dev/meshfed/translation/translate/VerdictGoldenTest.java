package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exclusion rules against the translation, on every golden case: for every Service, target
 * cluster and host suffix, a rule excludes its entry exactly when the translation does not produce
 * it; likewise for every cluster's Gateway.
 */
class VerdictGoldenTest {

  static Stream<String> cases() throws IOException {
    return GoldenCase.names().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aRuleExcludesExactlyWhatIsNotProduced(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    MeshInputs inputs = golden.mesh();
    Membership membership = FederationTranslator.membership(inputs, golden.settings());
    Set<String> produced =
        FederationTranslator.translateAll(inputs, golden.settings()).values().stream()
            .flatMap(r -> r.outputs().stream())
            .flatMap(
                o ->
                    Stream.of(
                        id(o.cluster(), o.kind(), o.namespace(), o.name()),
                        id(o.cluster(), o.kind(), o.namespace(), o.name()) + "|" + o.host()))
            .collect(Collectors.toSet());
    SortedSet<String> suffixes = new TreeSet<>(List.of(golden.settings().defaultHostSuffix()));
    membership
        .workspaces()
        .values()
        .forEach(w -> w.federation().ifPresent(p -> suffixes.add(p.hostSuffix())));

    for (String cluster : inputs.clusters()) {
      String namespace =
          ClusterMesh.controlPlane(inputs, cluster)
              .map(ControlPlaneInput::id)
              .map(id -> id.namespace())
              .orElse("istio-system");
      for (String suffix : suffixes) {
        inputs
            .all(ServiceInput.class)
            .forEach(
                service -> {
                  String host = ServiceFederation.host(service, suffix);
                  String entry = Manifests.objectName(host);
                  Optional<Exclusion> exclusion =
                      ServiceFederation.exclusion(
                          service, suffix, cluster, namespace, inputs, membership);
                  assertThat(exclusion.isEmpty())
                      .as("%s in %s: %s", entry, cluster, exclusion)
                      .isEqualTo(
                          produced.contains(
                              id(cluster, "ServiceEntry", namespace, entry) + "|" + host));
                });
        Optional<Exclusion> gateway =
            GatewayFederation.exclusion(
                cluster, suffix, GatewayFederation.name(suffix), namespace, inputs, membership);
        assertThat(gateway.isEmpty())
            .as("gateway for %s in %s: %s", suffix, cluster, gateway)
            .isEqualTo(
                produced.contains(
                    id(cluster, "Gateway", namespace, GatewayFederation.name(suffix))));
      }
    }
  }

  private static String id(String cluster, String kind, String namespace, String name) {
    return String.join("/", cluster, kind, namespace, name);
  }
}
