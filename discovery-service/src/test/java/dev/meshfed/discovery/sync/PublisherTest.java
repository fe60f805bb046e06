package dev.meshfed.discovery.sync;

import static dev.meshfed.discovery.sync.TestObjects.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.DiscoveryMapper;
import dev.meshfed.discovery.model.KnownRecords;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.model.Write;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublisherTest {

  private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100));

  private final RecordingSink sink = new RecordingSink();
  private final Map<DiscoveryKey, Write> current = new ConcurrentHashMap<>();
  private final Write teamA = write("bookinfo", "a");
  private final Write teamB = write("bookinfo", "b");
  private final Write other = write("other", "a");
  private Publisher publisher;

  @AfterEach
  void close() {
    publisher.close();
  }

  @Test
  void skipsAWriteThatChangesNothing() {
    publisher = publisher(teamA);

    publisher.publish(teamA);
    publisher.publish(other);

    await().until(() -> sink.sent.contains(other));
    assertThat(sink.sent).containsExactly(other);
    assertThat(publisher.unchangedCount()).isEqualTo(1);
  }

  @Test
  void sendsEveryChangeInOrder() {
    publisher = publisher();

    publisher.publish(teamA);
    publisher.publish(teamB);
    publisher.publish(teamB);
    publisher.publish(Write.tombstone(teamA.key()));

    await().until(() -> sink.sent.size() == 3);
    assertThat(sink.sent).containsExactly(teamA, teamB, Write.tombstone(teamA.key()));
  }

  @Test
  void aTombstoneForAKeyTheTopicDoesNotHoldIsNotSent() {
    publisher = publisher();

    publisher.publish(Write.tombstone(teamA.key()));
    publisher.publish(other);

    await().until(() -> sink.sent.contains(other));
    assertThat(sink.sent).containsExactly(other);
  }

  @Test
  void republishesTheCurrentStateOfAKeyWhoseSendFailed() {
    publisher = publisher();
    sink.failNext(2);
    current.put(teamB.key(), teamB);

    publisher.publish(teamA);

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.sent.contains(teamB));
    assertThat(sink.failed).containsExactly(teamA, teamB);
    assertThat(sink.sent).containsExactly(teamB);
  }

  @Test
  void republishesATombstoneWhenTheObjectIsGoneMeanwhile() {
    publisher = publisher(teamA);
    sink.failNext(1);

    publisher.publish(teamB);

    await().until(() -> sink.sent.contains(Write.tombstone(teamA.key())));
    assertThat(sink.failed).containsExactly(teamB);
  }

  @Test
  void publishAlwaysSendsWhatTheTopicHoldsAlready() {
    publisher = publisher(teamA);

    publisher.publishAlways(teamA).join();

    assertThat(sink.sent).containsExactly(teamA);
  }

  @Test
  void closingClosesTheSink() {
    publisher = publisher();
    publisher.publish(teamA);

    publisher.close();

    assertThat(sink.sent).containsExactly(teamA);
    assertThat(sink.closed).isTrue();
  }

  /** A publisher over a topic that holds these records. */
  private Publisher publisher(Write... topic) {
    return new Publisher(
        "meshfed.discovered.test",
        sink,
        new KnownRecords(Arrays.stream(topic).collect(Collectors.toMap(Write::key, Write::value))),
        BACKOFF,
        key -> current.getOrDefault(key, Write.tombstone(key)));
  }

  private static Write write(String name, String team) {
    return DiscoveryMapper.map(Source.NAMESPACES, namespace(name, Map.of("team", team)))
        .writes()
        .get(0);
  }
}
