package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.lab.bench.BenchChange.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchChangeTest {

  private final BenchSize size = new BenchSize(3, 4, 2);

  @Test
  void everyChangeIsValidAfterTheOnesBeforeIt() {
    Map<String, Set<Integer>> existing = new HashMap<>();
    size.workloadClusters().forEach(c -> existing.put(c, new HashSet<>(Set.of(0, 1, 2, 3))));

    for (BenchChange change : BenchChange.plan(size, 500, 7)) {
      Set<Integer> services = existing.get(change.cluster());
      if (change.kind() == Kind.CREATE) {
        assertThat(services.add(change.service())).as("new: " + change).isTrue();
      } else if (change.kind() == Kind.DELETE) {
        assertThat(services.remove(change.service())).as("exists: " + change).isTrue();
      } else {
        assertThat(services).as("exists: " + change).contains(change.service());
      }
    }
  }

  @Test
  void thePlanMixesEveryKindAndRepeatsForTheSameSeed() {
    List<BenchChange> plan = BenchChange.plan(size, 60, 42);

    assertThat(plan)
        .extracting(BenchChange::kind)
        .contains(Kind.CREATE, Kind.PORT_CHANGE, Kind.DELETE);
    assertThat(plan).isEqualTo(BenchChange.plan(size, 60, 42));
  }

  @Test
  void aPortChangeTogglesBetweenTwoPorts() {
    assertThat(BenchChange.plan(size, 200, 3))
        .filteredOn(c -> c.kind() == Kind.PORT_CHANGE)
        .extracting(BenchChange::port)
        .containsOnly(BenchMesh.SERVICE_PORT, BenchMesh.SERVICE_PORT + 1);
  }

  @Test
  void groupedHalfTheChangesChangeAVirtualDestinationsPortInTheClusterItLivesIn() {
    BenchSize grouped = new BenchSize(3, 20, 2, 2); // VirtualDestinations for svc-0, svc-2, …
    List<BenchChange> plan = BenchChange.plan(grouped, 100, 5);

    List<BenchChange> destinations =
        plan.stream().filter(c -> c.kind() == Kind.DESTINATION_PORT_CHANGE).toList();
    assertThat(destinations).hasSizeBetween(30, 70);
    assertThat(destinations)
        .allSatisfy(
            c ->
                assertThat(c.cluster())
                    .isEqualTo(
                        grouped.workloadClusters().get(GroupedMesh.owner(grouped, c.service()))))
        .extracting(BenchChange::service)
        .allMatch(n -> n % 2 == 0 && n < 20);
    Map<Integer, Integer> ports = new HashMap<>();
    for (BenchChange change : destinations) {
      assertThat(change.port())
          .as("toggled: " + change)
          .isNotEqualTo(ports.getOrDefault(change.service(), BenchMesh.SERVICE_PORT));
      ports.put(change.service(), change.port());
    }
  }

  @Test
  void withoutGroupingNoVirtualDestinationIsChanged() {
    assertThat(BenchChange.plan(size, 500, 9))
        .extracting(BenchChange::kind)
        .doesNotContain(Kind.DESTINATION_PORT_CHANGE);
  }

  @Test
  void aVirtualDestinationsChangeShowsInItsEntryUnderItsHost() {
    BenchChange change = new BenchChange(Kind.DESTINATION_PORT_CHANGE, "cluster-01", 3, 8081);

    assertThat(change.host(size)).isEqualTo("svc-3.global");
    assertThat(change.entryName(size)).isEqualTo("vd-svc-3-bench-1");
    assertThat(change.discoveredKind()).isEqualTo("VirtualDestination");
    assertThat(new BenchChange(Kind.DELETE, "cluster-01", 3, 8080).entryName(size))
        .isEqualTo("svc-3-bench-1-svc-cluster-01-global");
  }

  @Test
  void theHostIsTheServicesGlobalName() {
    assertThat(new BenchChange(Kind.CREATE, "cluster-02", 5, 8080).host(size))
        .isEqualTo("svc-5.bench-1.svc.cluster-02.global");
  }
}
