package dev.meshfed.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.DiffCommand;
import dev.meshfed.cli.ExplainCommand;
import dev.meshfed.cli.Meshfed;
import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceState;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

/**
 * `meshfed explain` and `meshfed diff` against a real broker.
 *
 * <p>Inputs: mgmt's Workspace bookinfo and cluster1's WorkspaceSettings at t1; cluster1's Services
 * reviews (generation 1 at t1, 2 at t2), ratings (t1, deleted at t3) and productpage (t3).
 * cluster2's desired topic: A from ratings and B from reviews at t1; B changed at t2; A tombstoned
 * and C (from productpage) published at t3.
 */
class AuditCommandsIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant T1 = NOW.minus(Duration.ofHours(3));
  private static final Instant T2 = NOW.minus(Duration.ofHours(2));
  private static final Instant T3 = NOW.minus(Duration.ofHours(1));

  private static final GenericKubernetesResource A = AuditFixtures.serviceEntry("a", 9080);
  private static final GenericKubernetesResource B1 = AuditFixtures.serviceEntry("b", 9080);
  private static final GenericKubernetesResource B2 = AuditFixtures.serviceEntry("b", 9443);
  private static final GenericKubernetesResource C = AuditFixtures.serviceEntry("c", 9080);

  private static final ObjectRef WORKSPACE =
      new ObjectRef("mgmt", "Workspace", "gloo-mesh", "bookinfo");
  private static final ObjectRef SETTINGS =
      new ObjectRef("cluster1", "WorkspaceSettings", "bookinfo", "bookinfo");
  private static final ObjectRef REVIEWS =
      new ObjectRef("cluster1", "Service", "bookinfo", "reviews");
  private static final ObjectRef RATINGS =
      new ObjectRef("cluster1", "Service", "bookinfo", "ratings");
  private static final ObjectRef PRODUCTPAGE =
      new ObjectRef("cluster1", "Service", "bookinfo", "productpage");

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
              Topics.desired("cluster2"), Topics.discovered("cluster1"), Topics.discovered("mgmt")),
          TopicSettings.BROKER_DEFAULTS,
          Duration.ofSeconds(30));
    }
    publish(
        Topics.discovered("mgmt"),
        List.of(new ProducerRecord<>("", null, T1.toEpochMilli(), key(WORKSPACE), workspace())));
    publish(
        Topics.discovered("cluster1"),
        List.of(
            input(
                T1,
                SETTINGS,
                1,
                new WorkspaceSettingsState(
                    null, List.of(), List.of(), null, List.of())), // offset 0
            input(T1, REVIEWS, 1, service()), // 1
            input(T1, RATINGS, 1, service()), // 2
            input(T2, REVIEWS, 2, service()), // 3
            deletion(T3, RATINGS), // 4
            input(T3, PRODUCTPAGE, 1, service()))); // 5
    // desired: one transaction per instant (offsets count the transaction markers too)
    publishDesired(
        List.of(desired(T1, A, RATINGS), desired(T1, B1, REVIEWS)),
        List.of(desired(T2, B2, REVIEWS)),
        List.of(desired(T3, C, PRODUCTPAGE), tombstone(T3, A)));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void explainsAnExistingObjectByItsInputsAndWhatAllowedIt() {
    Run run =
        run(
            new ExplainCommand(out(), err(), Clock.systemUTC()),
            "cluster2",
            "ServiceEntry/istio-system/b");

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out)
        .contains("cluster cluster2 has ServiceEntry/istio-system/b at ")
        .contains("apiVersion: networking.istio.io/v1")
        .contains("workspace:  bookinfo")
        .contains("published:  meshfed.desired.cluster2@")
        .contains(" at " + T2);
    assertThat(run.out.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("input       cluster1    Service")
                    .contains("bookinfo/reviews")
                    .contains("uid-reviews-2")
                    .contains("meshfed.discovered.cluster1@3")
                    .endsWith(T2.toString()))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("allowed by  mgmt        Workspace")
                    .contains("meshfed.discovered.mgmt@0"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("allowed by  cluster1    WorkspaceSettings")
                    .contains("meshfed.discovered.cluster1@0"));
    assertThat(run.err).contains("read 2 discovered topics");
  }

  @Test
  void explainsAtAnEarlierTimeWithTheInputsAsTheyWereThen() {
    Run run =
        run(
            new ExplainCommand(out(), err(), Clock.systemUTC()),
            "cluster2",
            "ServiceEntry/istio-system/b",
            "--at",
            T1.plusSeconds(60).toString(),
            "-o",
            "json");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("\"status\" : \"exists\"").contains("\"uid\" : \"uid-reviews-1\"");
  }

  @Test
  void explainsADeletedObjectWithTheSourcesOfItsLastVersion() {
    Run run =
        run(
            new ExplainCommand(out(), err(), Clock.systemUTC()),
            "cluster2",
            "ServiceEntry/istio-system/a");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out)
        .contains("cluster cluster2 had no ServiceEntry/istio-system/a at ")
        .contains(": deleted at " + T3 + " (offset ")
        .contains("it was produced by (last version: networking.istio.io/v1");
    assertThat(run.out.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("bookinfo/ratings")
                    .contains("deleted")
                    .contains("meshfed.discovered.cluster1@4"));
  }

  @Test
  void saysWhenAnObjectWasNeverPublished() {
    Run run =
        run(
            new ExplainCommand(out(), err(), Clock.systemUTC()),
            "cluster2",
            "ServiceEntry/istio-system/nope");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out)
        .contains("cluster cluster2 never had ServiceEntry/istio-system/nope published")
        .contains("why it is not produced, by the translation of 4 inputs recorded as of ")
        .contains(
            "  NO_SUCH_SERVICE: no Service of any cluster has a host"
                + " NAME.NAMESPACE.svc.CLUSTER.SUFFIX (SUFFIX one of global) that names a"
                + " ServiceEntry nope");
    assertThat(run.err).contains("read 2 discovered topics");
  }

  @Test
  void diffShowsAddedRemovedAndChangedObjectsWithTheirCauses() {
    Run run =
        run(
            new DiffCommand(out(), err(), Clock.systemUTC()),
            "--from",
            T1.plusSeconds(1).toString(),
            "--to",
            T3.toString());

    assertThat(run.exitCode).as(run.err).isZero();
    List<String> lines = run.out.lines().toList();
    assertThat(lines.stream().filter(l -> !l.startsWith(" ")))
        .containsExactly(
            "- cluster2 ServiceEntry istio-system/a (networking.istio.io/v1, workspace bookinfo)",
            "~ cluster2 ServiceEntry istio-system/b (networking.istio.io/v1, workspace bookinfo)",
            "+ cluster2 ServiceEntry istio-system/c (networking.istio.io/v1, workspace bookinfo)");
    assertThat(lines)
        .contains(
            "    input cluster1 Service bookinfo/ratings: deleted at " + T3 + " offset 4",
            "    input cluster1 Service bookinfo/reviews: changed at "
                + T2
                + " offset 3 (generation 2)",
            "    allowed by mgmt Workspace gloo-mesh/bookinfo: unchanged in ("
                + T1.plusSeconds(1)
                + ", "
                + T3
                + "]",
            "    input cluster1 Service bookinfo/productpage: changed at "
                + T3
                + " offset 5 (generation 1)",
            "    --- cluster2/istio-system/ServiceEntry/b.yaml @ " + T1.plusSeconds(1),
            "    +++ cluster2/istio-system/ServiceEntry/b.yaml @ " + T3);
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("    -").contains("9080"))
        .anySatisfy(l -> assertThat(l).startsWith("    +").contains("9443"));
  }

  @Test
  void diffSaysNoChangesWhenThereAreNone() {
    Run run =
        run(
            new DiffCommand(out(), err(), Clock.systemUTC()),
            "--from",
            T3.toString(),
            "--to",
            "1s",
            "--cluster",
            "cluster2");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).isEqualTo("no changes\n");
  }

  @Test
  void areMeshfedSubcommands() {
    assertThat(new CommandLine(new Meshfed()).getSubcommands()).containsKeys("explain", "diff");
  }

  // --- helpers

  private record Run(int exitCode, String out, String err) {}

  private ByteArrayOutputStream outBytes;
  private ByteArrayOutputStream errBytes;

  private PrintStream out() {
    outBytes = new ByteArrayOutputStream();
    return new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  }

  private PrintStream err() {
    errBytes = new ByteArrayOutputStream();
    return new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  }

  private Run run(Callable<Integer> command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(new PrintStream(errBytes, true, StandardCharsets.UTF_8), true));
    List<String> withBroker = new ArrayList<>(List.of(args));
    withBroker.addAll(List.of("--bootstrap-server", broker.bootstrapServers()));
    int exit = cli.execute(withBroker.toArray(String[]::new));
    return new Run(
        exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
  }

  private static ServiceState service() {
    return ServiceState.newBuilder().build();
  }

  private static DiscoveredObject workspace() {
    return new DiscoveredObject(
        "admin.gloo.solo.io/v2",
        "uid-bookinfo",
        1L,
        null,
        WorkspaceState.newBuilder().build(),
        List.of());
  }

  private static DiscoveryKey key(ObjectRef ref) {
    return new DiscoveryKey(ref.getKind(), ref.getNamespace(), ref.getName());
  }

  private static ProducerRecord<DiscoveryKey, DiscoveredObject> input(
      Instant at, ObjectRef ref, long generation, Object payload) {
    return new ProducerRecord<>(
        "",
        null,
        at.toEpochMilli(),
        key(ref),
        new DiscoveredObject(
            "v1", "uid-" + ref.getName() + "-" + generation, generation, null, payload, List.of()));
  }

  private static ProducerRecord<DiscoveryKey, DiscoveredObject> deletion(
      Instant at, ObjectRef ref) {
    DiscoveredObject none = null;
    return new ProducerRecord<>("", null, at.toEpochMilli(), key(ref), none);
  }

  private static ProducerRecord<DesiredKey, DesiredObject> desired(
      Instant at, GenericKubernetesResource object, ObjectRef input) {
    return new ProducerRecord<>(
        "",
        null,
        at.toEpochMilli(),
        desiredKey(object),
        new DesiredObject(
            Serialization.asJson(object), "bookinfo", List.of(input, WORKSPACE, SETTINGS)));
  }

  private static ProducerRecord<DesiredKey, DesiredObject> tombstone(
      Instant at, GenericKubernetesResource object) {
    DesiredObject none = null;
    return new ProducerRecord<>("", null, at.toEpochMilli(), desiredKey(object), none);
  }

  private static DesiredKey desiredKey(GenericKubernetesResource object) {
    return new DesiredKey(
        object.getApiVersion(),
        object.getKind(),
        object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }

  /** Without a transaction: offsets are 0, 1, 2, … */
  private static <K, V> void publish(TopicSpec<K, V> topic, List<ProducerRecord<K, V>> records) {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (ProducerRecord<K, V> r : records) {
        producer.send(new ProducerRecord<>(topic.name(), null, r.timestamp(), r.key(), r.value()));
      }
      producer.flush();
    }
  }

  /** Each list in one transaction, as translation-service writes them. */
  @SafeVarargs
  private static void publishDesired(
      List<ProducerRecord<DesiredKey, DesiredObject>>... transactions) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired("cluster2");
    try (KafkaProducer<DesiredKey, DesiredObject> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "audit-it"),
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
