package dev.meshfed.cli.demo;

import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/** Prints federation events as they happen. */
public final class EventPrinter implements AutoCloseable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final KafkaConsumer<EventKey, FederationEvent> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  public EventPrinter(String bootstrapServers, PrintStream out) {
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(
        ConsumerConfig.GROUP_ID_CONFIG, "meshfed-demo-events-" + ProcessHandle.current().pid());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    consumer.subscribe(List.of(topic.name()));
    thread = new Thread(() -> run(out), "event-printer");
    thread.setDaemon(true);
    thread.start();
  }

  public static String format(long timestamp, FederationEvent e) {
    return String.format(
        "%s %-15s %s", TIME.format(Instant.ofEpochMilli(timestamp)), e.getType(), e.getMessage());
  }

  private void run(PrintStream out) {
    try {
      while (running) {
        for (ConsumerRecord<EventKey, FederationEvent> r : consumer.poll(Duration.ofMillis(300))) {
          out.println("  event " + format(r.timestamp(), r.value()));
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5000);
  }
}
