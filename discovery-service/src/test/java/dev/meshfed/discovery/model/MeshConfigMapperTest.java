package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.MeshConfigState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeshConfigMapperTest {

  private static final Map<String, String> REVISION_1_22 = Map.of("istio.io/rev", "1-22");

  @Test
  void readsTheTrustDomainItsAliasesAndTheMeshId() {
    String mesh =
        """
        accessLogFile: /dev/stdout
        trustDomain: cluster1.example.com
        trustDomainAliases:
        - old.example.com
        - cluster.local
        defaultConfig:
          meshId: mesh1
          proxyMetadata:
            ISTIO_META_DNS_CAPTURE: "true"
        """;

    Mapping mapping = MeshConfigMapper.map(configMap("istio-1-22", REVISION_1_22, mesh));

    assertThat(mapping.problems()).isEmpty();
    Write write = mapping.writes().get(0);
    assertThat(write.key())
        .isEqualTo(Keys.of(DiscoveredKinds.MESH_CONFIG, "istio-system", "istio-1-22"));
    assertThat(write.value().getApiVersion()).isEqualTo("v1");
    assertThat(write.value().getPayload())
        .isEqualTo(
            new MeshConfigState(
                "1-22",
                "cluster1.example.com",
                List.of("old.example.com", "cluster.local"),
                "mesh1",
                Map.of("ISTIO_META_DNS_CAPTURE", "true")));
  }

  @Test
  void theDefaultRevisionsConfigMapIsNamedIstio() {
    Mapping mapping =
        MeshConfigMapper.map(
            configMap("istio", Map.of("istio.io/rev", "default"), "trustDomain: td1\n"));

    assertThat(state(mapping))
        .isEqualTo(new MeshConfigState("default", "td1", List.of(), null, Map.of()));
  }

  @Test
  void withoutAMeshKeyEverythingIsIstiosDefault() {
    assertThat(state(MeshConfigMapper.map(configMap("istio-1-22", REVISION_1_22, null))))
        .isEqualTo(new MeshConfigState("1-22", null, List.of(), null, Map.of()));
    assertThat(MeshConfigMapper.map(configMap("istio-1-22", REVISION_1_22, "  \n")).problems())
        .isEmpty();
  }

  @Test
  void otherConfigMapsOfTheRevisionAreTombstones() {
    var tombstone =
        Write.tombstone(
            Keys.of(DiscoveredKinds.MESH_CONFIG, "istio-system", "istio-sidecar-injector-1-22"));

    assertThat(
            MeshConfigMapper.map(
                    configMap("istio-sidecar-injector-1-22", REVISION_1_22, "policy: enabled"))
                .writes())
        .containsExactly(tombstone);
    assertThat(MeshConfigMapper.map(configMap("kube-root-ca.crt", REVISION_1_22, null)).writes())
        .singleElement()
        .matches(Write::isTombstone);
  }

  @Test
  void theNameFollowsTheRevision() {
    assertThat(MeshConfigMapper.isMeshConfig("istio", null)).isTrue();
    assertThat(MeshConfigMapper.isMeshConfig("istio", "1-22")).isTrue();
    assertThat(MeshConfigMapper.isMeshConfig("istio-1-22", "1-22")).isTrue();
    assertThat(MeshConfigMapper.isMeshConfig("istio-1-22", "1-23")).isFalse();
    assertThat(MeshConfigMapper.isMeshConfig("istio-", "")).isFalse();
    assertThat(MeshConfigMapper.isMeshConfig("istiod", "d")).isFalse();
  }

  @Test
  void unparseableYamlIsAProblemAndARecordWithNulls() {
    Mapping mapping =
        MeshConfigMapper.map(
            configMap("istio-1-22", REVISION_1_22, "trustDomain: [unclosed\ndefaultConfig: {"));

    assertThat(mapping.problems()).singleElement().asString().startsWith("data.mesh: not YAML: ");
    assertThat(state(mapping))
        .isEqualTo(new MeshConfigState("1-22", null, List.of(), null, Map.of()));
  }

  @Test
  void duplicateKeysAreAProblem() {
    Mapping mapping =
        MeshConfigMapper.map(
            configMap("istio-1-22", REVISION_1_22, "trustDomain: a\ntrustDomain: b\n"));

    assertThat(mapping.problems()).singleElement().asString().startsWith("data.mesh: not YAML: ");
  }

  @Test
  void wrongTypesAreProblems() {
    String mesh =
        """
        trustDomain: [a, b]
        trustDomainAliases: [old.example.com, 7, {x: y}]
        defaultConfig: mesh1
        """;

    Mapping mapping = MeshConfigMapper.map(configMap("istio-1-22", REVISION_1_22, mesh));

    assertThat(mapping.problems())
        .containsExactly(
            "data.mesh.defaultConfig: expected an object, found 'mesh1'",
            "data.mesh.trustDomain: expected a string, found a list",
            "data.mesh.trustDomainAliases[1]: expected a string, found '7'",
            "data.mesh.trustDomainAliases[2]: expected a string, found an object");
    assertThat(state(mapping))
        .isEqualTo(new MeshConfigState("1-22", null, List.of("old.example.com"), null, Map.of()));
  }

  @Test
  void aMeshThatIsNoObjectIsAProblem() {
    Mapping mapping = MeshConfigMapper.map(configMap("istio-1-22", REVISION_1_22, "just a string"));

    assertThat(mapping.problems())
        .containsExactly("data.mesh: expected an object, found 'just a string'");
    assertThat(state(mapping).getTrustDomain()).isNull();
  }

  @Test
  void otherDataAndStatusChurnMapToAnEqualRecord() {
    ConfigMap before = configMap("istio-1-22", REVISION_1_22, "trustDomain: td1\n");
    ConfigMap after =
        new ConfigMapBuilder(before)
            .editMetadata()
            .withResourceVersion("99")
            .endMetadata()
            .addToData("meshNetworks", "networks: {}")
            .build();

    assertThat(MeshConfigMapper.map(after)).isEqualTo(MeshConfigMapper.map(before));
  }

  private static MeshConfigState state(Mapping mapping) {
    return (MeshConfigState) mapping.writes().get(0).value().getPayload();
  }

  private static ConfigMap configMap(String name, Map<String, String> labels, String mesh) {
    var builder =
        new ConfigMapBuilder().withMetadata(Fixtures.metadata("istio-system", name, labels));
    if (mesh != null) {
      builder.addToData("mesh", mesh);
    }
    return builder.build();
  }
}
