package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.MultiClusterServicesApi.API_VERSION;
import static dev.meshfed.distribution.io.MultiClusterServicesApi.serviceExports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.StatusLoop;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ServiceExport's status, as translation gives it without times, lands on the object with each
 * condition's lastTransitionTime: kept while the condition's status stays, the write's time once it
 * changes.
 */
class ServiceExportStatusIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Instant FIRST = Instant.parse("2026-12-04T19:20:00.750Z");
  private static final Instant SECOND = Instant.parse("2026-12-04T19:25:00Z");
  private static final Instant THIRD = Instant.parse("2026-12-04T19:30:00Z");

  @RegisterExtension static final TestBroker broker = new TestBroker();

  private final SettableClock clock = new SettableClock(FIRST);
  private SimulatedCluster cluster;
  private StatusLoop loop;
  private StatusTopicWriter translation;

  @BeforeEach
  void start() throws Exception {
    cluster = SimulatedCluster.start("exporter");
    MultiClusterServicesApi.install(cluster);
    translation = new StatusTopicWriter(broker, cluster.name());
    loop =
        new StatusLoop(
            translation.name(),
            new KafkaStatusSource(broker.kafka(), Topics.status("exporter")),
            new KubernetesStatusWriter(cluster.client(), clock),
            TestBroker.FAST_RETRY);
  }

  @AfterEach
  void stop() {
    loop.close();
    translation.close();
    cluster.close();
  }

  @Test
  void conditionsKeepTheirTransitionTimeUntilTheirStatusChanges() throws Exception {
    serviceExports(cluster.client())
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind("ServiceExport")
                .withNewMetadata()
                .withName("reviews")
                .withNamespace(IstioObjects.NAMESPACE)
                .endMetadata()
                .build())
        .create();
    loop.start();

    send(condition("Valid", "True", "Exported"), condition("Conflict", "False", "NoConflict"));
    await().atMost(TIMEOUT).until(() -> loop.settled() == 1);
    assertThat(conditions())
        .containsExactly(
            stamped(condition("Valid", "True", "Exported"), "2026-12-04T19:20:00Z"),
            stamped(condition("Conflict", "False", "NoConflict"), "2026-12-04T19:20:00Z"));

    clock.set(SECOND);
    send(condition("Valid", "True", "Exported"), condition("Conflict", "False", "NoConflict"));
    await().atMost(TIMEOUT).until(() -> loop.settled() == 2);
    assertThat(conditions())
        .extracting(c -> c.get("lastTransitionTime"))
        .containsExactly("2026-12-04T19:20:00Z", "2026-12-04T19:20:00Z");

    clock.set(THIRD);
    send(condition("Valid", "True", "Exported"), condition("Conflict", "True", "PortConflict"));
    await().atMost(TIMEOUT).until(() -> loop.settled() == 3);
    assertThat(conditions())
        .containsExactly(
            stamped(condition("Valid", "True", "Exported"), "2026-12-04T19:20:00Z"),
            stamped(condition("Conflict", "True", "PortConflict"), "2026-12-04T19:30:00Z"));
  }

  @SafeVarargs
  private void send(Map<String, Object>... conditions) throws Exception {
    String status = Serialization.asJson(Map.of("conditions", List.of(conditions)));
    translation.send(
        new DiscoveryKey(DiscoveredKinds.SERVICE_EXPORT, IstioObjects.NAMESPACE, "reviews"),
        new InputStatus(API_VERSION, InputState.ACCEPTED, "", null, status));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> conditions() {
    Map<String, Object> status =
        (Map<String, Object>)
            serviceExports(cluster.client())
                .withName("reviews")
                .get()
                .getAdditionalProperties()
                .get("status");
    return (List<Map<String, Object>>) status.get("conditions");
  }

  private static Map<String, Object> condition(String type, String status, String reason) {
    return Map.of("type", type, "status", status, "reason", reason, "message", "");
  }

  private static Map<String, Object> stamped(Map<String, Object> condition, String time) {
    Map<String, Object> stamped = new HashMap<>(condition);
    stamped.put("lastTransitionTime", time);
    return stamped;
  }

  /** The time the status writer reads, set by the test. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant later) {
      now = later;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock in UTC");
    }
  }
}
