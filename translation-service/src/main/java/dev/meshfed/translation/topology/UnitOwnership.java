package dev.meshfed.translation.topology;

import dev.meshfed.translation.translate.UnitId;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which units a translation task computes: with the inputs partitioned {@code partitions} ways, the
 * task of partition {@code partition} owns the units whose key hashes to it, so that each unit, and
 * so each output record, has one writer. Every task holds every input (the routing stage sends each
 * to all partitions): a unit reads inputs of any cluster and workspace.
 */
record UnitOwnership(int partition, int partitions) {

  static final UnitOwnership ALL = new UnitOwnership(0, 1);

  UnitOwnership {
    if (partitions < 1 || partition < 0 || partition >= partitions) {
      throw new IllegalArgumentException(
          "No partition " + partition + " of " + partitions + " partitions");
    }
  }

  boolean owns(UnitId unit) {
    return partitions == 1 || partitionOf(unit, partitions) == partition;
  }

  /**
   * Kafka's own key hash (murmur2), the same in every JVM and version. A VirtualDestination's
   * WorkloadEntries go with its entries' unit: they were that unit's once, and a unit hands objects
   * over only to one whose stored result its task holds ({@code UnitWriter}).
   */
  static int partitionOf(UnitId unit, int partitions) {
    UnitId owner =
        unit instanceof UnitId.VirtualDestinationUnit vd
            ? UnitId.virtualDestination(vd.virtualDestination())
            : unit;
    return Utils.toPositive(Utils.murmur2(owner.key().getBytes(StandardCharsets.UTF_8)))
        % partitions;
  }
}
