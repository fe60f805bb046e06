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
  private final Map<ObjectIdentity, Boolean> failing = new ConcurrentHashMap<>();
  private final List<String> writes = new CopyOnWriteArrayList<>();

  void put(ObjectKey key, boolean managed) {
    objects.put(key.identity(), new Live(key, "preexisting", managed));
  }

  /** Every write to the identity fails until {@link #heal}. */
  void breakWritesTo(ObjectKey key) {
    failing.put(key.identity(), true);
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

  private void failIfBroken(ObjectKey key, String write) {
    if (failing.containsKey(key.identity())) {
      writes.add(write + " failed");
      throw new IllegalStateException("injected failure: " + write);
    }
  }

  @SuppressWarnings("unchecked")
  private static String hostOf(DesiredManifest manifest) {
    Map<String, Object> spec =
        (Map<String, Object>) manifest.object().getAdditionalProperties().get("spec");
    return ((List<String>) spec.get("hosts")).get(0);
  }
}
