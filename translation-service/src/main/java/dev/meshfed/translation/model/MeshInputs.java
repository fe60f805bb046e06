package dev.meshfed.translation.model;

import dev.meshfed.schema.DiscoveredKinds;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything discovered, across clusters, indexed for translation. The orchestration layer keeps
 * one up to date; translators only read it.
 */
public final class MeshInputs {

  private final SortedMap<ObjectId, Input> byId = new TreeMap<>();
  private final SortedMap<String, SortedMap<ObjectId, Input>> byCluster = new TreeMap<>();

  public static MeshInputs of(Collection<? extends Input> inputs) {
    MeshInputs mesh = new MeshInputs();
    inputs.forEach(mesh::put);
    return mesh;
  }

  public void put(Input input) {
    byId.put(input.id(), input);
    byCluster.computeIfAbsent(input.id().cluster(), c -> new TreeMap<>()).put(input.id(), input);
  }

  public void remove(ObjectId id) {
    byId.remove(id);
    SortedMap<ObjectId, Input> cluster = byCluster.get(id.cluster());
    if (cluster != null) {
      cluster.remove(id);
      if (cluster.isEmpty()) {
        byCluster.remove(id.cluster());
      }
    }
  }

  public Optional<Input> get(ObjectId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Clusters that published anything, sorted. */
  public List<String> clusters() {
    return List.copyOf(byCluster.keySet());
  }

  public <T extends Input> Stream<T> all(Class<T> type) {
    return byId.values().stream().filter(type::isInstance).map(type::cast);
  }

  public <T extends Input> Stream<T> inCluster(String cluster, Class<T> type) {
    return byCluster.getOrDefault(cluster, new TreeMap<>()).values().stream()
        .filter(type::isInstance)
        .map(type::cast);
  }

  public boolean hasNamespace(String cluster, String namespace) {
    return byId.containsKey(new ObjectId(cluster, DiscoveredKinds.NAMESPACE, "", namespace));
  }

  public int size() {
    return byId.size();
  }
}
