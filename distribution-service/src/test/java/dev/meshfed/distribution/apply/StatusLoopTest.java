package dev.meshfed.distribution.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.model.ResourceType;
import dev.meshfed.distribution.model.StatusRecord;
import dev.meshfed.distribution.model.StatusTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusLoopTest {

  private static final RetrySettings FAST =
      new RetrySettings(Duration.ofMillis(10), Duration.ofMillis(50));
  private static final StatusTarget BOOKINFO =
      new StatusTarget("Workspace", "gloo-mesh", "bookinfo");

  private final QueueSource source = new QueueSource();
  private final RecordingWriter writer = new RecordingWriter();
  private final StatusLoop loop = new StatusLoop("test", source, writer, FAST);

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void retriesAFailedWriteUntilItLands() {
    writer.failures.set(3);
    source.add(status(BOOKINFO, "{\"state\":\"ACCEPTED\"}"));
    loop.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> writer.statuses.containsKey(BOOKINFO));
    assertThat(writer.statuses.get(BOOKINFO)).isEqualTo("{\"state\":\"ACCEPTED\"}");
    assertThat(writer.attempts.get()).isEqualTo(4);
  }

  @Test
  void aNewerStatusReplacesOneNotWrittenYetAndATombstoneDropsIt() {
    writer.failures.set(Integer.MAX_VALUE);
    StatusTarget settings = new StatusTarget("WorkspaceSettings", "bookinfo", "settings");
    source.add(
        status(BOOKINFO, "{\"state\":\"WARNING\"}"), status(settings, "{\"state\":\"INVALID\"}"));
    loop.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> writer.attempts.get() >= 2);

    source.add(
        status(BOOKINFO, "{\"state\":\"ACCEPTED\"}"),
        new StatusRecord(settings, Optional.empty(), Optional.empty(), "test@2"));
    writer.failures.set(0);

    await().atMost(Duration.ofSeconds(5)).until(() -> writer.statuses.containsKey(BOOKINFO));
    assertThat(writer.statuses).containsOnlyKeys(BOOKINFO);
    assertThat(writer.statuses.get(BOOKINFO)).isEqualTo("{\"state\":\"ACCEPTED\"}");
  }

  @Test
  void skipsKindsItDoesNotOwn() {
    StatusTarget service = new StatusTarget("Service", "bookinfo", "reviews");
    source.add(
        new StatusRecord(service, Optional.of("v1"), Optional.of("{}"), "test@0"),
        status(BOOKINFO, "{}"));
    loop.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> loop.settled() == 1);
    assertThat(writer.statuses).containsOnlyKeys(BOOKINFO);
  }

  private static StatusRecord status(StatusTarget target, String json) {
    return new StatusRecord(
        target, Optional.of("meshfed.dev/v1alpha1"), Optional.of(json), "test@0");
  }

  private static final class QueueSource implements StatusSource {
    private final LinkedBlockingQueue<List<StatusRecord>> batches = new LinkedBlockingQueue<>();

    void add(StatusRecord... records) {
      batches.add(List.of(records));
    }

    @Override
    public void seekToBeginning() {}

    @Override
    public List<StatusRecord> poll() {
      try {
        List<StatusRecord> batch = batches.poll(20, TimeUnit.MILLISECONDS);
        return batch == null ? List.of() : batch;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }

    @Override
    public void wakeup() {}

    @Override
    public void close() {}
  }

  private static final class RecordingWriter implements StatusWriter {
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final Map<StatusTarget, String> statuses = new ConcurrentHashMap<>();

    @Override
    public boolean write(StatusTarget target, ResourceType type, String statusJson) {
      attempts.incrementAndGet();
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("API server unavailable");
      }
      statuses.put(target, statusJson);
      return true;
    }
  }
}
