package dev.meshfed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.cli.events.EventFormat;
import dev.meshfed.cli.events.Events;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.HostFederated;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `meshfed events` against a real broker: history, filters, --since, -o json, --follow. */
class EventsCommandIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  private static KafkaBroker broker;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start(dir.resolve("kafka"));
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      TopicProvisioning.ensure(
          admin,
          List.of(Topics.events(), Topics.applied("cluster6")),
          TopicSettings.BROKER_DEFAULTS,
          TIMEOUT);
    }
    Instant now = Instant.now();
    publish(
        now.minus(Duration.ofHours(2)),
        event("old.bookinfo.svc.cluster1.global", "cluster1", "cluster2"));
    publish(
        now.minus(Duration.ofMinutes(5)),
        event("reviews.bookinfo.svc.cluster1.global", "cluster1", "cluster2"));
    publish(
        now.minus(Duration.ofMinutes(1)),
        event("ratings.bookinfo.svc.cluster2.global", "cluster2", "cluster1"));
  }

  @Test
  void interleavesTheAppliedTopicsByTime() {
    Instant now = Instant.now();
    publishApplied(now.minus(Duration.ofMinutes(3)), Events.applyFailed("x", "forbidden"));

    Run run = run("--since", "30m", "--type", "HostFederated,ApplyFailed");

    assertThat(run.lines())
        .filteredOn(line -> !line.contains("cluster3"))
        .extracting(line -> line.substring(25, 41).strip())
        .containsExactly("TYPE", "HostFederated", "ApplyFailed", "HostFederated");
    assertThat(run.output).contains("cluster6/ServiceEntry/istio-system/x", "- -> cluster6");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void printsHistoryAndExitsAtItsEnd() {
    Run run = run();

    assertThat(run.exitCode).isZero();
    assertThat(run.lines()).first().isEqualTo(EventFormat.TABLE_HEADER);
    assertThat(run.output).contains("old.bookinfo", "reviews.bookinfo", "ratings.bookinfo");
  }

  @Test
  void filtersByClusterAndTime() {
    Run run = run("--since", "30m", "--host", "reviews.bookinfo.svc.cluster1.global");

    assertThat(run.lines()).hasSize(2);
    assertThat(run.lines().get(1))
        .contains("reviews.bookinfo.svc.cluster1.global", "cluster1 -> cluster2");
  }

  @Test
  void writesJsonLines() {
    Run run = run("-o", "json", "--cluster", "cluster2", "--since", "3h");

    assertThat(run.lines())
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).startsWith("{\"time\":"));
  }

  @Test
  void followsNewEventsUntilStopped() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EventsCommand command = new EventsCommand();
    command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () ->
                new CommandLine(command)
                    .execute(
                        "--follow",
                        "--since",
                        "10s",
                        "--bootstrap-server",
                        broker.bootstrapServers()));

    // clusters of its own, so the other tests' filters never see it
    publish(Instant.now(), event("details.bookinfo.svc.cluster3.global", "cluster3", "cluster4"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> bytes.toString(StandardCharsets.UTF_8).contains("details.bookinfo.svc.cluster3"));
    assertThat(running).isNotDone();
    command.stopFollowing();
    assertThat(running.get()).isZero();
  }

  private record Run(int exitCode, String output) {
    List<String> lines() {
      return output.lines().toList();
    }
  }

  private static Run run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EventsCommand command = new EventsCommand();
    command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<String> withBroker = new ArrayList<>(List.of(args));
    withBroker.addAll(List.of("--bootstrap-server", broker.bootstrapServers()));
    int exit = new CommandLine(command).execute(withBroker.toArray(String[]::new));
    return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
  }

  private static FederationEvent event(String host, String from, String into) {
    return Events.federated(host, "bookinfo", from, into);
  }

  private static void publishApplied(Instant at, FederationEvent event) {
    publish(Topics.applied("cluster6"), at, "x", event);
  }

  private static void publish(Instant at, FederationEvent event) {
    publish(Topics.events(), at, ((HostFederated) event.getEvent()).getHost(), event);
  }

  private static void publish(
      TopicSpec<EventKey, FederationEvent> topic,
      Instant at,
      String subject,
      FederationEvent event) {
    try (KafkaProducer<EventKey, FederationEvent> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.send(
          new ProducerRecord<>(
              topic.name(), null, at.toEpochMilli(), new EventKey(subject), event));
    }
  }
}
