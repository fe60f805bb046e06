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

    assertThat(plan).extracting(BenchChange::kind).contains(Kind.values());
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
  void theHostIsTheServicesGlobalName() {
    assertThat(new BenchChange(Kind.CREATE, "cluster-02", 5, 8080).host(size))
        .isEqualTo("svc-5.bench-1.svc.cluster-02.global");
  }
}
