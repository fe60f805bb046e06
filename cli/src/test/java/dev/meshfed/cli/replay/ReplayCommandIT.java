package dev.meshfed.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.Meshfed;
import dev.meshfed.cli.ReplayCommand;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `meshfed replay` against a real broker. cluster1's desired topic: A and B at t1; B changed and A
 * tombstoned at t2; C at t3. cluster2: D at t1. cluster3: a topic nothing was published to.
 */
class ReplayCommandIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant T1 = NOW.minus(Duration.ofHours(3));
  private static final Instant T2 = NOW.minus(Duration.ofHours(2));
  private static final Instant T3 = NOW.minus(Duration.ofHours(1));

  private static final GenericKubernetesResource A = serviceEntry("a", 9080);
  private static final GenericKubernetesResource B1 = serviceEntry("b", 9080);
  private static final GenericKubernetesResource B2 = serviceEntry("b", 9443);
  private static final GenericKubernetesResource C = serviceEntry("c", 9080);
  private static final GenericKubernetesResource D = serviceEntry("d", 9080);

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
          List.of(
              Topics.desired("cluster1"), Topics.desired("cluster2"), Topics.desired("cluster3")),
          TopicSettings.BROKER_DEFAULTS,
          Duration.ofSeconds(30));
    }
    // as translation-service writes them: in transactions, new records before tombstones
    publish(
        "cluster1",
        List.of(desired(T1, A), desired(T1, B1)),
        List.of(desired(T2, B2), tombstone(T2, A)),
        List.of(desired(T3, C)));
    publish("cluster2", List.of(desired(T1, D)));
    truncatedTopic();
  }

  /**
   * cluster4's history as a retention-limited topic (compact,delete) keeps it: everything before T2
   * deleted from the head of the log.
   */
  private static void truncatedTopic() {
    TopicSpec<DesiredKey, DesiredObject> spec = Topics.desired("cluster4");
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(spec.name(), 1, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact,delete"))))
          .all()
          .get(30, TimeUnit.SECONDS);
      publish("cluster4", List.of(desired(T1, A)), List.of(desired(T2, B1)));
      TopicPartition partition = new TopicPartition(spec.name(), 0);
      // A's record and its transaction marker
      admin
          .deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(2)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot set up the truncated topic", e);
    }
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void writesTheDumpLayoutAsOfEachInstant() throws IOException {
    Path out = dir.resolve("between-t1-t2");

    assertThat(
            run(
                    "--at",
                    T1.plusSeconds(60).toString(),
                    "--cluster",
                    "cluster1",
                    "-o",
                    out.toString())
                .exitCode)
        .isZero();
    assertThat(files(out.resolve("cluster1"))).containsExactlyInAnyOrderEntriesOf(dumpOf(A, B1));

    Run atT2 = run("--at", T2.toString(), "--cluster", "cluster1", "-o", out.toString());
    assertThat(atT2.exitCode).isZero();
    assertThat(files(out.resolve("cluster1"))).containsExactlyInAnyOrderEntriesOf(dumpOf(B2));
    assertThat(atT2.err).contains("cluster cluster1: 1 object written to");

    run("--at", "30m", "--cluster", "cluster1", "-o", out.toString());
    assertThat(files(out.resolve("cluster1"))).containsExactlyInAnyOrderEntriesOf(dumpOf(B2, C));
  }

  @Test
  void replaysEveryClusterWithADesiredTopicByDefault() throws IOException {
    Path out = dir.resolve("every-cluster");

    Run run = run("--at", T2.plusSeconds(1).toString(), "-o", out.toString());

    assertThat(run.exitCode).isZero();
    assertThat(files(out.resolve("cluster1"))).containsExactlyInAnyOrderEntriesOf(dumpOf(B2));
    assertThat(files(out.resolve("cluster2"))).containsExactlyInAnyOrderEntriesOf(dumpOf(D));
    assertThat(out.resolve("cluster3")).doesNotExist();
    assertThat(run.err).contains("cluster cluster3: nothing was ever published");
  }

  @Test
  void beforeTheFirstRecordNothingIsKnown() {
    Run run = run("--at", T1.minusSeconds(1).toString(), "--cluster", "cluster1");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out).isEmpty();
    assertThat(run.err)
        .contains(
            "cluster cluster1: the topic's history starts at "
                + T1
                + "; nothing is known before it");
  }

  @Test
  void aTruncatedTopicSaysWhatItCannotKnow() {
    Run before = run("--at", T1.plusSeconds(1).toString(), "--cluster", "cluster4");
    Run after = run("--at", T3.toString(), "--cluster", "cluster4");

    assertThat(before.exitCode).isEqualTo(1);
    assertThat(before.err)
        .contains(
            "cluster cluster4: the topic's history starts at "
                + T2
                + " (2 earlier records were deleted); nothing is known before it");
    assertThat(after.exitCode).isZero();
    assertThat(after.out).contains("name: b").doesNotContain("name: a");
    assertThat(after.err)
        .contains(
            "cluster cluster4: 2 records before "
                + T2
                + " were deleted from the topic; an object last written before then is missing");
  }

  @Test
  void printsYamlDocumentsWithTheirClusterWithoutOutputDir() {
    Run run = run("--at", T1.plusSeconds(1).toString());

    assertThat(run.exitCode).isZero();
    assertThat(run.out)
        .isEqualTo(document("cluster1", A) + document("cluster1", B1) + document("cluster2", D));
  }

  @Test
  void replacesWhatADirectoryHeldForTheCluster() throws IOException {
    Path out = dir.resolve("stale");
    Path stale = out.resolve("cluster1/istio-system/ServiceEntry/gone.yaml");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "stale");

    run("--at", T3.toString(), "--cluster", "cluster1", "-o", out.toString());

    assertThat(files(out.resolve("cluster1"))).containsExactlyInAnyOrderEntriesOf(dumpOf(B2, C));
  }

  @Test
  void warnsThatCompactionMayHaveFoldedOldChanges() {
    Clock inTenDays = Clock.fixed(NOW.plus(Duration.ofDays(10)), ZoneOffset.UTC);

    Run run = run(inTenDays, "--at", T3.toString(), "--cluster", "cluster1");

    assertThat(run.exitCode).isZero();
    assertThat(run.err)
        .contains(
            "cluster cluster1: compaction may have folded changes older than "
                + NOW.plus(Duration.ofDays(3)));
    assertThat(run.out).isEqualTo(document("cluster1", B2) + document("cluster1", C));
  }

  @Test
  void rejectsATimeItCannotRead() {
    Run run = run("--at", "yesterday");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("Invalid value for option '--at': 'yesterday' is not a time");
  }

  @Test
  void aClusterWithoutATopicIsNamed() {
    Run run = run("--at", "1m", "--cluster", "cluster9");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("cluster cluster9: there is no topic meshfed.desired.cluster9");
  }

  @Test
  void isAMeshfedSubcommand() {
    assertThat(new CommandLine(new Meshfed()).getSubcommands()).containsKey("replay");
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    return run(Clock.systemUTC(), args);
  }

  private static Run run(Clock clock, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine command =
        new CommandLine(
            new ReplayCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8), errStream, clock));
    command.setErr(new PrintWriter(errStream, true));
    List<String> withBroker = new ArrayList<>(List.of(args));
    withBroker.addAll(List.of("--bootstrap-server", broker.bootstrapServers()));
    int exit = command.execute(withBroker.toArray(String[]::new));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The files under a dump directory, by path relative to it. */
  private static Map<String, String> files(Path clusterDir) throws IOException {
    try (Stream<Path> paths = Files.walk(clusterDir)) {
      return paths
          .filter(Files::isRegularFile)
          .collect(
              Collectors.toMap(p -> clusterDir.relativize(p).toString(), ReplayCommandIT::read));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> dumpOf(GenericKubernetesResource... objects) {
    return Stream.of(objects)
        .collect(
            Collectors.toMap(
                o -> "istio-system/ServiceEntry/" + o.getMetadata().getName() + ".yaml",
                ManagedObjects::toYaml));
  }

  private static String document(String cluster, GenericKubernetesResource object) {
    return "---\n# cluster: " + cluster + "\n" + ManagedObjects.toYaml(object);
  }

  private static GenericKubernetesResource serviceEntry(String name, int port) {
    GenericKubernetesResource object =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withNamespace("istio-system")
            .withName(name)
            .addToLabels(ManagedObjects.MANAGED_BY_LABEL, ManagedObjects.MANAGED_BY_VALUE)
            .endMetadata()
            .build();
    object.setAdditionalProperty(
        "spec",
        Map.of(
            "hosts", List.of(name + ".bookinfo.svc.cluster1.global"),
            "ports", List.of(Map.of("number", port, "name", "http", "protocol", "HTTP"))));
    return object;
  }

  private static ProducerRecord<DesiredKey, DesiredObject> desired(
      Instant at, GenericKubernetesResource object) {
    return new ProducerRecord<>(
        "",
        null,
        at.toEpochMilli(),
        key(object),
        new DesiredObject(Serialization.asJson(object), "bookinfo", List.of()));
  }

  private static ProducerRecord<DesiredKey, DesiredObject> tombstone(
      Instant at, GenericKubernetesResource object) {
    DesiredObject none = null;
    return new ProducerRecord<>("", null, at.toEpochMilli(), key(object), none);
  }

  private static DesiredKey key(GenericKubernetesResource object) {
    return new DesiredKey(
        object.getApiVersion(),
        object.getKind(),
        object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }

  /** Each list in one transaction, into the cluster's desired topic. */
  @SafeVarargs
  private static void publish(
      String cluster, List<ProducerRecord<DesiredKey, DesiredObject>>... transactions) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    try (KafkaProducer<DesiredKey, DesiredObject> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "replay-it-" + cluster),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.initTransactions();
      for (List<ProducerRecord<DesiredKey, DesiredObject>> transaction : transactions) {
        producer.beginTransaction();
        for (ProducerRecord<DesiredKey, DesiredObject> r : transaction) {
          producer.send(
              new ProducerRecord<>(topic.name(), null, r.timestamp(), r.key(), r.value()));
        }
        producer.commitTransaction();
      }
    }
  }
}
