package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meshfed.testbed.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning against a broker that enforces ACLs, as a secured production Kafka does. */
class TopicProvisioningIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  @TempDir static Path logDir;
  private static KafkaBroker broker;
  private static Admin superUser;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.startWithSasl(logDir);
    superUser = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() {
    superUser.close();
    broker.close();
  }

  @Test
  void aTopicWithOtherPartitionsThanConfiguredIsRefusedByName() {
    String app = "app-" + newCluster();
    TopicSpec<?, ?> four = withPartitions(Topics.events(), app + "-routed-inputs", 4);
    TopicProvisioning.ensure(superUser, List.of(four), TopicSettings.BROKER_DEFAULTS, TIMEOUT);

    TopicProvisioning.requirePartitions(superUser, four, TIMEOUT);
    assertThatThrownBy(
            () ->
                TopicProvisioning.requirePartitions(
                    superUser, withPartitions(four, four.name(), 2), TIMEOUT))
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("Topic " + app + "-routed-inputs has 4 partitions, and 2 are");
  }

  @Test
  void aTopicCreatedWhileItsPartitionsAreCheckedIsWaitedFor() throws Exception {
    TopicSpec<?, ?> three =
        withPartitions(Topics.events(), "app-" + newCluster() + "-routed-inputs", 3);
    CompletableFuture<Void> check =
        CompletableFuture.runAsync(
            () -> TopicProvisioning.requirePartitions(superUser, three, TIMEOUT));
    await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> !check.isDone());

    TopicProvisioning.ensure(superUser, List.of(three), TopicSettings.BROKER_DEFAULTS, TIMEOUT);

    assertThat(check).succeedsWithin(TIMEOUT);
  }

  @Test
  void aTopicThatNeverAppearsIsNamedAfterTheTimeout() {
    String topic = "app-" + newCluster() + "-routed-inputs";
    assertThatThrownBy(
            () ->
                TopicProvisioning.requirePartitions(
                    superUser, withPartitions(Topics.events(), topic, 2), Duration.ofMillis(500)))
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("Cannot describe topic " + topic)
        .hasRootCauseInstanceOf(UnknownTopicOrPartitionException.class);
  }

  private static <K, V> TopicSpec<K, V> withPartitions(
      TopicSpec<K, V> spec, String name, int partitions) {
    return new TopicSpec<>(
        name, spec.keySerde(), spec.valueSerde(), partitions, spec.configs(), spec.writer());
  }

  @Test
  void withoutCreatePermissionTopicsCreatedBeforehandAreAccepted() throws Exception {
    String cluster = newCluster();
    List<TopicSpec<?, ?>> topics = Topics.clusterTopics(cluster);
    TopicProvisioning.ensure(superUser, topics, TopicSettings.BROKER_DEFAULTS, TIMEOUT);
    String user =
        principal(
            "discovery-" + cluster,
            KafkaAccess.discoveryRuntime("User:discovery-" + cluster, cluster));

    try (Admin admin = admin(user)) {
      assertThat(TopicProvisioning.ensure(admin, topics, TopicSettings.BROKER_DEFAULTS, TIMEOUT))
          .isEmpty();
    }
  }

  @Test
  void aMissingTopicWithoutCreatePermissionNamesWhatToDo() throws Exception {
    String cluster = newCluster();
    String user =
        principal(
            "discovery-" + cluster,
            KafkaAccess.discoveryRuntime("User:discovery-" + cluster, cluster));

    try (Admin admin = admin(user)) {
      assertThatThrownBy(
              () ->
                  TopicProvisioning.ensure(
                      admin, Topics.clusterTopics(cluster), TopicSettings.BROKER_DEFAULTS, TIMEOUT))
          .isInstanceOf(KafkaException.class)
          .hasMessageContaining("does not exist and this principal may not create it")
          .hasMessageContaining("docs/security.md");
    }
  }

  @Test
  void withoutDescribePermissionTheErrorSaysSo() throws Exception {
    String cluster = newCluster();
    String user = principal("nobody-" + cluster, List.of());

    try (Admin admin = admin(user)) {
      assertThatThrownBy(
              () ->
                  TopicProvisioning.ensure(
                      admin, Topics.clusterTopics(cluster), TopicSettings.BROKER_DEFAULTS, TIMEOUT))
          .isInstanceOf(KafkaException.class)
          .hasMessageContaining("Not allowed to describe topic meshfed.discovered." + cluster);
    }
  }

  @Test
  void withCreatePermissionOnlyTheMissingTopicsAreCreatedWithTheGivenSettings() throws Exception {
    String cluster = newCluster();
    TopicProvisioning.ensure(
        superUser, List.of(Topics.discovered(cluster)), TopicSettings.BROKER_DEFAULTS, TIMEOUT);
    String principal = "User:discovery-" + cluster;
    List<AclBinding> acls = new ArrayList<>(KafkaAccess.discoveryRuntime(principal, cluster));
    acls.addAll(KafkaAccess.discoveryTopicCreation(principal, cluster));
    String user = principal("discovery-" + cluster, acls);
    TopicSettings settings = new TopicSettings(Optional.of((short) 1), Optional.of(2));

    try (Admin admin = admin(user)) {
      assertThat(TopicProvisioning.ensure(admin, Topics.clusterTopics(cluster), settings, TIMEOUT))
          .containsExactlyInAnyOrder(
              Topics.desiredName(cluster),
              Topics.applied(cluster).name(),
              Topics.applyFailures(cluster).name(),
              Topics.statusName(cluster));
    }
    TopicDescription desired =
        superUser
            .describeTopics(List.of(Topics.desiredName(cluster)))
            .allTopicNames()
            .get()
            .get(Topics.desiredName(cluster));
    assertThat(desired.partitions().get(0).replicas()).hasSize(1);
    ConfigResource resource =
        new ConfigResource(ConfigResource.Type.TOPIC, Topics.desiredName(cluster));
    Config config = superUser.describeConfigs(List.of(resource)).all().get().get(resource);
    assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    ConfigResource existing =
        new ConfigResource(ConfigResource.Type.TOPIC, Topics.discovered(cluster).name());
    assertThat(
            superUser
                .describeConfigs(List.of(existing))
                .all()
                .get()
                .get(existing)
                .get("min.insync.replicas")
                .source())
        .as("created with the broker's defaults: no setting of its own")
        .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
  }

  private static String newCluster() {
    return "prov" + CLUSTERS.incrementAndGet();
  }

  /** A SCRAM user granted exactly {@code acls}; returns its name. */
  private static String principal(String user, List<AclBinding> acls) throws Exception {
    broker.addScramUser(user, user + "-secret");
    if (!acls.isEmpty()) {
      superUser.createAcls(acls).all().get();
    }
    return user;
  }

  private static Admin admin(String user) {
    Map<String, Object> config =
        new HashMap<>(broker.scramClientProperties(user, user + "-secret"));
    return Admin.create(config);
  }
}
