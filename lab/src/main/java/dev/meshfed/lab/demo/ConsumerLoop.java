package dev.meshfed.lab.demo;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/** A subscribed consumer polled on its own daemon thread until closed. */
final class ConsumerLoop<K, V> implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ConsumerLoop.class.getName());

  private final KafkaConsumer<K, V> consumer;
  private final BiConsumer<ConsumerRecords<K, V>, KafkaConsumer<K, V>> onPoll;
  private final Thread thread;
  private volatile boolean running = true;

  /** {@code onPoll} gets every batch, and the consumer to read positions from. */
  ConsumerLoop(
      String name,
      KafkaConsumer<K, V> consumer,
      BiConsumer<ConsumerRecords<K, V>, KafkaConsumer<K, V>> onPoll) {
    this.consumer = consumer;
    this.onPoll = onPoll;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler(
        (t, e) -> LOG.log(Level.SEVERE, name + " stopped: " + e.getMessage(), e));
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        onPoll.accept(consumer.poll(Duration.ofMillis(200)), consumer);
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
