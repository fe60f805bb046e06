package dev.meshfed.cli.audit;

import static dev.meshfed.cli.audit.AuditFixtures.SERVICE;
import static dev.meshfed.cli.audit.AuditFixtures.T1;
import static dev.meshfed.cli.audit.AuditFixtures.T2;
import static dev.meshfed.cli.audit.AuditFixtures.T3;
import static dev.meshfed.cli.audit.AuditFixtures.deleted;
import static dev.meshfed.cli.audit.AuditFixtures.desired;
import static dev.meshfed.cli.audit.AuditFixtures.discovered;
import static dev.meshfed.cli.audit.AuditFixtures.serviceEntry;
import static dev.meshfed.cli.audit.AuditFixtures.tombstone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.audit.Lookup.Deleted;
import dev.meshfed.cli.audit.Lookup.Exists;
import dev.meshfed.cli.audit.Lookup.Never;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupTest {

  private static final GenericKubernetesResource B1 = serviceEntry("b", 9080);
  private static final GenericKubernetesResource B2 = serviceEntry("b", 9443);
  private static final GenericKubernetesResource B_BETA =
      serviceEntry("networking.istio.io/v1beta1", "b", 9080);
  private static final GenericKubernetesResource OTHER = serviceEntry("c", 9080);

  @Test
  void theLatestRecordAtOrBeforeTheInstantExplainsTheObject() {
    DesiredEntry first = desired(B1, T1, 0, List.of(SERVICE));
    DesiredEntry second = desired(B2, T2, 2, List.of(SERVICE));
    List<DesiredEntry> records = List.of(first, desired(OTHER, T1, 1, List.of()), second);

    assertThat(Lookup.desiredAt(records, "ServiceEntry", "istio-system", "b", T1))
        .isEqualTo(new Exists(first));
    assertThat(Lookup.desiredAt(records, "ServiceEntry", "istio-system", "b", T2))
        .isEqualTo(new Exists(second));
  }

  @Test
  void aTombstoneOfAnOldApiVersionDoesNotDeleteTheNewOne() {
    DesiredEntry v1 = desired(B1, T2, 1, List.of(SERVICE));
    List<DesiredEntry> records =
        List.of(desired(B_BETA, T1, 0, List.of(SERVICE)), v1, tombstone(B_BETA, T2, 2));

    assertThat(Lookup.desiredAt(records, "ServiceEntry", "istio-system", "b", T3))
        .isEqualTo(new Exists(v1));
  }

  @Test
  void aDeletedObjectNamesItsTombstoneAndLastVersion() {
    DesiredEntry last = desired(B2, T2, 1, List.of(SERVICE));
    DesiredEntry gone = tombstone(B2, T3, 2);
    List<DesiredEntry> records = List.of(desired(B1, T1, 0, List.of(SERVICE)), last, gone);

    assertThat(Lookup.desiredAt(records, "ServiceEntry", "istio-system", "b", T3))
        .isEqualTo(new Deleted(gone, last));
    assertThat(Lookup.desiredAt(List.of(gone), "ServiceEntry", "istio-system", "b", T3))
        .isEqualTo(new Deleted(gone, null));
  }

  @Test
  void neverPublishedSaysWhenItFirstWasIfLater() {
    DesiredEntry later = desired(B1, T3, 0, List.of());

    assertThat(Lookup.desiredAt(List.of(later), "ServiceEntry", "istio-system", "b", T2))
        .isEqualTo(new Never(later));
    assertThat(Lookup.desiredAt(List.of(later), "ServiceEntry", "istio-system", "x", T3))
        .isEqualTo(new Never(null));
  }

  @Test
  void discoveredLookupsFilterByKeyAndTime() {
    DiscoveredEntry g1 = discovered(SERVICE, 1, T1, 0);
    DiscoveredEntry g2 = discovered(SERVICE, 2, T2, 3);
    DiscoveredEntry gone = deleted(SERVICE, T3, 5);
    DiscoveredEntry other =
        discovered(new Ref("cluster1", "Service", "bookinfo", "ratings"), 1, T2, 4);
    List<DiscoveredEntry> records = List.of(g1, g2, other, gone);

    assertThat(Lookup.discoveredAt(records, SERVICE, T1.minusSeconds(1))).isEmpty();
    assertThat(Lookup.discoveredAt(records, SERVICE, T2.plusSeconds(1))).contains(g2);
    assertThat(Lookup.discoveredAt(records, SERVICE, T3)).contains(gone);
    assertThat(Lookup.changesIn(records, SERVICE, T1, T3)).containsExactly(g2, gone);
    assertThat(Lookup.changesIn(records, SERVICE, T2, T2.plusSeconds(1))).isEmpty();
  }
}
