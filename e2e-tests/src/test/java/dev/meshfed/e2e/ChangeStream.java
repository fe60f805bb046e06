package dev.meshfed.e2e;

import dev.meshfed.lab.bench.BenchSize;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seeded stream of Service changes across the workload clusters, as application teams make them:
 * creates (of names never used before), port changes and deletes, one every few tens of
 * milliseconds on a thread of its own. A change the API server refuses (a fault is injected) is not
 * made, and is counted as refused; so is one it does not answer in time, which may have been made.
 */
final class ChangeStream implements AutoCloseable {

  private static final long PACE_MILLIS = 40;

  private final Random random;
  private final BenchSize size;
  private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();
  private final Map<String, List<String>> live = new LinkedHashMap<>();
  private final AtomicInteger made = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final List<String> deleted = java.util.Collections.synchronizedList(new ArrayList<>());
  private int created;
  private ScheduledExecutorService thread;
  private volatile RuntimeException failure;

  ChangeStream(long seed, BenchSize size, Map<String, KubernetesClient> clusterClients) {
    this.random = new Random(seed);
    this.size = size;
    clusterClients.forEach(
        (cluster, client) -> {
          // no retries: a refused write is a change not made
          clients.put(
              cluster,
              new KubernetesClientBuilder()
                  .withConfig(
                      new ConfigBuilder(client.getConfiguration())
                          .withRequestRetryBackoffLimit(0)
                          .build())
                  .build());
          List<String> names = new ArrayList<>();
          for (int n = 0; n < size.servicesPerCluster(); n++) {
            names.add(size.namespaceOf(n) + "/svc-" + n);
          }
          live.put(cluster, names);
        });
  }

  synchronized void start() {
    thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "change-stream"));
    thread.scheduleWithFixedDelay(this::step, 0, PACE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Changes made since the stream was created. */
  int made() {
    if (failure != null) {
      throw new IllegalStateException("the change stream failed", failure);
    }
    return made.get();
  }

  int refused() {
    return refused.get();
  }

  /** The Services deleted so far ({@code cluster/namespace/name}), in order; names never return. */
  List<String> deleted() {
    synchronized (deleted) {
      return List.copyOf(deleted);
    }
  }

  /** Stops the stream and waits for its last change to finish. */
  synchronized void stop() throws InterruptedException {
    if (thread != null) {
      thread.shutdown();
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the change stream did not stop");
      }
      thread = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
    clients.values().forEach(KubernetesClient::close);
  }

  private void step() {
    List<String> clusters = new ArrayList<>(clients.keySet());
    String cluster = clusters.get(random.nextInt(clusters.size()));
    try {
      change(cluster);
      made.incrementAndGet();
    } catch (KubernetesClientException e) {
      refused.incrementAndGet();
    } catch (RuntimeException e) {
      // the executor would end the stream silently: the test learns of it from made()
      failure = e;
      throw e;
    }
  }

  private void change(String cluster) {
    KubernetesClient client = clients.get(cluster);
    List<String> names = live.get(cluster);
    int choice = random.nextInt(10);
    if (choice < 4 || names.size() < 10) {
      // counted first: a create that timed out may still have been made
      int n = size.servicesPerCluster() + created++;
      String namespace = size.namespaceOf(n);
      client.resource(service(namespace, "chg-" + n, 8080)).create();
      names.add(namespace + "/chg-" + n);
    } else if (choice < 8) {
      String[] key = names.get(random.nextInt(names.size())).split("/");
      int port = random.nextBoolean() ? 8080 : 9090;
      client
          .services()
          .inNamespace(key[0])
          .withName(key[1])
          .edit(
              s -> new ServiceBuilder(s).withSpec(service(key[0], key[1], port).getSpec()).build());
    } else {
      String chosen = names.get(random.nextInt(names.size()));
      String[] key = chosen.split("/");
      client.services().inNamespace(key[0]).withName(key[1]).delete();
      names.remove(chosen);
      deleted.add(cluster + "/" + chosen);
    }
  }

  private static Service service(String namespace, String name, int port) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", name)
        .addNewPort()
        .withName("http")
        .withPort(port)
        .withNewTargetPort(port)
        .endPort()
        .endSpec()
        .build();
  }
}
