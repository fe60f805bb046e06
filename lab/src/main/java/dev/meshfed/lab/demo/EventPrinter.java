package dev.meshfed.lab.demo;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Prints federation events as they happen. */
public final class EventPrinter implements AutoCloseable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private static final Pattern EVENT_TOPICS =
      Pattern.compile(Pattern.quote(Topics.EVENTS) + "|" + Topics.APPLIED_PATTERN.pattern());

  private final ConsumerLoop<EventKey, FederationEvent> loop;

  public EventPrinter(String bootstrapServers, PrintStream out) {
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(
        ConsumerConfig.GROUP_ID_CONFIG, "meshfed-demo-events-" + ProcessHandle.current().pid());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // pattern subscriptions see new topics only on a metadata refresh
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
    KafkaConsumer<EventKey, FederationEvent> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    consumer.subscribe(EVENT_TOPICS);
    loop =
        new ConsumerLoop<>(
            "event-printer",
            consumer,
            (records, c) ->
                records.forEach(
                    r ->
                        out.println(
                            "  event "
                                + format(
                                    new EventView(
                                        r.timestamp(),
                                        Topics.clusterOfApplied(r.topic()).orElse(null),
                                        r.value())))));
  }

  public static String format(EventView e) {
    return String.format(
        "%s %-17s %s", TIME.format(Instant.ofEpochMilli(e.timestamp())), e.type(), e.message());
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
  }
}
