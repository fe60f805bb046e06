package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ClusterRegistrationInput;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput.Federation;
import dev.meshfed.translation.model.WorkspaceSettingsInput.ServiceSelector;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/**
 * Why an object is not produced, one rule at a time, each from the golden bookinfo case (workspace
 * bookinfo over cluster1 and cluster2; cluster1 owns productpage, details and reviews) with one
 * input changed. The object asked about is details' ServiceEntry in cluster2, unless said.
 */
class VerdictTest {

  private static final String DETAILS = "details-bookinfo-svc-cluster1-global";
  private static final ObjectId DETAILS_SERVICE =
      new ObjectId("cluster1", "Service", "bookinfo", "details");
  private static final ObjectId SETTINGS =
      new ObjectId("cluster1", "WorkspaceSettings", "bookinfo", "bookinfo-settings");

  private List<Input> inputs;

  @Test
  void anObjectTheInputsImplyIsProduced() throws IOException {
    load();

    Verdict verdict = serviceEntry("cluster2", "istio-system", DETAILS);

    assertThat(verdict.produced()).hasValueSatisfying(o -> assertThat(o.host()).isNotNull());
    assertThat(verdict.exclusions()).isEmpty();
  }

  @Test
  void otherKindsAreNotMeshfeds() throws IOException {
    load();

    assertRule(verdict("cluster2", "EnvoyFilter", "istio-system", DETAILS), Rule.NOT_A_MESHFED_KIND)
        .contains("not EnvoyFilter");
  }

