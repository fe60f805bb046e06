package dev.meshfed.translation.model;

import dev.meshfed.schema.DiscoveredKinds;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything discovered, across clusters, indexed for translation: by id, and by cluster and kind,
 * so that looking up a cluster's control plane does not read its services. The orchestration layer
 * keeps one up to date; translators only read it. Not thread-safe: one thread owns it (derived
 * views are built on first read).
 */
public final class MeshInputs {

  // looked up by id only (the sorted views are per cluster): hashing beats a tree of every input
  private final Map<ObjectId, Input> byId = new HashMap<>();
  private final SortedMap<String, Map<Class<?>, SortedMap<ObjectId, Input>>> byCluster =
      new TreeMap<>();
  private final Map<String, SortedSet<ObjectId>> servicesByHostPrefix = new HashMap<>();
  private final Map<String, SortedSet<ObjectId>> servicesByName = new HashMap<>();
  private final Map<String, SortedSet<ObjectId>> servicesByLabel = new HashMap<>();
  private final Map<Class<?>, Long> versions = new HashMap<>();
  private final Map<Derivation<?, ?>, Derived> derived = new HashMap<>();
  private final Map<PerInput<?, ?>, Map<ObjectId, Memo>> memos = new HashMap<>();
  private final Map<State<?>, Object> states = new HashMap<>();
  private final java.util.ArrayDeque<ObjectId> serviceChanges = new java.util.ArrayDeque<>();
  private long serviceChangeCount;

  /**
   * A view derived from the inputs of one type only, such as an index: {@code name} tells apart
   * views of the same type. Used as a key, so make one constant per view.
   */
  public record Derivation<T extends Input, R>(
      Class<T> type, String name, Function<Stream<T>, R> build) {}

  private record Derived(long version, Object value) {}

  /**
   * A value computed from one input and a context (a membership, say) alone, nothing else of the
   * mesh: kept while the input and the context are the very objects it was computed from. Used as a
   * key, so make one constant per kind of value.
   */
  public record PerInput<T extends Input, R>(Class<T> type, String name) {}

  private record Memo(Input input, Object context, Object value) {}

  /**
   * State a translator keeps up to date from one call to the next (a running count, say), which
   * must come out as if built afresh from the inputs. Used as a key: one constant per kind.
   */
  public record State<S>(String name) {}

  /** Service changes remembered for {@link #servicesChangedSince}; older ones are forgotten. */
  static final int SERVICE_CHANGES_KEPT = 4096;

  public static MeshInputs of(Collection<? extends Input> inputs) {
    MeshInputs mesh = new MeshInputs();
    inputs.forEach(mesh::put);
    return mesh;
  }

  /**
   * Puts an input, replacing the one of its id. A Service, Namespace or east-west gateway the
   * Kubernetes API server would refuse is put as a {@link RejectedInput}: no look-up of its kind
   * finds it.
   */
  public void put(Input given) {
    Input input = admitted(given);
    changed(input.getClass());
    Input previous = byId.put(input.id(), input);
    if (previous != null) {
      changed(previous.getClass());
    }
    if (previous != null && previous.getClass() != input.getClass()) {
      unindex(previous);
    }
    byCluster
        .computeIfAbsent(input.id().cluster(), c -> new HashMap<>())
        .computeIfAbsent(input.getClass(), t -> new TreeMap<>())
        .put(input.id(), input);
    if (input instanceof ServiceInput || previous instanceof ServiceInput) {
      serviceChanged(input.id());
    }
    if (input instanceof ServiceInput service) {
      if (previous instanceof ServiceInput before) {
        unindexService(before);
      }
      file(servicesByHostPrefix, hostPrefix(input.id()), input.id());
      file(servicesByName, service.id().name(), input.id());
      service.labels().forEach((k, v) -> file(servicesByLabel, label(k, v), input.id()));
    }
  }

  private static Input admitted(Input input) {
    List<String> problems = KubernetesValidation.problems(input);
    return problems.isEmpty() ? input : new RejectedInput(input.id(), problems);
  }

