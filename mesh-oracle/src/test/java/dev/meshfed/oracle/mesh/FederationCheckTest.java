package dev.meshfed.oracle.mesh;

import static dev.meshfed.oracle.mesh.FederationFindingsTest.GATEWAY;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.HOST;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.LOCAL_ENTRY;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REMOTE_ENTRY;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REMOTE_ENTRY_WITHOUT_TLS_MODE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** meshfed check's judgement of a mesh: the consumers of each federated host, and refusals. */
class FederationCheckTest {

  @Test
  void everyConsumerOfAFederatedHostIsJudgedAndNoOneElse() {
    MeshFixture fixture =
        MeshFixture.workshop()
            .with("cluster1", managed(REMOTE_ENTRY))
            .with("cluster2", GATEWAY)
            .with("cluster2", managed(LOCAL_ENTRY));

    List<FederationCheck.Finding> findings = check(fixture);

    assertThat(findings)
        .extracting(FederationCheck.Finding::caller)
        .as("web sees nothing; cluster2's gateway namespace is the gateway's")
        .containsExactlyInAnyOrder("cluster1/bookinfo", "cluster2/bookinfo");
    assertThat(findings).allMatch(FederationCheck.Finding::reachable);
    assertThat(findings.get(0).host())
        .isEqualTo(new FederationCheck.FederatedHost(HOST, 9080, "cluster2/bookinfo/reviews"));
  }

  @Test
  void aBrokenPathSaysWhy() {
    MeshFixture fixture =
        MeshFixture.workshop()
            .with("cluster1", managed(REMOTE_ENTRY_WITHOUT_TLS_MODE))
            .with("cluster2", GATEWAY)
            .with("cluster2", managed(LOCAL_ENTRY));

    List<FederationCheck.Finding> findings = check(fixture);
    FederationCheck.Finding remote =
        findings.stream().filter(f -> f.caller().equals("cluster1/bookinfo")).findFirst().get();

    assertThat(remote.reachable()).isFalse();
    assertThat(remote.route().reasons()).containsExactly(Reason.PLAINTEXT_AT_GATEWAY);
    assertThat(FederationCheck.summary(findings, HOST, "cluster1"))
        .isEqualTo("NOT bookinfo [PLAINTEXT_AT_GATEWAY]");
    assertThat(FederationCheck.summary(findings, HOST, "cluster2")).isEqualTo("bookinfo");
  }

  @Test
  void objectsTheClustersIstioReleaseWouldRefuseAreReported() {
    MeshFixture fixture =
        MeshFixture.workshop()
            .with("cluster1", REMOTE_ENTRY.replace("v1beta1", "v1"))
            .with("cluster2", LOCAL_ENTRY.replace("exportTo: [", "exportTo: [., "));
    Map<String, List<JsonNode>> objects = fixture.objects();

    List<ConfigAdmission.Refusal> refusals =
        ConfigAdmission.refusals(new MeshOracle(objects), objects);

    assertThat(refusals)
        .extracting(ConfigAdmission.Refusal::cluster, ConfigAdmission.Refusal::object)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "cluster1", "ServiceEntry/istio-system/reviews-bookinfo-svc-cluster2-global"),
            org.assertj.core.groups.Tuple.tuple(
                "cluster2", "ServiceEntry/bookinfo/reviews-bookinfo-svc-cluster2-global"));
    assertThat(refusals.get(0).reason()).contains("does not serve networking.istio.io/v1");
    assertThat(refusals.get(1).reason()).contains("exportTo");
  }

  private static List<FederationCheck.Finding> check(MeshFixture fixture) {
    return FederationCheck.run(fixture.oracle(), fixture.objects());
  }

  /** An entry as meshfed writes it: managed, with its host and source cluster. */
  private static String managed(String entry) {
    return entry.replaceFirst(
        "(metadata: \\{name: [^,]+, namespace: [^}]+)\\}",
        "$1, labels: {app.kubernetes.io/managed-by: meshfed, meshfed.dev/source-cluster:"
            + " cluster2}, annotations: {meshfed.dev/host: "
            + HOST
            + "}}");
  }
}
