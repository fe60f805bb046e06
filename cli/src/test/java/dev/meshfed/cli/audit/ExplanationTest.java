package dev.meshfed.cli.audit;

import static dev.meshfed.cli.audit.AuditFixtures.SERVICE;
import static dev.meshfed.cli.audit.AuditFixtures.SETTINGS;
import static dev.meshfed.cli.audit.AuditFixtures.T1;
import static dev.meshfed.cli.audit.AuditFixtures.T2;
import static dev.meshfed.cli.audit.AuditFixtures.T3;
import static dev.meshfed.cli.audit.AuditFixtures.WORKSPACE;
import static dev.meshfed.cli.audit.AuditFixtures.desired;
import static dev.meshfed.cli.audit.AuditFixtures.discovered;
import static dev.meshfed.cli.audit.AuditFixtures.serviceEntry;
import static dev.meshfed.cli.audit.AuditFixtures.tombstone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Exclusion;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.Verdict;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplanationTest {

  private static final GenericKubernetesResource B = serviceEntry("b", 9080);
  private static final Map<String, List<DiscoveredEntry>> TOPICS =
      Map.of(
          "cluster1",
          List.of(discovered(SERVICE, 4, T1, 7), discovered(SETTINGS, 1, T1, 8)),
          "mgmt",
          List.of());

  private final List<String> asked = new ArrayList<>();

  private List<DiscoveredEntry> topic(String cluster) {
    asked.add(cluster);
    return TOPICS.get(cluster);
  }

  @Test
  void anExistingObjectListsItsInputsAndWhatAllowedIt() {
    List<DesiredEntry> desired = List.of(desired(B, T2, 3, List.of(SERVICE, WORKSPACE, SETTINGS)));

    Explanation e =
        Explanation.of("cluster2", "ServiceEntry", "istio-system", "b", T3, desired, this::topic);

    assertThat(e.exists()).isTrue();
    assertThat(e.inputs())
        .extracting(i -> i.ref().kind() + ":" + i.record().map(DiscoveredEntry::offset).orElse(-1L))
        .containsExactly("Service:7", "Workspace:-1", "WorkspaceSettings:8");
    String table = ExplainFormat.TABLE.format(e);
    assertThat(table)
        .contains("cluster cluster2 has ServiceEntry/istio-system/b at " + T3)
        .contains("apiVersion: networking.istio.io/v1")
        .contains("workspace:  bookinfo")
        .contains("published:  meshfed.desired.cluster2@3 at " + T2);
    assertThat(table.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("input       cluster1    Service")
                    .contains("bookinfo/reviews")
                    .contains("uid-reviews")
                    .contains("meshfed.discovered.cluster1@7")
                    .endsWith(T1.toString()))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("allowed by  mgmt        Workspace")
                    .endsWith("no record at or before " + T3 + " (deleted, or compacted away)"))
        .anySatisfy(l -> assertThat(l).startsWith("allowed by  cluster1    WorkspaceSettings"));
    assertThat(ExplainFormat.JSON.format(e)).contains("\"status\" : \"exists\"");
    assertThat(ExplainFormat.YAML.format(e)).contains("role: allowed-by");
  }

  @Test
  void aDeletedObjectSaysWhenAndWhatProducedIt() {
    List<DesiredEntry> desired = List.of(desired(B, T1, 3, List.of(SERVICE)), tombstone(B, T2, 9));

    Explanation e =
        Explanation.of("cluster2", "ServiceEntry", "istio-system", "b", T3, desired, this::topic);

    assertThat(e.exists()).isFalse();
    assertThat(ExplainFormat.TABLE.format(e))
        .contains(
            "cluster cluster2 had no ServiceEntry/istio-system/b at "
                + T3
                + ": deleted at "
                + T2
                + " (offset 9)")
        .contains("it was produced by (last version: networking.istio.io/v1")
        .contains("bookinfo/reviews");
  }

  @Test
  void aNeverPublishedObjectPointsAtTheEventsAndReadsNoInputs() {
    Explanation e =
        Explanation.of("cluster2", "ServiceEntry", "istio-system", "x", T3, List.of(), this::topic);

    assertThat(e.exists()).isFalse();
    assertThat(asked).isEmpty();
    assertThat(ExplainFormat.TABLE.format(e))
        .isEqualTo(
            "cluster cluster2 never had ServiceEntry/istio-system/x published at or before "
                + T3
                + "\nwhy it was not produced: see `meshfed events --cluster cluster2`\n");
  }

  @Test
  void aMissingObjectNamesTheRuleThatKeepsItOut() {
    Verdict verdict =
        new Verdict(
            Optional.empty(),
            List.of(
                new Exclusion(
                    Rule.NOT_SELECTED,
                    new ObjectId("cluster1", "Service", "bookinfo", "reviews"),
                    "options.federation.serviceSelector of s does not select it")));
    Explanation e =
        Explanation.of("cluster2", "ServiceEntry", "istio-system", "x", T3, List.of(), this::topic)
            .withWhyMissing(new WhyMissing("5 inputs recorded as of " + T3, List.of("n"), verdict));

    assertThat(ExplainFormat.TABLE.format(e))
        .isEqualTo(
            "cluster cluster2 never had ServiceEntry/istio-system/x published at or before "
                + T3
                + "\nwhy it is not produced, by the translation of 5 inputs recorded as of "
                + T3
                + ":\n  NOT_SELECTED (cluster1/Service/bookinfo/reviews): options.federation"
                + ".serviceSelector of s does not select it\n  note: n\n");
    assertThat(ExplainFormat.JSON.format(e))
        .contains("\"rule\" : \"NOT_SELECTED\"")
        .contains("\"implied\" : false");
  }
}
