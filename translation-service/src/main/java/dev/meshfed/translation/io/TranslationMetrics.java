package dev.meshfed.translation.io;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the topology counts in its own Kafka Streams sensors (FederationProcessor), summed over its
 * tasks, as {@code meshfed_translation_*_total}. Streams' other metrics (records processed, commit
 * latency, consumer lag) Quarkus exports as {@code kafka_stream_*} and {@code kafka_consumer_*};
 * the topology's sensors are created after that binding and would only appear at its next refresh.
 */
@ApplicationScoped
public class TranslationMetrics {

  private static final String GROUP = "stream-meshfed-metrics";

  @Produces
  MeterBinder topologyCounters(KafkaStreams streams) {
    return registry -> {
      FunctionCounter.builder(
              "meshfed.translation.inputs.changed", streams, s -> sum(s, "inputs-changed-total"))
          .description("discovered records that changed an input")
          .register(registry);
      FunctionCounter.builder(
              "meshfed.translation.units.recomputed",
              streams,
              s -> sum(s, "units-recomputed-total"))
          .description("units (a service's federation, a policy, a status) translated again")
          .register(registry);
      FunctionCounter.builder(
              "meshfed.translation.units.failed", streams, s -> sum(s, "units-failed-total"))
          .description("unit translations that threw (a meshfed bug): the unit kept its objects")
          .register(registry);
    };
  }

  private static double sum(KafkaStreams streams, String name) {
    return streams.metrics().values().stream()
        .filter(m -> m.metricName().group().equals(GROUP) && m.metricName().name().equals(name))
        .map(Metric::metricValue)
        .mapToDouble(value -> value instanceof Number number ? number.doubleValue() : 0)
        .sum();
  }
}
