package dev.meshfed.cli.demo;

import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Prints federation events as they happen. */
public final class EventPrinter implements AutoCloseable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final ConsumerLoop<EventKey, FederationEvent> loop;

  public EventPrinter(String bootstrapServers, PrintStream out) {
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(
        ConsumerConfig.GROUP_ID_CONFIG, "meshfed-demo-events-" + ProcessHandle.current().pid());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<EventKey, FederationEvent> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    consumer.subscribe(List.of(topic.name()));
    loop =
        new ConsumerLoop<>(
            "event-printer",
            consumer,
            (records, c) ->
                records.forEach(r -> out.println("  event " + format(r.timestamp(), r.value()))));
  }

  public static String format(long timestamp, FederationEvent e) {
    return String.format(
        "%s %-15s %s", TIME.format(Instant.ofEpochMilli(timestamp)), e.getType(), e.getMessage());
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
  }
}
