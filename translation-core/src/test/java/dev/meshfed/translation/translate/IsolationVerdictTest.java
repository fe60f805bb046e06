package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.translate.Exclusion.Rule;
import java.io.IOException;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/** Explaining isolation policies, Sidecars and per-gateway Gateways (their golden cases). */
class IsolationVerdictTest {

  @Test
  void aFederatedServiceOfAnIsolatingWorkspaceHasItsPolicy() throws IOException {
    Verdict verdict =
        verdict(
            "service-isolation",
            "cluster1",
            "AuthorizationPolicy",
            "bookinfo",
            "meshfed-isolation-reviews");

    assertThat(verdict.produced()).isPresent();
    assertThat(
            verdict.produced().get().manifest().at("/spec/rules/0/to/0/operation/ports/0").asText())
        .isEqualTo("9081");
  }

  @Test
  void aServiceOfAWorkspaceWithoutFederationHasNoPolicy() throws IOException {
    assertRule(
            verdict(
                "service-isolation",
                "cluster1",
                "AuthorizationPolicy",
                "ops",
                "meshfed-isolation-grafana"),
            Rule.FEDERATION_OFF)
        .contains("workspace ops has no WorkspaceSettings");
  }

  @Test
  void aServiceWithoutSelectorHasNoPolicy() throws IOException {
    assertRule(
            verdict(
                "service-isolation",
                "cluster1",
                "AuthorizationPolicy",
                "bookinfo-backends",
                "meshfed-isolation-ratings"),
            Rule.NO_SELECTOR)
        .contains("no selector");
  }

  @Test
  void aPolicyNoServiceWouldHaveIsNamed() throws IOException {
    assertRule(
            verdict(
                "service-isolation",
                "cluster1",
                "AuthorizationPolicy",
                "bookinfo",
                "meshfed-isolation-nosuch"),
            Rule.NO_SUCH_OBJECT)
        .contains("meshfed-isolation-SERVICE");
  }

  @Test
  void aWorkspaceThatDoesNotIsolateHasNoPolicies() throws IOException {
    assertRule(
            verdict(
                "east-west-gateway-selection",
                "cluster1",
                "AuthorizationPolicy",
                "tenant-b",
                "meshfed-isolation-search"),
            Rule.ISOLATION_OFF)
        .contains("do not enable options.serviceIsolation");
  }

  @Test
  void sidecarsGoToTheTrimmingWorkspacesNamespacesOnly() throws IOException {
    assertThat(
            verdict("service-isolation", "cluster2", "Sidecar", "bookinfo", "meshfed-bookinfo")
                .produced())
        .isPresent();
    assertRule(
            verdict("service-isolation", "cluster1", "Sidecar", "ops", "meshfed-bookinfo"),
            Rule.NOT_IN_WORKSPACE)
        .contains("does not belong to workspace bookinfo");
    assertRule(
            verdict("service-isolation", "cluster2", "Sidecar", "web", "meshfed-web"),
            Rule.ISOLATION_OFF)
        .contains("workspace web");
  }

  @Test
  void aGatewayPickedByAWorkspaceIsExplainedByItsName() throws IOException {
    assertThat(
            verdict(
                    "east-west-gateway-selection",
                    "cluster1",
                    "Gateway",
                    "istio-system",
                    "meshfed-eastwest-global-tenant-a-eastwest")
                .produced())
        .isPresent();
    assertRule(
            verdict(
                "east-west-gateway-selection",
                "cluster2",
                "Gateway",
                "istio-system",
                "meshfed-eastwest-global-tenant-a-eastwest"),
            Rule.NO_SUCH_HOST_SUFFIX)
        .contains("-GATEWAY on one a workspace picks");
  }

  @Test
  void aGatewayWhosePodsTheSharedGatewaysSelectorSelectsIsExplainedByTheSharedOne()
      throws IOException {
    assertRule(
            verdict(
                "east-west-gateway-overlap",
                "cluster1",
                "Gateway",
                "istio-system",
                "meshfed-eastwest-global-tenant-a-eastwest"),
            Rule.NO_FEDERATED_SERVICE)
        .contains("the Gateway meshfed-eastwest-global already passes *.global through")
        .contains("IST0145");
    assertThat(
            verdict(
                    "east-west-gateway-overlap",
                    "cluster1",
                    "Gateway",
                    "istio-system",
                    "meshfed-eastwest-global")
                .produced())
        .isPresent();
  }

  private static Verdict verdict(
      String golden, String cluster, String kind, String namespace, String name)
      throws IOException {
    GoldenCase input = GoldenCase.named(golden);
    return FederationTranslator.verdict(
        input.mesh(), input.settings(), cluster, kind, namespace, name);
  }

  private static AbstractStringAssert<?> assertRule(Verdict verdict, Rule rule) {
    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions()).extracting(Exclusion::rule).containsExactly(rule);
    return assertThat(verdict.exclusions().get(0).message());
  }
}
