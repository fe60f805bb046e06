package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.distribution.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An API server in memory that records every write and fails writes to order. */
final class FakeCluster implements ClusterWriter, ManagedObjects {

  record Live(ObjectKey key, String host, boolean managed) {}

  private final Map<ObjectIdentity, Live> objects = new ConcurrentHashMap<>();

  /** The error each broken identity's writes fail with; empty for one naming the write. */
  private final Map<ObjectIdentity, String> failing = new ConcurrentHashMap<>();

  private final List<String> writes = new CopyOnWriteArrayList<>();

  void put(ObjectKey key, boolean managed) {
    objects.put(key.identity(), new Live(key, "preexisting", managed));
  }

  /** Every write to the identity fails until {@link #heal}. */
  void breakWritesTo(ObjectKey key) {
    breakWritesTo(key, "");
  }

  /** Every write to the identity fails with {@code error} until {@link #heal}. */
  void breakWritesTo(ObjectKey key, String error) {
    failing.put(key.identity(), error);
  }

  void heal(ObjectKey key) {
    failing.remove(key.identity());
  }

  Optional<Live> get(ObjectKey key) {
    return Optional.ofNullable(objects.get(key.identity()));
  }

  /** Successful and failed writes, e.g. "apply apps/foo=a.global", "delete apps/foo failed". */
  List<String> writes() {
    return List.copyOf(writes);
  }

  @Override
  public void apply(DesiredManifest manifest) {
    ObjectKey key = manifest.key();
    String write = "apply " + key.namespace() + "/" + key.name() + "=" + hostOf(manifest);
    failIfBroken(key, write);
    writes.add(write);
    objects.put(key.identity(), new Live(key, hostOf(manifest), true));
  }

  @Override
  public void delete(ObjectKey key, ResourceType type) {
    String write = "delete " + key.namespace() + "/" + key.name();
    failIfBroken(key, write);
    writes.add(write);
    objects.remove(key.identity());
  }

  @Override
  public List<ObjectKey> list(ResourceKind kind) {
    return objects.values().stream()
        .filter(live -> live.managed() && live.key().kind().equals(kind.kind()))
        .map(Live::key)
        .toList();
  }

  /** Failed writes to the object, e.g. "apply apps/foo=a.global failed". */
  long failedWrites(ObjectKey key) {
    String object = " " + key.namespace() + "/" + key.name();
    return writes.stream().filter(w -> w.contains(object) && w.endsWith(" failed")).count();
  }

  private void failIfBroken(ObjectKey key, String write) {
    String error = failing.get(key.identity());
    if (error != null) {
      writes.add(write + " failed");
      throw new IllegalStateException(error.isEmpty() ? "injected failure: " + write : error);
    }
  }

  @SuppressWarnings("unchecked")
  private static String hostOf(DesiredManifest manifest) {
    Map<String, Object> spec =
        (Map<String, Object>) manifest.object().getAdditionalProperties().get("spec");
    return ((List<String>) spec.get("hosts")).get(0);
  }
}
