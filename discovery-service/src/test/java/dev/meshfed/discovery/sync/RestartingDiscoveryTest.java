package dev.meshfed.discovery.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.Source;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestartingDiscoveryTest {

  private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));
  private static final DiscoveryService.Options OPTIONS =
      new DiscoveryService.Options("test", "run-1", Duration.ofSeconds(5), BACKOFF);

  private final AtomicInteger failingStarts = new AtomicInteger();
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private RestartingDiscovery discovery;

  @AfterEach
  void close() {
    discovery.close();
  }

  @Test
  void aFailedStartIsTriedAgainWithAFreshServiceUntilItSucceeds() {
    failingStarts.set(2);
    discovery = new RestartingDiscovery("cluster1", this::newService, BACKOFF);

    discovery.start();

    await().until(() -> discovery.started().toCompletableFuture().isDone());
    assertThat(attempts).hasSize(3);
    assertThat(attempts.subList(0, 2))
        .allSatisfy(
            failed -> {
              assertThat(failed.watch.closed).isTrue();
              assertThat(failed.sink.closed).isTrue();
            });
    Attempt last = attempts.get(2);
    await()
        .until(
            () ->
                last.sink.sent.contains(AgentRecord.of("test", "run-1", List.of(Source.values()))));
    assertThat(last.watch.closed).isFalse();
  }

  @Test
  void aFactoryThatThrowsCountsAsAFailedStart() {
    AtomicInteger calls = new AtomicInteger();
    discovery =
        new RestartingDiscovery(
            "cluster1",
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalArgumentException("Invalid kubeconfig (test)");
              }
              return newService();
            },
            BACKOFF);

    discovery.start();

    await().until(() -> discovery.started().toCompletableFuture().isDone());
    assertThat(calls).hasValue(2);
  }

  @Test
  void closingStopsTheStartedService() {
    discovery = new RestartingDiscovery("cluster1", this::newService, BACKOFF);
    discovery.start();
    await().until(() -> discovery.started().toCompletableFuture().isDone());

    discovery.close();

    assertThat(attempts).singleElement().satisfies(only -> assertThat(only.watch.closed).isTrue());
  }

  @Test
  void closingInterruptsAStartWaitingForTheClusterAndStopsRetrying() {
    discovery = new RestartingDiscovery("cluster1", this::serviceOfAClusterThatNeverLists, BACKOFF);
    discovery.start();
    await().until(() -> attempts.size() == 1);

    discovery.close();

    assertThat(attempts).singleElement().satisfies(only -> assertThat(only.watch.closed).isTrue());
    assertThat(discovery.started().toCompletableFuture()).isNotDone();
  }

  private DiscoveryService newService() {
    Attempt attempt = new Attempt(new RecordingSink(), new FakeClusterWatch());
    attempts.add(attempt);
    return new DiscoveryService(
        "meshfed.discovered.cluster1",
        OPTIONS,
        () -> {
          if (failingStarts.getAndDecrement() > 0) {
            throw new IllegalStateException("Kafka unavailable (test)");
          }
        },
        Map::of,
        attempt.sink,
        attempt.watch);
  }

  private DiscoveryService serviceOfAClusterThatNeverLists() {
    Attempt attempt = new Attempt(new RecordingSink(), new NeverListingWatch());
    attempts.add(attempt);
    return new DiscoveryService(
        "meshfed.discovered.cluster1", OPTIONS, () -> {}, Map::of, attempt.sink, attempt.watch);
  }

  private record Attempt(RecordingSink sink, FakeClusterWatch watch) {}

  /** An API server that never answers the list: start waits for the sync timeout. */
  private static final class NeverListingWatch extends FakeClusterWatch {
    @Override
    public CompletionStage<Void> start(ObjectListener listener) {
      return new CompletableFuture<>();
    }
  }
}
