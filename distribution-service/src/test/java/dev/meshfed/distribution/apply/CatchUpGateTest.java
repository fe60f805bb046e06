package dev.meshfed.distribution.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catch-up waits for the topic's end and for the watch's listing, whichever comes last. */
class CatchUpGateTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger catchUps = new AtomicInteger();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void opensOnceBothTheTopicAndTheWatchAreThroughInEitherOrder() {
    CatchUpGate topicFirst = gate(Duration.ofHours(1));
    topicFirst.readToEnd();
    assertThat(catchUps).hasValue(0);
    topicFirst.watchSynced();
    assertThat(catchUps).hasValue(1);

    CatchUpGate watchFirst = gate(Duration.ofHours(1));
    watchFirst.watchSynced();
    assertThat(catchUps).hasValue(1);
    watchFirst.readToEnd();
    assertThat(catchUps).hasValue(2);
  }

  @Test
  void aWatchThatFailedToStartDoesNotHoldTheCatchUpBack() {
    CatchUpGate gate = gate(Duration.ofHours(1));
    gate.watchFailed();
    assertThat(catchUps).hasValue(0);
    gate.readToEnd();
    assertThat(catchUps).hasValue(1);
    gate.watchSynced();
    assertThat(catchUps).hasValue(1);
  }

  @Test
  void aWatchSlowToListHoldsTheCatchUpBackOnlyForAWhile() {
    CatchUpGate gate = gate(Duration.ofMillis(50));
    scheduler.execute(gate::readToEnd);
    await().untilAtomic(catchUps, org.hamcrest.Matchers.equalTo(1));
    scheduler.execute(gate::watchSynced);
    await().until(() -> scheduler.submit(() -> catchUps.get()).get() == 1);
  }

  private CatchUpGate gate(Duration wait) {
    return new CatchUpGate(scheduler, wait, catchUps::incrementAndGet);
  }
}
