package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.lab.demo.ServiceProcess;
import dev.meshfed.schema.kafka.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a Kafka that authenticates every service with SASL/SCRAM and enforces ACLs: each
 * service logs in as its own user with exactly the ACLs of docs/security.md (KafkaAccess), and
 * bookinfo federates. A cluster's principals cannot reach another cluster's topics. Once the broker
 * restarts (same ports, data, users and ACLs), every service logs in again and a port change
 * federates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaAclIT {

  private static final String[] BOOKINFO = {"cluster1/bookinfo", "cluster2/bookinfo"};
  private static final String PRODUCTPAGE = "cluster1/bookinfo/productpage";
  private static final String RATINGS = "cluster2/bookinfo/ratings";

  @RegisterExtension static final ScenarioRun run = ScenarioRun.secured("bookinfo-lifecycle");

  @Test
  @Order(1)
  void eachServiceWithOnlyItsOwnAclsFederatesBookinfo() throws Exception {
    run.runAndCompare("01-create");

    traffic().check();
  }

  @Test
  @Order(2)
  void aClustersPrincipalsCannotTouchAnotherClustersTopics() throws Exception {
    List<GenericKubernetesResource> cluster1Before = run.managed("cluster1");
    Map<TopicPartition, Long> endsBefore = cluster1EndOffsets();

    try (KafkaProducer<byte[], byte[]> producer = producer("meshfed-discovery-cluster2")) {
      ProducerRecord<byte[], byte[]> forged =
          new ProducerRecord<>(Topics.discovered("cluster1").name(), new byte[1], new byte[1]);
      assertThatThrownBy(() -> producer.send(forged).get())
          .as("cluster2's discovery writing cluster1's discovered topic")
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
    try (KafkaConsumer<byte[], byte[]> consumer = consumer("meshfed-distribution-cluster2")) {
      assertThat(consumer.partitionsFor(Topics.desiredName("cluster2")))
          .as("the same principal reads its own cluster's desired topic")
          .hasSize(1);
      consumer.assign(List.of(new TopicPartition(Topics.desiredName("cluster1"), 0)));
      consumer.seekToBeginning(consumer.assignment());
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
          .as("cluster2's distribution reading cluster1's desired topic")
          .isInstanceOf(TopicAuthorizationException.class);
    }

    run.pipeline().awaitConvergence(ScenarioRun.STEP_TIMEOUT, pending -> {});
    assertThat(cluster1EndOffsets()).isEqualTo(endsBefore);
    assertThat(run.managed("cluster1")).isEqualTo(cluster1Before);
    traffic().check();
  }

  @Test
  @Order(3)
  void theCommandReportsWithItsReadOnlyPrincipal(@TempDir Path dir) throws Exception {
    Properties cli = new Properties();
    cli.putAll(run.pipeline().kafkaClientProperties("meshfed-cli"));
    Path config = dir.resolve("cli.properties");
    try (Writer out = Files.newBufferedWriter(config)) {
      cli.store(out, null);
    }
    assertThat(StatusOutput.of("--kafka-config", config.toString()))
        .contains("cluster1", "cluster2", "converged");
  }

  @Test
  @Order(4)
  void everyServiceIsReadyAndLiveAndCountsWhatItDid() throws Exception {
    for (ServiceProcess process : run.pipeline().processes().values()) {
      assertThat(Endpoints.get(process, "/q/health/ready"))
          .as(process.name() + " ready")
          .contains("\"status\": \"UP\"");
      assertThat(Endpoints.get(process, "/q/health/live"))
          .as(process.name() + " live")
          .contains("\"status\": \"UP\"");
    }
    String discovery =
        Endpoints.get(run.pipeline().process("discovery-service", "cluster1"), "/q/metrics");
    assertThat(Endpoints.metric(discovery, "meshfed_discovery_published_total", "cluster1"))
        .isPositive();
    assertThat(Endpoints.metric(discovery, "meshfed_discovery_synced", "cluster1")).isEqualTo(1);
    assertThat(Endpoints.metric(discovery, "meshfed_discovery_publish_failures_total", "cluster1"))
        .isZero();

    String translation =
        Endpoints.get(run.pipeline().process("translation-service", null), "/q/metrics");
    assertThat(Endpoints.metric(translation, "meshfed_translation_inputs_changed_total", ""))
        .isPositive();
    assertThat(Endpoints.metric(translation, "meshfed_translation_units_recomputed_total", ""))
        .isPositive();

    String distribution =
        Endpoints.get(run.pipeline().process("distribution-service", "cluster2"), "/q/metrics");
    double desired = Endpoints.metric(distribution, "meshfed_distribution_desired", "cluster2");
    assertThat(desired).isPositive();
    assertThat(Endpoints.metric(distribution, "meshfed_distribution_applied_total", "cluster2"))
        .isGreaterThanOrEqualTo(desired);
    assertThat(Endpoints.metric(distribution, "meshfed_distribution_caught_up", "cluster2"))
        .isEqualTo(1);
    assertThat(
            Endpoints.metric(distribution, "meshfed_distribution_apply_failures_total", "cluster2"))
        .isZero();
    assertThat(
            Endpoints.metric(
                distribution,
                "kafka_consumer_fetch_manager_records_lag_max",
                "meshfed-distribution-meshfed.desired.cluster2"))
        .as("caught up: no lag")
        .isZero();
    assertThat(
            Endpoints.metric(
                distribution, "meshfed_distribution_apply_latency_seconds_count", "cluster2"))
        .as("the objects applied as their records came")
        .isPositive();

    String exposed = discovery + translation + distribution;
    Matcher used =
        Pattern.compile("meshfed_[a-z_]+")
            .matcher(Files.readString(Path.of("../k8s/grafana/meshfed-dashboard.json")));
    while (used.find()) {
      assertThat(exposed)
          .as("the Grafana dashboard's " + used.group() + " is a metric the services expose")
          .containsPattern("(?m)^" + used.group() + "[{ ]");
    }
  }

  private static Traffic traffic() {
    return Traffic.of(run)
        .federated("productpage.bookinfo.svc.cluster1.global", 9080, PRODUCTPAGE, BOOKINFO)
        .federated("ratings.bookinfo.svc.cluster2.global", 9080, RATINGS, BOOKINFO);
  }

  private static Map<TopicPartition, Long> cluster1EndOffsets() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (String topic :
        List.of(Topics.discovered("cluster1").name(), Topics.desiredName("cluster1"))) {
      latest.put(new TopicPartition(topic, 0), OffsetSpec.latest());
    }
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", run.pipeline().bootstrapServers()))) {
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String user) {
    Map<String, Object> config = new HashMap<>(run.pipeline().kafkaClientProperties(user));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String user) {
    Map<String, Object> config = new HashMap<>(run.pipeline().kafkaClientProperties(user));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Test
  @Order(5)
  void afterTheSecuredBrokerRestartsEveryServiceLogsInAgainAndFederates() throws Exception {
    run.pipeline().restartBroker();

    run.runAndCompare("02-port-change");

    Traffic.of(run)
        .federated(
            "reviews.bookinfo.svc.cluster1.global", 9090, "cluster1/bookinfo/reviews", BOOKINFO)
        .nowhere("reviews.bookinfo.svc.cluster1.global", 9080)
        .check();
  }
}
