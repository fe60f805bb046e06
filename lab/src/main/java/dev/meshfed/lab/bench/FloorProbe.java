package dev.meshfed.lab.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The floor: the least any design over Kafka pays for one change. A sample goes through three
 * chained produce→consume hops on the broker (as discovery → translation → distribution do) and
 * ends with one server-side apply to a simulated API server; each hop is a thread of its own.
 * Samples run one at a time, so what is measured is latency, not throughput.
 */
public final class FloorProbe {

  static final List<String> HOPS =
      List.of("meshfed.bench.floor.1", "meshfed.bench.floor.2", "meshfed.bench.floor.3");
  static final String APPLIED_NAME = "meshfed-bench-floor";
  private static final String NAMESPACE = "default";
  private static final int WARM_UP = 20;

  private final String bootstrapServers;
  private final KubernetesClient cluster;
  private final Duration sampleTimeout;
  private final Map<Long, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

  public FloorProbe(String bootstrapServers, KubernetesClient cluster, Duration sampleTimeout) {
    this.bootstrapServers = bootstrapServers;
    this.cluster = cluster;
    this.sampleTimeout = sampleTimeout;
  }

  /** Measures {@code samples} changes (after a warm-up that is not recorded). */
  public Latencies measure(int samples) throws InterruptedException {
    createTopics();
    Latencies micros = new Latencies();
    try (KafkaProducer<Long, Long> first = BenchClients.producer(bootstrapServers);
        Relay hop1 = relayTo(HOPS.get(0), HOPS.get(1));
        Relay hop2 = relayTo(HOPS.get(1), HOPS.get(2));
        Relay last = new Relay(bootstrapServers, HOPS.get(2), this::applyAndComplete)) {
      for (long sample = 0; sample < WARM_UP + samples; sample++) {
        long elapsed = runOne(first, sample);
        if (sample >= WARM_UP) {
          micros.record(elapsed);
        }
      }
    }
    return micros;
  }

  private Relay relayTo(String from, String to) {
    KafkaProducer<Long, Long> next = BenchClients.producer(bootstrapServers);
    return new Relay(
        bootstrapServers,
        from,
        sample -> next.send(new ProducerRecord<>(to, sample, sample)),
        next);
  }

  /** Microseconds from the first send to the apply's answer. */
  private long runOne(KafkaProducer<Long, Long> first, long sample) throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    inFlight.put(sample, done);
    long start = System.nanoTime();
    first.send(new ProducerRecord<>(HOPS.get(0), sample, sample));
    try {
      done.get(sampleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("floor sample " + sample + " did not complete", e);
    } finally {
      inFlight.remove(sample);
    }
    return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
  }

  private void applyAndComplete(long sample) {
    ConfigMap object =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(APPLIED_NAME)
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withData(Map.of("sample", Long.toString(sample)))
            .build();
    cluster.resource(object).fieldManager("meshfed").forceConflicts().serverSideApply();
    CompletableFuture<Void> done = inFlight.get(sample);
    if (done != null) {
      done.complete(null);
    }
  }

  private void createTopics() throws InterruptedException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (String hop : HOPS) {
        createIfAbsent(admin, hop);
      }
    }
  }

  private static void createIfAbsent(Admin admin, String topic) throws InterruptedException {
    try {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create " + topic + " within 30 s", e);
    }
  }

  /** Keeps the consumer side of one hop busy on its own thread. */
  private static final class Relay implements AutoCloseable {
    private final Thread thread;
    private final BenchClients.Tail tail;
    private final AutoCloseable[] owned;

    Relay(String bootstrapServers, String topic, Consumer<Long> onRecord, AutoCloseable... owned) {
      this.tail = BenchClients.tail(bootstrapServers, topic);
      this.owned = owned;
      this.thread = new Thread(() -> tail.run(onRecord), "floor-" + topic);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      tail.stop();
      thread.join(Duration.ofSeconds(10).toMillis());
      for (AutoCloseable resource : owned) {
        try {
          resource.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot close " + resource, e);
        }
      }
    }
  }
}
