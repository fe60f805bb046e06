package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1;
import static dev.meshfed.distribution.io.IstioObjects.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.PruneWithheld;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.SimulatedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desired topic deleted and re-created with only part of the state (as an operator's mistake or a
 * retention setting would leave it): the restarted distribution-service applies what is there and
 * prunes none of the live config the topic no longer names, and says so.
 */
class TruncatedTopicIT {

  private static final RetrySettings FAST_RETRY =
      new RetrySettings(Duration.ofMillis(50), Duration.ofMillis(500));

  @TempDir static Path kafkaLogs;
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start(kafkaLogs);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aRecreatedTopicWithPartOfTheStatePrunesNoLiveConfig() throws Exception {
    String name = "truncated";
    try (SimulatedCluster cluster = SimulatedCluster.start(name)) {
      DesiredTopicWriter.createTopic(broker.bootstrapServers(), name);
      try (DesiredTopicWriter translation =
          new DesiredTopicWriter(broker.bootstrapServers(), name)) {
        for (String host : List.of("a", "b", "c")) {
          translation.write(
              translation.object(
                  NETWORKING_V1,
                  "ServiceEntry",
                  host,
                  serviceEntry(NETWORKING_V1, host, host + ".global")));
        }
      }
      try (DistributionLoop first = start(name, cluster)) {
        await().until(() -> first.status().caughtUp() && first.status().applied() == 3);
      }

      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.deleteTopics(List.of(Topics.desired(name).name())).all().get();
        await()
            .until(() -> !admin.listTopics().names().get().contains(Topics.desired(name).name()));
      }
      await()
          .ignoreExceptions()
          .until(
              () -> {
                DesiredTopicWriter.createTopic(broker.bootstrapServers(), name);
                return true;
              });
      try (DesiredTopicWriter translation =
          new DesiredTopicWriter(broker.bootstrapServers(), name)) {
        translation.write(
            translation.object(
                NETWORKING_V1, "ServiceEntry", "a", serviceEntry(NETWORKING_V1, "a", "a.global")));
      }

      try (DistributionLoop second = start(name, cluster);
          AppliedTopicReader applied = new AppliedTopicReader(broker.bootstrapServers(), name)) {
        await().until(() -> second.status().caughtUp());
        for (String host : List.of("a", "b", "c")) {
          assertThat(IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", host))
              .as(host)
              .isPresent();
        }
        assertThat(second.status().pruned()).isZero();
        assertThat(second.status().pruneWithheld()).isEqualTo(2);
        await()
            .pollInSameThread()
            .until(
                applied::events,
                events ->
                    events.stream().anyMatch(PruneWithheld.class::isInstance)
                        && events.stream()
                            .anyMatch(
                                e -> e instanceof ClusterConverged c && c.getPruneWithheld() == 2));
      }
    }
  }

  private DistributionLoop start(String name, SimulatedCluster cluster) {
    DistributionLoop loop =
        DistributionFactory.create(
            name,
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            TopicSettings.BROKER_DEFAULTS,
            cluster.client(),
            FAST_RETRY,
            PruneGuard.DEFAULT);
    loop.start();
    return loop;
  }
}
