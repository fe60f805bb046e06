package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.IstioObjects.MANAGED_BY;
import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1;
import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1BETA1;
import static dev.meshfed.distribution.io.IstioObjects.SECURITY_V1;
import static dev.meshfed.distribution.io.IstioObjects.authorizationPolicy;
import static dev.meshfed.distribution.io.IstioObjects.hosts;
import static dev.meshfed.distribution.io.IstioObjects.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.distribution.model.DistributionStatus;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The distribution loop with its real adapters, against a real broker and a simulated cluster. */
class DistributionServiceIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  @RegisterExtension static final TestBroker broker = new TestBroker();

  private final List<DistributionLoop> loops = new ArrayList<>();
  private String clusterName;
  private SimulatedCluster cluster;
  private KubernetesClient serviceClient;
  private DesiredTopicWriter translation;
  private AppliedTopicReader applied;

  @BeforeEach
  void startCluster() {
    clusterName = "it" + CLUSTERS.incrementAndGet();
    cluster = SimulatedCluster.start(clusterName);
    serviceClient = clientLikeTheApplications(cluster.url());
  }

  @AfterEach
  void stopAll() {
    loops.forEach(DistributionLoop::close);
    if (translation != null) {
      translation.close();
    }
    if (applied != null) {
      applied.close();
    }
    serviceClient.close();
    cluster.close();
  }

  @Test
  void createsItsTopicsThenAppliesUpdatesAndDeletesDesiredObjects() throws Exception {
    DistributionLoop loop = startDistribution();
    translation = new DesiredTopicWriter(broker.bootstrapServers(), clusterName);

    translation.write(
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "a.global")),
        translation.object(
            SECURITY_V1,
            "AuthorizationPolicy",
            "allow-east",
            authorizationPolicy("allow-east", "cluster.local/ns/apps/sa/east")));

    GenericKubernetesResource foo = awaitObject(NETWORKING_V1, "ServiceEntry", "foo");
    assertThat(foo.getMetadata().getLabels()).containsEntry(MANAGED_BY, "meshfed");
    assertThat(hosts(foo)).containsExactly("a.global");
    assertThat(
            awaitObject(SECURITY_V1, "AuthorizationPolicy", "allow-east").getMetadata().getLabels())
        .containsEntry(MANAGED_BY, "meshfed");

    translation.write(
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "b.global")));
    await()
        .atMost(TIMEOUT)
        .until(
            () -> hosts(object(NETWORKING_V1, "ServiceEntry", "foo")),
            h -> h.equals(List.of("b.global")));

    translation.write(translation.tombstone(NETWORKING_V1, "ServiceEntry", "foo"));
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "foo").isEmpty());
    // the loop counts a delete once the API server has answered it, which may be after the
    // object is gone
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(loop.status().deleted()).isEqualTo(1));
    assertThat(IstioObjects.get(cluster.client(), SECURITY_V1, "AuthorizationPolicy", "allow-east"))
        .isPresent();
    assertThat(cleanupPolicy(Topics.applied(clusterName).name())).isEqualTo("delete");
    assertThat(cleanupPolicy(Topics.applyFailures(clusterName).name())).isEqualTo("delete");
  }

  @Test
  void aSwitchOfApiVersionKeepsTheObject() throws Exception {
    givenTopic();
    translation.write(
        translation.object(
            NETWORKING_V1BETA1,
            "ServiceEntry",
            "foo",
            serviceEntry(NETWORKING_V1BETA1, "foo", "a.global")));
    startDistribution();
    String uid = awaitObject(NETWORKING_V1BETA1, "ServiceEntry", "foo").getMetadata().getUid();

    translation.write(
        translation.tombstone(NETWORKING_V1BETA1, "ServiceEntry", "foo"),
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "b.global")));

    await()
        .atMost(TIMEOUT)
        .until(
            () -> hosts(object(NETWORKING_V1, "ServiceEntry", "foo")),
            h -> h.equals(List.of("b.global")));
    assertThat(object(NETWORKING_V1, "ServiceEntry", "foo").getMetadata().getUid()).isEqualTo(uid);
    assertThat(loops.get(0).status().deleted()).isZero();
  }

  @Test
  void aRestartNeitherDeletesNorRecreatesNorUpdatesObjects() throws Exception {
    givenTopic();
    translation.write(
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "foo.global")),
        translation.object(
            NETWORKING_V1,
            "ServiceEntry",
            "bar",
            serviceEntry(NETWORKING_V1, "bar", "bar.global")));
    DistributionLoop first = startDistribution();
    awaitCaughtUp(first);
    ObjectMeta fooBefore = object(NETWORKING_V1, "ServiceEntry", "foo").getMetadata();
    ObjectMeta barBefore = object(NETWORKING_V1, "ServiceEntry", "bar").getMetadata();
    first.close();

    DistributionLoop second = startDistribution();
    awaitCaughtUp(second);

    assertThat(second.status())
        .extracting(
            DistributionStatus::desired, DistributionStatus::applied, DistributionStatus::pruned)
        .containsExactly(2, 2L, 0L);
    assertUnchanged(fooBefore, object(NETWORKING_V1, "ServiceEntry", "foo").getMetadata());
    assertUnchanged(barBefore, object(NETWORKING_V1, "ServiceEntry", "bar").getMetadata());
    applied = new AppliedTopicReader(broker.bootstrapServers(), clusterName);
    ClusterConverged eachStart = new ClusterConverged(2, 2L, 0L, 0L, 1L, 0);
    await()
        .pollInSameThread()
        .atMost(TIMEOUT)
        .until(applied::events, events -> events.equals(List.of(eachStart, eachStart)));
  }

  @Test
  void prunesManagedObjectsNothingDesiresOnceCaughtUp() throws Exception {
    String preexistingUid =
        IstioObjects.create(cluster.client(), serviceEntry(NETWORKING_V1, "foo", "foo.global"))
            .getMetadata()
            .getUid();
    IstioObjects.create(
        cluster.client(), serviceEntry(NETWORKING_V1BETA1, "stray", "stray.global"));
    IstioObjects.create(
        cluster.client(),
        IstioObjects.manifest(
            NETWORKING_V1,
            "ServiceEntry",
            "manual",
            false,
            Map.of("hosts", List.of("manual.example"))));
    givenTopic();
    translation.write(
        translation.object(
            NETWORKING_V1,
            "ServiceEntry",
            "foo",
            serviceEntry(NETWORKING_V1, "foo", "foo.global")));

    DistributionLoop loop = startDistribution();
    awaitCaughtUp(loop);

    assertThat(IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "stray"))
        .isEmpty();
    assertThat(IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "manual"))
        .isPresent();
    assertThat(object(NETWORKING_V1, "ServiceEntry", "foo").getMetadata().getUid())
        .isEqualTo(preexistingUid);
    assertThat(loop.status().pruned()).isEqualTo(1);
  }

  @Test
  void retriesFailedApiWritesUntilTheObjectIsApplied() throws Exception {
    givenTopic();
    translation.write(
        translation.object(
            NETWORKING_V1,
            "ServiceEntry",
            "foo",
            serviceEntry(NETWORKING_V1, "foo", "foo.global")));
    cluster.faults().failNextWrites(3, 500);

    DistributionLoop loop = startDistribution();

    assertThat(hosts(awaitObject(NETWORKING_V1, "ServiceEntry", "foo")))
        .containsExactly("foo.global");
    assertThat(cluster.faults().pendingFailures()).isZero();
    awaitCaughtUp(loop);
    assertThat(loop.status().applied()).isEqualTo(1);
  }

  @Test
  void reportsTheFirstFailedWriteThenConvergence() throws Exception {
    givenTopic();
    translation.write(
        translation.object(
            NETWORKING_V1,
            "ServiceEntry",
            "foo",
            serviceEntry(NETWORKING_V1, "foo", "foo.global")));
    cluster.faults().failNextWrites(3, 500);
    startDistribution();
    applied = new AppliedTopicReader(broker.bootstrapServers(), clusterName);

    List<ConsumerRecord<EventKey, FederationEvent>> records =
        await()
            .pollInSameThread()
            .atMost(TIMEOUT)
            .until(
                applied::poll,
                read ->
                    read.stream().anyMatch(r -> r.value().getEvent() instanceof ClusterConverged));

    assertThat(records).hasSize(2);
    ConsumerRecord<EventKey, FederationEvent> failed = records.get(0);
    assertThat(failed.key()).isEqualTo(new EventKey("ServiceEntry/apps/foo"));
    assertThat(failed.value().getMessage())
        .startsWith("cannot apply ServiceEntry apps/foo in " + clusterName + " (attempt 1): ")
        .contains("HTTP 500");
    assertThat(failed.value().getEvent())
        .isInstanceOfSatisfying(
            ApplyFailed.class,
            event -> {
              assertThat(event.getObject())
                  .isEqualTo(new DesiredKey(NETWORKING_V1, "ServiceEntry", "apps", "foo"));
              assertThat(event.getAction()).isEqualTo(ApplyAction.APPLY);
              assertThat(event.getAttempts()).isEqualTo(1);
            });
    ConsumerRecord<EventKey, FederationEvent> converged = records.get(1);
    assertThat(converged.key()).isEqualTo(new EventKey(clusterName));
    // offset 0 is the desired record; its transaction's commit marker is offset 1
    assertThat(converged.value().getEvent()).isEqualTo(new ClusterConverged(1, 1L, 0L, 0L, 0L, 0));
    assertThat(converged.value().getMessage())
        .isEqualTo(
            clusterName
                + " holds its 1 desired object (applied 1, deleted 0, pruned 0 since start)");
    try (AppliedTopicReader failures =
        new AppliedTopicReader(broker.bootstrapServers(), Topics.applyFailures(clusterName))) {
      assertThat(
              await()
                  .pollInSameThread()
                  .atMost(TIMEOUT)
                  .until(failures::poll, read -> read.size() == 2))
          .as("translation reads the failure and the convergence that clears it")
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactly(
              tuple(failed.key(), failed.value()), tuple(converged.key(), converged.value()));
    }
  }

  @Test
  void aWriteTheClustersIstioRefusesIsReportedAndHoldsUpNothingElse() throws Exception {
    cluster.installIstio("1.24.6");
    givenTopic();
    String refused =
        IstioObjects.manifest(
            NETWORKING_V1,
            "ServiceEntry",
            "bad",
            true,
            Map.of(
                "hosts",
                List.of("bad.global"),
                "location",
                "MESH_INTERNAL",
                "resolution",
                "DNS",
                "exportTo",
                List.of(".", "apps")));
    translation.write(translation.object(NETWORKING_V1, "ServiceEntry", "bad", refused));
    translation.write(
        translation.object(
            NETWORKING_V1,
            "ServiceEntry",
            "good",
            serviceEntry(NETWORKING_V1, "good", "good.global")));
    startDistribution();
    applied = new AppliedTopicReader(broker.bootstrapServers(), clusterName);

    ConsumerRecord<EventKey, FederationEvent> failed =
        await()
            .pollInSameThread()
            .atMost(TIMEOUT)
            .until(applied::poll, read -> !read.isEmpty())
            .get(0);

    assertThat(failed.key()).isEqualTo(new EventKey("ServiceEntry/apps/bad"));
    assertThat(failed.value().getMessage()).contains("422").contains("exportTo");
    assertThat(failed.value().getEvent()).isInstanceOf(ApplyFailed.class);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        serviceClient
                            .genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                            .inNamespace("apps")
                            .withName("good")
                            .get())
                    .isNotNull());
  }

  private void givenTopic() throws Exception {
    DesiredTopicWriter.createTopic(broker.bootstrapServers(), clusterName);
    translation = new DesiredTopicWriter(broker.bootstrapServers(), clusterName);
  }

  private DistributionLoop startDistribution() {
    DistributionLoop loop = broker.startLoop(clusterName, serviceClient);
    loops.add(loop);
    return loop;
  }

  /** As application.properties configures it: retries are the service's own, per object. */
  private static KubernetesClient clientLikeTheApplications(String url) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withRequestRetryBackoffLimit(0)
            .withHttp2Disable(true)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private GenericKubernetesResource awaitObject(String apiVersion, String kind, String name) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> IstioObjects.get(cluster.client(), apiVersion, kind, name),
            found -> found.isPresent())
        .orElseThrow();
  }

  private GenericKubernetesResource object(String apiVersion, String kind, String name) {
    return IstioObjects.get(cluster.client(), apiVersion, kind, name).orElseThrow();
  }

  private static String cleanupPolicy(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      ConfigEntry entry =
          admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy");
      return entry.value();
    }
  }

  private static void awaitCaughtUp(DistributionLoop loop) {
    await().atMost(TIMEOUT).until(() -> loop.status().caughtUp());
  }

  private static void assertUnchanged(ObjectMeta before, ObjectMeta after) {
    assertThat(after.getUid()).isEqualTo(before.getUid());
    assertThat(after.getResourceVersion()).isEqualTo(before.getResourceVersion());
  }
}
