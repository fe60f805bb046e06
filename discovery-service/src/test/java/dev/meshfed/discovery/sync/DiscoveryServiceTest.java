package dev.meshfed.discovery.sync;

import static dev.meshfed.discovery.sync.TestObjects.namespace;
import static dev.meshfed.discovery.sync.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.DiscoveryMapper;
import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.model.Write;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryServiceTest {

  private static final DiscoveryService.Options OPTIONS =
      new DiscoveryService.Options(
          "test",
          "run-2",
          Duration.ofSeconds(5),
          new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)));

  private final List<String> steps = new ArrayList<>();
  private final RecordingSink sink = new RecordingSink();
  private final FakeClusterWatch cluster = new FakeClusterWatch();
  private final Map<DiscoveryKey, DiscoveredObject> topic = new HashMap<>();
  private final Namespace bookinfo = namespace("bookinfo", Map.of("istio-injection", "enabled"));
  private final Service reviews = service("bookinfo", "reviews", 9080);
  private final Service ratings = service("bookinfo", "ratings", 9080);
  private DiscoveryService service;

  @AfterEach
  void close() {
    service.close();
  }

  @Test
  void aFirstStartPublishesEveryObjectThenTheAgentRecord() {
    cluster.upsert(Source.NAMESPACES, bookinfo);
    cluster.upsert(Source.SERVICES, reviews);

    start();

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sink.sent)
        .containsExactlyInAnyOrder(
            record(Source.NAMESPACES, bookinfo), record(Source.SERVICES, reviews), agent());
    assertThat(sink.sent.get(sink.sent.size() - 1)).isEqualTo(agent());
    assertThat(steps).containsExactly("ensure topics", "read topic");
  }

  @Test
  void aRestartTombstonesWhatWasDeletedMeanwhileAndRepublishesNothingUnchanged() {
    putInTopic(Source.NAMESPACES, bookinfo);
    putInTopic(Source.SERVICES, reviews);
    putInTopic(Source.SERVICES, ratings);
    topic.put(AgentRecord.KEY, AgentRecord.of("test", "run-1").value());
    cluster.upsert(Source.NAMESPACES, bookinfo);
    cluster.upsert(Source.SERVICES, reviews);

    start();

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sink.sent)
        .containsExactly(
            Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "ratings")), agent());
  }

  @Test
  void aRestartPublishesWhatChangedMeanwhile() {
    putInTopic(Source.SERVICES, reviews);
    Service changed = service("bookinfo", "reviews", 9090);
    cluster.upsert(Source.SERVICES, changed);

    start();

    await().until(() -> sink.sent.contains(agent()));
    assertThat(sink.sent).containsExactly(record(Source.SERVICES, changed), agent());
  }

  @Test
  void publishesChangesAndDeletesAfterTheSync() {
    cluster.upsert(Source.SERVICES, reviews);
    start();
    Service changed = service("bookinfo", "reviews", 9090);

    cluster.upsert(Source.SERVICES, changed);
    cluster.delete(Source.SERVICES, changed);

    Write tombstone = Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews"));
    await().until(() -> sink.sent.contains(tombstone));
    assertThat(sink.sent)
        .containsExactly(
            record(Source.SERVICES, reviews), agent(), record(Source.SERVICES, changed), tombstone);
  }

  @Test
  void closingStopsTheWatchAndClosesTheSink() {
    start();

    service.close();

    assertThat(cluster.closed).isTrue();
    assertThat(sink.closed).isTrue();
  }

  private void start() {
    service =
        new DiscoveryService(
            "meshfed.discovered.test",
            OPTIONS,
            () -> steps.add("ensure topics"),
            () -> {
              steps.add("read topic");
              return Map.copyOf(topic);
            },
            sink,
            cluster);
    service.start();
  }

  private void putInTopic(Source source, HasMetadata object) {
    Write write = record(source, object);
    topic.put(write.key(), write.value());
  }

  private static Write record(Source source, HasMetadata object) {
    return DiscoveryMapper.map(source, object).writes().stream()
        .filter(write -> !write.isTombstone())
        .findFirst()
        .orElseThrow();
  }

  private static Write agent() {
    return AgentRecord.of("test", "run-2");
  }
}
