package dev.meshfed.distribution.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.distribution.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An API server in memory that records every write, fails writes to order, and tells its watcher of
 * every change, including those others make behind meshfed's back.
 */
final class FakeCluster implements ClusterWriter, ManagedObjects, ManagedObjectWatch {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Live(ObjectKey key, String host, boolean managed, ObjectNode object) {}

  private final Map<ObjectIdentity, Live> objects = new ConcurrentHashMap<>();
  private final AtomicLong versions = new AtomicLong();
  private final Map<ObjectIdentity, List<LiveObject>> announced = new ConcurrentHashMap<>();

  /** The error each broken identity's writes fail with; empty for one naming the write. */
  private final Map<ObjectIdentity, String> failing = new ConcurrentHashMap<>();

  private final List<String> writes = new CopyOnWriteArrayList<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();
  private volatile Consumer<LiveObject> changed = live -> {};
  private volatile Consumer<ObjectKey> gone = key -> {};

  void put(ObjectKey key, boolean managed) {
    ObjectNode object = JSON.createObjectNode().put("apiVersion", key.apiVersion());
    object.put("kind", key.kind());
    ObjectNode metadata =
        object.putObject("metadata").put("name", key.name()).put("namespace", key.namespace());
    if (managed) {
      metadata.putObject("labels").put("app.kubernetes.io/managed-by", "meshfed");
    }
    object.putObject("spec").putArray("hosts").add("preexisting");
    store(new Live(key, "preexisting", managed, object));
  }

  /** Someone else deletes the object. */
  void deleteBehindTheBack(ObjectKey key) {
    objects.remove(key.identity());
    gone.accept(key);
  }

