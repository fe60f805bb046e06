package dev.meshfed.translation.io;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the topology runs (its state restored, its partitions assigned); live until Kafka
 * Streams has stopped for good, as it does when a stream thread dies of an error it cannot handle
 * (a lost ACL, a fenced producer it could not recover from).
 */
@ApplicationScoped
public class StreamsHealth {

  private static final Set<KafkaStreams.State> ENDED =
      Set.of(
          KafkaStreams.State.PENDING_ERROR,
          KafkaStreams.State.ERROR,
          KafkaStreams.State.PENDING_SHUTDOWN,
          KafkaStreams.State.NOT_RUNNING);

  @Produces
  @Readiness
  HealthCheck running(KafkaStreams streams) {
    return () -> readiness(streams.state());
  }

  @Produces
  @Liveness
  HealthCheck notEnded(KafkaStreams streams) {
    return () -> liveness(streams.state());
  }

  static HealthCheckResponse readiness(KafkaStreams.State state) {
    return HealthCheckResponse.named("translation running")
        .status(state == KafkaStreams.State.RUNNING)
        .withData("state", state.name())
        .build();
  }

  static HealthCheckResponse liveness(KafkaStreams.State state) {
    return HealthCheckResponse.named("translation not stopped")
        .status(!ENDED.contains(state))
        .withData("state", state.name())
        .build();
  }
}