  public void remove(ObjectId id) {
    Input removed = byId.remove(id);
    if (removed != null) {
      changed(removed.getClass());
      unindex(removed);
      memos.values().forEach(byInput -> byInput.remove(id));
      if (removed instanceof ServiceInput) {
        serviceChanged(id);
      }
    }
  }

  private void serviceChanged(ObjectId id) {
    serviceChanges.addLast(id);
    serviceChangeCount++;
    if (serviceChanges.size() > SERVICE_CHANGES_KEPT) {
      serviceChanges.removeFirst();
    }
  }

  /**
   * How many Service puts and removals there have been: a mark for {@link #servicesChangedSince}.
   */
  public long serviceChangeMark() {
    return serviceChangeCount;
  }

  /**
   * The Services put or removed since {@code mark} (each as often as it changed), or empty when
   * more changed than are remembered: then the caller reads them all.
   */
  public Optional<List<ObjectId>> servicesChangedSince(long mark) {
    long missed = serviceChangeCount - mark;
    if (missed < 0 || missed > serviceChanges.size()) {
      return Optional.empty();
    }
    List<ObjectId> changed = new java.util.ArrayList<>((int) missed);
    java.util.Iterator<ObjectId> newestFirst = serviceChanges.descendingIterator();
    for (long i = 0; i < missed; i++) {
      changed.add(newestFirst.next());
    }
    return Optional.of(changed);
  }

  /** The state kept under {@code key}, made by {@code create} on first use. */
  public <S> S state(State<S> key, java.util.function.Supplier<S> create) {
    @SuppressWarnings("unchecked")
    S state = (S) states.computeIfAbsent(key, k -> create.get());
    return state;
  }

  /**
   * What {@code compute} gives for the input in the context, computed again only for another input
   * object or another context: a unit that reads every input of a type pays for the ones that
   * changed, not for all of them on every change.
   */
  public <T extends Input, R> R memo(
      PerInput<T, R> kind, T input, Object context, Function<T, R> compute) {
    Map<ObjectId, Memo> byInput = memos.computeIfAbsent(kind, k -> new HashMap<>());
    Memo memo = byInput.get(input.id());
    if (memo != null && memo.input() == input && memo.context() == context) {
      @SuppressWarnings("unchecked")
      R value = (R) memo.value();
      return value;
    }
    R value = compute.apply(input);
    byInput.put(input.id(), new Memo(input, context, value));
    return value;
  }

  /**
   * The view {@code derivation} builds from every input of its type, built again only once an input
   * of that type (or of a subtype) has changed since: a translator looks up what it would otherwise
   * scan for, and the view costs one scan per change of its type, not one per look-up.
   */
  public <T extends Input, R> R derived(Derivation<T, R> derivation) {
    long version = version(derivation.type());
    Derived cached = derived.get(derivation);
    if (cached != null && cached.version() == version) {
      @SuppressWarnings("unchecked")
      R value = (R) cached.value();
      return value;
    }
    R value = derivation.build().apply(all(derivation.type()));
    derived.put(derivation, new Derived(version, value));
    return value;
  }

  /** Grows with every change of an input of a subtype of {@code type}. */
  private long version(Class<?> type) {
    long version = 0;
    for (Map.Entry<Class<?>, Long> changes : versions.entrySet()) {
      if (type.isAssignableFrom(changes.getKey())) {
        version += changes.getValue();
      }
    }
    return version;
  }

  private void changed(Class<?> type) {
    versions.merge(type, 1L, Long::sum);
  }