  /** Someone else sets {@code spec.<field>} of the object; "hosts" changes its host. */
  void editBehindTheBack(ObjectKey key, String field, JsonNode value) {
    Live live = objects.get(key.identity());
    ObjectNode object = live.object().deepCopy();
    object.withObjectProperty("spec").set(field, value);
    String host = object.path("spec").path("hosts").path(0).asText();
    store(new Live(live.key(), host, live.managed(), object));
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
  /** The objects read from the API server, in order, as namespace/name. */
  List<String> reads() {
    return List.copyOf(reads);
  }

  List<String> writes() {
    return List.copyOf(writes);
  }

  @Override
  public String apply(DesiredManifest manifest) {
    ObjectKey key = manifest.key();
    String write = "apply " + key.namespace() + "/" + key.name() + "=" + hostOf(manifest);
    failIfBroken(key, write);
    writes.add(write);
    ObjectNode object = (ObjectNode) JSON.valueToTree(manifest.object());
    // the status is the status subresource's to write, as on a server where the kind has one
    object.remove("status");
    Live before = objects.get(key.identity());
    if (before != null && before.object().has("status")) {
      object.set("status", before.object().get("status"));
    }
    if (before != null) {
      // fields others added stay, as with server-side apply
      before
          .object()
          .path("spec")
          .properties()
          .forEach(
              field ->
                  object.withObjectProperty("spec").putIfAbsent(field.getKey(), field.getValue()));
    }
    return store(new Live(key, hostOf(manifest), true, object));
  }

  @Override
  public String writeStatus(DesiredManifest manifest) {
    ObjectKey key = manifest.key();
    String write = "status " + key.namespace() + "/" + key.name();
    failIfBroken(key, write);
    Live live = objects.get(key.identity());
    if (live == null) {
      throw new IllegalStateException("not found: " + key);
    }
    writes.add(write);
    ObjectNode object = live.object().deepCopy();
    object.set(
        "status", JSON.valueToTree(manifest.object().getAdditionalProperties().get("status")));
    return store(new Live(live.key(), live.host(), live.managed(), object));
  }

  /** Someone else sets {@code status.<field>} of the object. */
  void editStatusBehindTheBack(ObjectKey key, String field, JsonNode value) {
    Live live = objects.get(key.identity());
    ObjectNode object = live.object().deepCopy();
    object.withObjectProperty("status").set(field, value);
    store(new Live(live.key(), live.host(), live.managed(), object));
  }

  @Override
  public void delete(ObjectKey key, ResourceType type) {
    String write = "delete " + key.namespace() + "/" + key.name();
    failIfBroken(key, write);
    writes.add(write);
    if (objects.remove(key.identity()) != null) {
      gone.accept(key);
    }
  }

  @Override
  public Optional<LiveObject> read(ObjectKey key, ResourceType type) {
    reads.add(key.namespace() + "/" + key.name());
    return get(key).map(live -> new LiveObject(live.key(), live.object().deepCopy()));
  }

  @Override
  public void removeFields(ObjectKey key, ResourceType type, List<List<String>> paths) {
    String write = "remove " + paths + " from " + key.namespace() + "/" + key.name();
    failIfBroken(key, write);
    writes.add(write);
    Live live = objects.get(key.identity());
    ObjectNode object = live.object().deepCopy();
    for (List<String> path : paths) {
      JsonNode parent = object;
      for (String name : path.subList(0, path.size() - 1)) {
        parent = parent.path(name);
      }
      ((ObjectNode) parent).remove(path.get(path.size() - 1));
    }
    store(new Live(live.key(), live.host(), live.managed(), object));
  }

  @Override
  public List<ObjectKey> list(ResourceKind kind) {
    return objects.values().stream()
        .filter(live -> live.managed() && live.key().kind().equals(kind.kind()))
        .map(Live::key)
        .toList();
  }

  @Override
  public void start(Consumer<LiveObject> changed, Consumer<ObjectKey> gone, Runnable synced) {
    this.changed = changed;
    this.gone = gone;
    synced.run();
    // after the listing, as an informer's events may come: the loop must not depend on them
    objects.values().forEach(this::announce);
  }

  /** As a watch that has listed everything: it knows every name, meshfed's or not. */
  @Override
  public Occupant occupant(ObjectIdentity identity) {
    Live live = objects.get(identity);
    if (live == null) {
      return Occupant.NOBODY;
    }
    return live.managed() ? Occupant.MESHFED : Occupant.OTHER;
  }

  @Override
  public void close() {
    changed = live -> {};
    gone = key -> {};
  }

  /** Failed writes to the object, e.g. "apply apps/foo=a.global failed". */
  long failedWrites(ObjectKey key) {
    String object = " " + key.namespace() + "/" + key.name();
    return writes.stream().filter(w -> w.contains(object) && w.endsWith(" failed")).count();
  }

  /** Stores the object at a new resource version, as an API server does, and returns it. */
  private String store(Live live) {
    String version = Long.toString(versions.incrementAndGet());
    live.object().withObjectProperty("metadata").put("resourceVersion", version);
    objects.put(live.key().identity(), live);
    announce(live);
    return version;
  }

  private void announce(Live live) {
    if (live.managed()) {
      LiveObject event = new LiveObject(live.key(), live.object().deepCopy());
      announced
          .computeIfAbsent(live.key().identity(), id -> new CopyOnWriteArrayList<>())
          .add(event);
      changed.accept(event);
    }
  }

  /**
   * The watch delivers the {@code nth} (from 0) event of the object once more, late: as a watch may
   * deliver the echo of a write after the writer has moved on.
   */
  void echoAgain(ObjectKey key, int nth) {
    changed.accept(announced.get(key.identity()).get(nth));
  }

  private void failIfBroken(ObjectKey key, String write) {
    String error = failing.get(key.identity());
    if (error != null) {
      writes.add(write + " failed");
      throw new IllegalStateException(error.isEmpty() ? "injected failure: " + write : error);
    }
  }

  /** The first host of the spec; empty for kinds without hosts. */
  @SuppressWarnings("unchecked")
  private static String hostOf(DesiredManifest manifest) {
    Map<String, Object> spec =
        (Map<String, Object>) manifest.object().getAdditionalProperties().get("spec");
    List<String> hosts = (List<String>) spec.get("hosts");
    return hosts == null ? "" : hosts.get(0);
  }
}
