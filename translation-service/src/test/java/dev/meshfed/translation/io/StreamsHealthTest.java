package dev.meshfed.translation.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {

  @Test
  void readyOnlyWhileRunning() {
    assertThat(StreamsHealth.readiness(State.RUNNING).getStatus()).isEqualTo(Status.UP);
    for (State state : new State[] {State.CREATED, State.REBALANCING, State.ERROR}) {
      assertThat(StreamsHealth.readiness(state).getStatus())
          .as(state.name())
          .isEqualTo(Status.DOWN);
    }
  }

  @Test
  void liveUntilStreamsHasStoppedForGood() {
    for (State state : new State[] {State.CREATED, State.REBALANCING, State.RUNNING}) {
      assertThat(StreamsHealth.liveness(state).getStatus()).as(state.name()).isEqualTo(Status.UP);
    }
    for (State state :
        new State[] {State.PENDING_ERROR, State.ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
      assertThat(StreamsHealth.liveness(state).getStatus()).as(state.name()).isEqualTo(Status.DOWN);
    }
  }
}
