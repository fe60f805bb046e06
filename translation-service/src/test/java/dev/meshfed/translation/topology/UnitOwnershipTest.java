package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.UnitId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnitOwnershipTest {

  private static final List<UnitId> UNITS = units();

  @Test
  void everyUnitHasExactlyOneOwningPartition() {
    for (int partitions = 1; partitions <= 5; partitions++) {
      int n = partitions;
      for (UnitId unit : UNITS) {
        assertThat(IntStream.range(0, n).filter(p -> new UnitOwnership(p, n).owns(unit)).count())
            .as("partitions of %s among %d", unit.key(), n)
            .isEqualTo(1);
      }
    }
  }

  @Test
  void theUnitsSpreadOverThePartitions() {
    long owned = UNITS.stream().filter(new UnitOwnership(0, 2)::owns).count();

    assertThat(owned).isBetween(UNITS.size() * 4L / 10, UNITS.size() * 6L / 10);
  }

  @Test
  void aVirtualDestinationsWorkloadEntriesGoWithItsEntries() {
    for (int v = 0; v < 50; v++) {
      ObjectId vd = new ObjectId("cluster-1", "VirtualDestination", "ns", "vd-" + v);
      for (int partitions = 2; partitions <= 5; partitions++) {
        assertThat(UnitOwnership.partitionOf(UnitId.virtualDestinationEndpoints(vd), partitions))
            .as("%s among %d", vd.ref(), partitions)
            .isEqualTo(UnitOwnership.partitionOf(UnitId.virtualDestination(vd), partitions));
      }
    }
  }

  @Test
  void aPartitionOutsideTheRangeIsRefused() {
    assertThatThrownBy(() -> new UnitOwnership(2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No partition 2 of 2");
  }

  private static List<UnitId> units() {
    List<UnitId> units = new ArrayList<>(List.of(UnitId.MEMBERSHIP));
    for (int c = 0; c < 20; c++) {
      String cluster = "cluster-" + c;
      units.add(UnitId.gateway(cluster));
      units.add(UnitId.status(cluster));
      for (int s = 0; s < 50; s++) {
        units.add(UnitId.service(new ObjectId(cluster, "Service", "ns", "svc-" + s)));
      }
    }
    return units;
  }
}
