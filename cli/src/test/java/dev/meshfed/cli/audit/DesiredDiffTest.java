package dev.meshfed.cli.audit;

import static dev.meshfed.cli.audit.AuditFixtures.SERVICE;
import static dev.meshfed.cli.audit.AuditFixtures.SETTINGS;
import static dev.meshfed.cli.audit.AuditFixtures.T1;
import static dev.meshfed.cli.audit.AuditFixtures.T2;
import static dev.meshfed.cli.audit.AuditFixtures.T3;
import static dev.meshfed.cli.audit.AuditFixtures.deleted;
import static dev.meshfed.cli.audit.AuditFixtures.desired;
import static dev.meshfed.cli.audit.AuditFixtures.discovered;
import static dev.meshfed.cli.audit.AuditFixtures.serviceEntry;
import static dev.meshfed.cli.audit.AuditFixtures.tombstone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.audit.DesiredDiff.Change;
import dev.meshfed.cli.audit.DesiredDiff.Type;
import dev.meshfed.oracle.mesh.ManagedObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredDiffTest {

  private static final GenericKubernetesResource A = serviceEntry("a", 9080);
  private static final GenericKubernetesResource B1 = serviceEntry("b", 9080);
  private static final GenericKubernetesResource B2 = serviceEntry("b", 9443);
  private static final GenericKubernetesResource C = serviceEntry("c", 9080);
  private static final GenericKubernetesResource D = serviceEntry("d", 9080);

  private static final List<DesiredEntry> RECORDS =
      List.of(
          desired(A, T1, 0, List.of(SERVICE)),
          desired(B1, T1, 1, List.of(SERVICE, SETTINGS)),
          desired(D, T1, 2, List.of()),
          desired(B2, T2, 3, List.of(SERVICE, SETTINGS)),
          tombstone(A, T2, 4),
          desired(C, T3, 5, List.of(SERVICE)),
          // republished unchanged: not a change
          desired(D, T3, 6, List.of()));

  @Test
  void addedRemovedAndChangedInNameOrder() {
    List<Change> changes = DesiredDiff.between("cluster1", RECORDS, T1, T3);

    assertThat(changes)
        .extracting(c -> c.type().sign + c.object().name())
        .containsExactly("-a", "~b", "+c");
    Change changed = changes.get(1);
    assertThat(changed.before().yaml()).isEqualTo(ManagedObjects.toYaml(B1));
    assertThat(changed.after().yaml()).isEqualTo(ManagedObjects.toYaml(B2));
    assertThat(changed.explainedBy().offset()).isEqualTo(3);
    assertThat(changes.get(0).explainedBy().sources()).containsExactly(SERVICE);
  }

  @Test
  void nothingBetweenTwoInstantsOfTheSameStateIsNoChange() {
    assertThat(DesiredDiff.between("cluster1", RECORDS, T1, T1.plusSeconds(60))).isEmpty();
  }

  @Test
  void causeSaysWhetherTheInputChangedInTheInterval() {
    List<DiscoveredEntry> topic =
        List.of(
            discovered(SERVICE, 1, T1, 0), discovered(SERVICE, 2, T2, 1), deleted(SERVICE, T3, 2));

    assertThat(DesiredDiff.cause(SERVICE, topic, T1, T2))
        .isEqualTo(
            "input cluster1 Service bookinfo/reviews: changed at "
                + T2
                + " offset 1 (generation 2)");
    assertThat(DesiredDiff.cause(SERVICE, topic, T2, T3))
        .isEqualTo("input cluster1 Service bookinfo/reviews: deleted at " + T3 + " offset 2");
    assertThat(DesiredDiff.cause(SETTINGS, topic, T1, T3))
        .isEqualTo(
            "allowed by cluster1 WorkspaceSettings bookinfo/bookinfo: unchanged in ("
                + T1
                + ", "
                + T3
                + "]");
  }

  @Test
  void typesHaveTheirSigns() {
    assertThat(List.of(Type.ADDED.sign, Type.REMOVED.sign, Type.CHANGED.sign))
        .containsExactly('+', '-', '~');
  }
}