  public Optional<Input> get(ObjectId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Clusters that published anything, sorted. */
  public List<String> clusters() {
    return List.copyOf(byCluster.keySet());
  }

  /** Every input of a type, in id order (ids sort by cluster first, as the clusters here do). */
  public <T extends Input> Stream<T> all(Class<T> type) {
    return byCluster.values().stream().flatMap(kinds -> ofType(kinds, type));
  }

  /** A cluster's inputs of a type, in id order. */
  public <T extends Input> Stream<T> inCluster(String cluster, Class<T> type) {
    Map<Class<?>, SortedMap<ObjectId, Input>> kinds = byCluster.get(cluster);
    return kinds == null ? Stream.empty() : ofType(kinds, type);
  }

  /**
   * The Services whose host, before its suffix, reads {@code prefix} with dots as dashes ({@code
   * NAME-NAMESPACE-svc-CLUSTER}): objects named after hosts can only collide between these and the
   * services of a prefix that a host suffix with dots makes up for.
   */
  public Stream<ServiceInput> servicesWithHostPrefix(String prefix) {
    return servicesByHostPrefix.getOrDefault(prefix, Collections.emptySortedSet()).stream()
        .map(byId::get)
        .map(ServiceInput.class::cast);
  }

  /** Whether a Service other than {@code except} has the host prefix {@code prefix}. */
  public boolean anyServiceWithHostPrefix(String prefix, ObjectId except) {
    SortedSet<ObjectId> ids = servicesByHostPrefix.get(prefix);
    return ids != null && !ids.isEmpty() && (ids.size() > 1 || !ids.first().equals(except));
  }

  /** The Services of every cluster named {@code name}, in id order. */
  public Stream<ServiceInput> servicesNamed(String name) {
    return services(servicesByName.get(name));
  }

  /** The Services of every cluster with the label {@code key=value}, in id order. */
  public Stream<ServiceInput> servicesLabelled(String key, String value) {
    return services(servicesByLabel.get(label(key, value)));
  }

  private Stream<ServiceInput> services(SortedSet<ObjectId> ids) {
    return ids == null ? Stream.empty() : ids.stream().map(byId::get).map(ServiceInput.class::cast);
  }

  private static String label(String key, String value) {
    return key + "=" + value;
  }

  private static void file(Map<String, SortedSet<ObjectId>> index, String key, ObjectId id) {
    index.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
  }

  private static void unfile(Map<String, SortedSet<ObjectId>> index, String key, ObjectId id) {
    SortedSet<ObjectId> filed = index.get(key);
    if (filed != null && filed.remove(id) && filed.isEmpty()) {
      index.remove(key);
    }
  }

  private void unindexService(ServiceInput service) {
    unfile(servicesByHostPrefix, hostPrefix(service.id()), service.id());
    unfile(servicesByName, service.id().name(), service.id());
    service.labels().forEach((k, v) -> unfile(servicesByLabel, label(k, v), service.id()));
  }

  /** {@code NAME.NAMESPACE.svc.CLUSTER}, dots as dashes. */
  public static String hostPrefix(ObjectId service) {
    return (service.name() + "." + service.namespace() + ".svc." + service.cluster())
        .replace('.', '-');
  }

  public boolean hasNamespace(String cluster, String namespace) {
    return byId.containsKey(new ObjectId(cluster, DiscoveredKinds.NAMESPACE, "", namespace));
  }

  public int size() {
    return byId.size();
  }

  /** One input class's map, or, for an interface or other supertype, every matching one merged. */
  private static <T extends Input> Stream<T> ofType(
      Map<Class<?>, SortedMap<ObjectId, Input>> kinds, Class<T> type) {
    SortedMap<ObjectId, Input> exact = kinds.get(type);
    if (exact != null) {
      return exact.values().stream().map(type::cast);
    }
    return kinds.entrySet().stream()
        .filter(kind -> type.isAssignableFrom(kind.getKey()))
        .flatMap(kind -> kind.getValue().values().stream())
        .map(type::cast)
        .sorted((a, b) -> a.id().compareTo(b.id()));
  }

  private void unindex(Input input) {
    if (input instanceof ServiceInput service) {
      unindexService(service);
    }
    String cluster = input.id().cluster();
    Map<Class<?>, SortedMap<ObjectId, Input>> kinds = byCluster.get(cluster);
    if (kinds == null) {
      return;
    }
    SortedMap<ObjectId, Input> ofKind = kinds.get(input.getClass());
    if (ofKind != null) {
      ofKind.remove(input.id());
      if (ofKind.isEmpty()) {
        kinds.remove(input.getClass());
      }
    }
    if (kinds.isEmpty()) {
      byCluster.remove(cluster);
    }
  }
}
