package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.translate.UnitId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.junit.jupiter.api.Test;

class RoutedInputsTest {

  private final StreamPartitioner<byte[], byte[]> partitioner = RoutedInputs.partitioner("mgmt");

  @Test
  void aRoutedKeyGivesBackItsTopicAndKey() {
    byte[] key = {1, 2, 3};

    Optional<RoutedInputs.Source> source =
        RoutedInputs.source(RoutedInputs.key("meshfed.discovered.cluster1", key));

    assertThat(source).isPresent();
    assertThat(source.get().topic()).isEqualTo("meshfed.discovered.cluster1");
    assertThat(source.get().key()).containsExactly(1, 2, 3);
  }

  @Test
  void bytesThatAreNoRoutedKeyGiveNothing() {
    assertThat(RoutedInputs.source(null)).isEmpty();
    assertThat(RoutedInputs.source(new byte[] {0, 0})).isEmpty();
    assertThat(RoutedInputs.source(new byte[] {0, 0, 0, 9, 1})).isEmpty();
    assertThat(RoutedInputs.source(new byte[] {-1, 0, 0, 0, 1})).isEmpty();
  }

  @Test
  void aDiscoveredRecordGoesToEveryPartition() {
    byte[] key = RoutedInputs.key(Topics.discovered("cluster1").name(), new byte[] {1});

    assertThat(partitioner.partitions("routed", key, new byte[0], 3)).contains(Set.of(0, 1, 2));
  }

  @Test
  void anApplyReportGoesOnlyToThePartitionOwningTheManagementClustersStatus() {
    byte[] key = RoutedInputs.key(Topics.applyFailures("cluster1").name(), new byte[] {1});
    int owner = UnitOwnership.partitionOf(UnitId.status("mgmt"), 3);

    assertThat(partitioner.partitions("routed", key, new byte[0], 3)).contains(Set.of(owner));
  }

  @Test
  void aHeaderOnARecordOfADiscoveredTopicCannotSpeakForAnotherCluster() {
    RecordHeaders forged = new RecordHeaders();
    forged.add(
        RoutedInputs.SOURCE_TOPIC_HEADER,
        "meshfed.discovered.other".getBytes(StandardCharsets.UTF_8));

    assertThat(RoutedInputs.topicOf(forged, Optional.of("meshfed.discovered.cluster1")))
        .contains("meshfed.discovered.cluster1");
    assertThat(RoutedInputs.topicOf(forged, Optional.of("meshfed.apply-failures.cluster1")))
        .contains("meshfed.apply-failures.cluster1");
  }

  @Test
  void theSourceTopicIsTheHeadersWhenThereIsOne() {
    RecordHeaders headers = new RecordHeaders();
    assertThat(RoutedInputs.topicOf(headers, Optional.of("routed"))).contains("routed");

    headers.add(
        RoutedInputs.SOURCE_TOPIC_HEADER,
        "meshfed.apply-failures.c1".getBytes(StandardCharsets.UTF_8));

    assertThat(RoutedInputs.topicOf(headers, Optional.of("routed")))
        .contains("meshfed.apply-failures.c1");
  }
}