  @Test
  void aDeletedServiceProducesNothing() throws IOException {
    load();
    inputs.removeIf(i -> i.id().equals(DETAILS_SERVICE));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.NO_SUCH_SERVICE)
        .contains("(SUFFIX one of global)");
  }

  @Test
  void aNamespaceOfNoWorkspaceIsNotFederated() throws IOException {
    load();
    inputs.removeIf(i -> i.id().equals(namespace("cluster1", "bookinfo")));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.NOT_IN_WORKSPACE)
        .isEqualTo("namespace bookinfo of cluster cluster1 belongs to no workspace");
  }

  @Test
  void aRejectedWorkspaceThatSelectsTheNamespaceIsNamed() throws IOException {
    load();
    replace(
        WorkspaceInput.class,
        w ->
            new WorkspaceInput(
                moved(w.id(), "cluster2"),
                w.creationTimestamp(),
                w.labels(),
                w.workloadClusters()));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.NOT_IN_WORKSPACE)
        .isEqualTo(
            "namespace bookinfo of cluster cluster1 belongs to no workspace;"
                + " cluster2/Workspace/gloo-mesh/bookinfo selects it but is rejected: Workspaces"
                + " are read from the management cluster 'mgmt' only");
  }

  @Test
  void aWorkspaceWithoutSettingsFederatesNothing() throws IOException {
    load();
    inputs.removeIf(i -> i.id().equals(SETTINGS));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.FEDERATION_OFF)
        .isEqualTo(
            "workspace bookinfo has no WorkspaceSettings in its namespaces, so it federates"
                + " nothing");
  }

  @Test
  void settingsThatDoNotEnableFederationFederateNothing() throws IOException {
    load();
    federation(f -> new Federation(false, f.hostSuffix(), f.selectors()));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.FEDERATION_OFF)
        .isEqualTo(
            "WorkspaceSettings cluster1/WorkspaceSettings/bookinfo/bookinfo-settings of workspace"
                + " bookinfo do not enable options.federation");
  }

  @Test
  void invalidSettingsTurnFederationOffWithTheirDiagnostic() throws IOException {
    load();
    federation(f -> new Federation(true, "Not_A.Suffix", f.selectors()));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.FEDERATION_OFF)
        .contains(
            "are invalid, so federation is off: options.federation.hostSuffix 'Not_A.Suffix'");
  }

  @Test
  void aServiceTheSelectorDoesNotSelectIsNotFederated() throws IOException {
    load();
    federation(
        f ->
            new Federation(
                true,
                f.hostSuffix(),
                List.of(new ServiceSelector("reviews", null, null, Map.of()))));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.NOT_SELECTED)
        .isEqualTo(
            "options.federation.serviceSelector of"
                + " cluster1/WorkspaceSettings/bookinfo/bookinfo-settings (workspace bookinfo) does"
                + " not select it");
  }

  @Test
  void anotherHostSuffixNamesItsObjectsOtherwise() throws IOException {
    load();
    federation(f -> new Federation(true, "mesh", f.selectors()));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.OTHER_HOST_SUFFIX)
        .contains("under host suffix mesh")
        .contains("details-bookinfo-svc-cluster1-mesh");
  }

  @Test
  void withoutAnEastWestGatewayInItsClusterAServiceIsNotFederated() throws IOException {
    load();
    replace(
        EastWestGatewayInput.class,
        g ->
            g.id().cluster().equals("cluster1")
                ? new EastWestGatewayInput(
                    g.id(), g.labels(), g.selector(), null, g.tlsPort(), null)
                : g);

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.NO_EAST_WEST_GATEWAY)
        .startsWith("cluster cluster1 has no east-west gateway");
  }

  @Test
  void aServiceKubernetesWouldRefuseIsInvalidNotUnknown() throws IOException {
    load();
    detailsPorts(new ServicePortInput("http", 65536, null, "TCP", null));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.INVALID_INPUT)
        .contains("spec.ports[0].port: 65536 is not between 1 and 65535");
  }

  @Test
  void aServiceWithoutATcpPortIsNotFederated() throws IOException {
    load();
    detailsPorts(new ServicePortInput("dns", 53, null, "UDP", null));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.NO_TCP_PORT)
        .isEqualTo("the service has no TCP port to federate");
  }

  private void detailsPorts(ServicePortInput... ports) {
    replace(
        ServiceInput.class,
        s ->
            s.id().equals(DETAILS_SERVICE)
                ? new ServiceInput(s.id(), s.type(), s.labels(), s.selector(), List.of(ports))
                : s);
  }

  @Test
  void aClusterOutsideTheWorkspaceGetsNothing() throws IOException {
    load();
    inputs.add(new NamespaceInput(namespace("cluster3", "bookinfo"), Map.of()));
    inputs.add(
        new ControlPlaneInput(
            new ObjectId("cluster3", "ControlPlane", "istio-system", "istiod"), "1.24.2", null));

    assertRule(serviceEntry("cluster3", "istio-system", DETAILS), Rule.TARGET_NOT_IN_WORKSPACE)
        .isEqualTo(
            "workspace bookinfo has no namespace in cluster cluster3 (its clusters: cluster1,"
                + " cluster2)");
  }

  @Test
  void aRemovedOwnerClusterFederatesNothing() throws IOException {
    load();
    inputs.add(removedRegistration("cluster1"));
    inputs.add(registration("cluster2"));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.CLUSTER_REMOVED)
        .isEqualTo(
            "cluster cluster1 is removed from the mesh: mgmt/KubernetesCluster/gloo-mesh/cluster1"
                + " sets spec.removed");
  }

  @Test
  void aRemovedTargetClusterGetsNothing() throws IOException {
    load();
    inputs.add(registration("cluster1"));
    inputs.add(removedRegistration("cluster2"));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.CLUSTER_REMOVED)
        .isEqualTo(
            "cluster cluster2 is removed from the mesh: mgmt/KubernetesCluster/gloo-mesh/cluster2"
                + " sets spec.removed");
  }

  @Test
  void onceAnyClusterIsRegisteredAnUnregisteredOneGetsNothing() throws IOException {
    load();
    inputs.add(registration("cluster1"));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.CLUSTER_REMOVED)
        .isEqualTo(
            "cluster cluster2 is removed from the mesh: it has no KubernetesCluster in the"
                + " management cluster, and the management cluster registers other clusters"
                + " (meshfed.cluster-registration=auto)");
  }

  private static ClusterRegistrationInput registration(String cluster) {
    return new ClusterRegistrationInput(
        new ObjectId("mgmt", "KubernetesCluster", "gloo-mesh", cluster), Map.of(), false);
  }

  private static ClusterRegistrationInput removedRegistration(String cluster) {
    return new ClusterRegistrationInput(
        new ObjectId("mgmt", "KubernetesCluster", "gloo-mesh", cluster), Map.of(), true);
  }

  @Test
  void aClusterWithoutControlPlaneGetsNothing() throws IOException {
    load();
    inputs.removeIf(i -> i instanceof ControlPlaneInput && i.id().cluster().equals("cluster2"));

    assertRule(serviceEntry("cluster2", "istio-system", DETAILS), Rule.NO_CONTROL_PLANE)
        .isEqualTo(
            "cluster cluster2 has no Istio control plane; details.bookinfo.svc.cluster1.global is"
                + " not placed there");
  }

  @Test
  void remoteEntriesGoToTheControlPlaneNamespaceAndTheLocalOneToTheServices() throws IOException {
    load();

    assertRule(serviceEntry("cluster2", "bookinfo", DETAILS), Rule.OTHER_NAMESPACE)
        .isEqualTo(
            "its entry in cluster cluster2 goes to namespace istio-system (the Istio control"
                + " plane's)");
    assertRule(serviceEntry("cluster1", "istio-system", DETAILS), Rule.OTHER_NAMESPACE)
        .isEqualTo(
            "its entry in cluster cluster1 goes to namespace bookinfo (the service's own, where a"
                + " workloadSelector can select its pods)");
  }

  @Test
  void withoutASelectorTheOwnClusterGetsNoLocalEntry() throws IOException {
    load();
    replace(
        ServiceInput.class,
        s ->
            s.id().equals(DETAILS_SERVICE)
                ? new ServiceInput(s.id(), s.type(), s.labels(), Map.of(), s.ports())
                : s);

    assertThat(serviceEntry("cluster2", "istio-system", DETAILS).produced()).isPresent();
    assertRule(serviceEntry("cluster1", "istio-system", DETAILS), Rule.NO_SELECTOR)
        .isEqualTo(
            "the service has no selector, so the east-west gateway cannot reach its workloads");
  }

  @Test
  void aClusterOwningNoFederatedServiceGetsNoGateway() throws IOException {
    load();
    inputs.removeIf(i -> i instanceof ServiceInput && i.id().cluster().equals("cluster2"));

    assertRule(
            verdict("cluster2", "Gateway", "istio-system", "meshfed-eastwest-global"),
            Rule.NO_FEDERATED_SERVICE)
        .isEqualTo("cluster cluster2 owns no federated service with host suffix global");
    assertThat(verdict("cluster1", "Gateway", "istio-system", "meshfed-eastwest-global").produced())
        .isPresent();
  }

  @Test
  void aGatewayOfAnUnknownSuffixIsNamed() throws IOException {
    load();

    assertRule(
            verdict("cluster1", "Gateway", "istio-system", "meshfed-eastwest-mesh"),
            Rule.NO_SUCH_HOST_SUFFIX)
        .contains("no host suffix (of global)");
  }

  // --- helpers

  private void load() throws IOException {
    inputs = new ArrayList<>(GoldenCase.named("bookinfo").inputs());
  }

  private Verdict serviceEntry(String cluster, String namespace, String name) {
    return verdict(cluster, "ServiceEntry", namespace, name);
  }

  private Verdict verdict(String cluster, String kind, String namespace, String name) {
    return FederationTranslator.verdict(
        MeshInputs.of(inputs), TranslationSettings.DEFAULTS, cluster, kind, namespace, name);
  }

  /** Asserts one exclusion of that rule; returns its message for more. */
  private static AbstractStringAssert<?> assertRule(Verdict verdict, Rule rule) {
    assertThat(verdict.produced()).isEmpty();
    assertThat(verdict.exclusions()).extracting(Exclusion::rule).containsExactly(rule);
    return assertThat(verdict.exclusions().get(0).message());
  }

  private <T extends Input> void replace(Class<T> type, UnaryOperator<T> change) {
    inputs.replaceAll(i -> type.isInstance(i) ? change.apply(type.cast(i)) : i);
  }

  private void federation(UnaryOperator<Federation> change) {
    replace(
        WorkspaceSettingsInput.class,
        s ->
            new WorkspaceSettingsInput(
                s.id(),
                s.creationTimestamp(),
                change.apply(s.federation()),
                s.importFrom(),
                s.exportTo()));
  }

  private static ObjectId namespace(String cluster, String name) {
    return new ObjectId(cluster, "Namespace", "", name);
  }

  private static ObjectId moved(ObjectId id, String cluster) {
    return new ObjectId(cluster, id.kind(), id.namespace(), id.name());
  }
}
