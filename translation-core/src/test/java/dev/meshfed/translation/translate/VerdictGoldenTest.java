package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Explain against translation, on every golden case: every object translation writes is explained
 * as produced, and every object meshfed could name in any cluster and namespace (every service's
 * entry under every host suffix, its isolation policy, every Gateway, every workspace's Sidecar) is
 * either produced or kept out by a rule, never unexplained.
 */
class VerdictGoldenTest {

  static Stream<String> cases() throws IOException {
    return GoldenCase.names().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyWrittenObjectIsExplainedAsProduced(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    MeshInputs inputs = golden.mesh();
    List<Output> outputs =
        FederationTranslator.translateAll(inputs, golden.settings()).values().stream()
            .flatMap(r -> r.outputs().stream())
            .toList();

    for (Output o : outputs) {
      Verdict verdict =
          FederationTranslator.verdict(
              inputs, golden.settings(), o.cluster(), o.kind(), o.namespace(), o.name());
      assertThat(verdict.produced()).as("%s", DesiredRef.of(o)).contains(o);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aRuleExcludesExactlyWhatIsNotProduced(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    MeshInputs inputs = golden.mesh();
    Set<DesiredRef> produced =
        FederationTranslator.translateAll(inputs, golden.settings()).values().stream()
            .flatMap(r -> r.outputs().stream())
            .map(DesiredRef::of)
            .collect(Collectors.toSet());

    for (DesiredRef ref : nameable(inputs, golden.settings())) {
      Verdict verdict =
          FederationTranslator.verdict(
              inputs, golden.settings(), ref.cluster(), ref.kind(), ref.namespace(), ref.name());
      assertThat(verdict.produced().isPresent())
          .as("%s: %s", ref, verdict)
          .isEqualTo(produced.contains(ref));
      assertThat(verdict.exclusions())
          .as("%s", ref)
          .extracting(Exclusion::rule)
          .doesNotContain(Rule.UNEXPLAINED);
    }
  }

  /** Every object meshfed could write, in every cluster and in every namespace it could go to. */
  private static List<DesiredRef> nameable(MeshInputs inputs, TranslationSettings settings) {
    Membership membership = FederationTranslator.membership(inputs, settings);
    List<DesiredRef> refs = new ArrayList<>();
    for (String cluster : inputs.clusters()) {
      List<String> namespaces = new ArrayList<>(List.of("istio-system"));
      inputs.inCluster(cluster, NamespaceInput.class).forEach(n -> namespaces.add(n.id().name()));
      inputs
          .inCluster(cluster, ControlPlaneInput.class)
          .forEach(cp -> namespaces.add(cp.id().namespace()));
      for (String namespace : namespaces.stream().distinct().toList()) {
        for (String suffix : membership.hostSuffixes()) {
          inputs
              .all(ServiceInput.class)
              .forEach(
                  service ->
                      refs.add(
                          new DesiredRef(
                              cluster,
                              "ServiceEntry",
                              namespace,
                              Manifests.objectName(ServiceFederation.host(service, suffix)))));
          refs.add(new DesiredRef(cluster, "Gateway", namespace, GatewayTranslator.name(suffix)));
          inputs
              .inCluster(cluster, EastWestGatewayInput.class)
              .forEach(
                  gateway ->
                      refs.add(
                          new DesiredRef(
                              cluster,
                              "Gateway",
                              namespace,
                              Manifests.objectName(
                                  GatewayTranslator.name(suffix) + "-" + gateway.id().name()))));
        }
        inputs
            .inCluster(cluster, ServiceInput.class)
            .filter(s -> s.id().namespace().equals(namespace))
            .forEach(
                s ->
                    refs.add(
                        new DesiredRef(
                            cluster,
                            "AuthorizationPolicy",
                            namespace,
                            ServiceIsolation.name(s.id().name()))));
        membership
            .workspaces()
            .keySet()
            .forEach(
                w ->
                    refs.add(
                        new DesiredRef(cluster, "Sidecar", namespace, SidecarTranslator.name(w))));
      }
    }
    return refs.stream().distinct().toList();
  }
}
