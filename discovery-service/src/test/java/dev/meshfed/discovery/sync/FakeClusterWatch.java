package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.Source;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory cluster: its cache is what tests put in it, and, as in every real cluster, the
 * kube-system namespace; start replays it as adds.
 */
class FakeClusterWatch implements ClusterWatch {

  private final Map<Source, Map<String, HasMetadata>> objects = new EnumMap<>(Source.class);
  private ObjectListener listener;
  volatile boolean closed;

  FakeClusterWatch() {
    for (Source source : Source.values()) {
      objects.put(source, new ConcurrentHashMap<>());
    }
    upsert(Source.NAMESPACES, TestObjects.namespace("kube-system", Map.of()));
  }

  /** Puts the object in the cache, and tells the listener once started. */
  void upsert(Source source, HasMetadata object) {
    objects.get(source).put(key(object), object);
    if (listener != null) {
      listener.upserted(source, object);
    }
  }

  void delete(Source source, HasMetadata object) {
    objects.get(source).remove(key(object));
    if (listener != null) {
      listener.deleted(source, object);
    }
  }

  boolean started() {
    return listener != null;
  }

  @Override
  public CompletionStage<Void> start(ObjectListener listener) {
    this.listener = listener;
    objects.forEach((source, cached) -> cached.values().forEach(o -> listener.upserted(source, o)));
    return CompletableFuture.completedFuture(null);
  }

  /** Every source: the fake serves them all. */
  @Override
  public List<Source> watchedSources() {
    return List.of(Source.values());
  }

  @Override
  public List<HasMetadata> cached(Source source) {
    return List.copyOf(objects.get(source).values());
  }

  @Override
  public Optional<HasMetadata> cached(Source source, String namespace, String name) {
    return Optional.ofNullable(objects.get(source).get(namespace + "/" + name));
  }

  @Override
  public void close() {
    closed = true;
  }

  private static String key(HasMetadata object) {
    return Objects.requireNonNullElse(object.getMetadata().getNamespace(), "")
        + "/"
        + object.getMetadata().getName();
  }

  @Override
  public List<Source> stoppedSources() {
    return List.of();
  }
}
