package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.DiscoveryMapper;
import dev.meshfed.discovery.model.Mapping;
import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.model.Write;
import dev.meshfed.schema.discovery.DiscoveryKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the watched cluster has now, as records: read from the watch's cache, under the namespace
 * selection (an object's namespace is looked up in the cache too).
 */
final class ClusterState {

  private final ClusterWatch watch;
  private final NamespaceSelection selection;

  ClusterState(ClusterWatch watch, NamespaceSelection selection) {
    this.watch = watch;
    this.selection = selection;
  }

  NamespaceSelection selection() {
    return selection;
  }

  /** The current record for a key, or a tombstone when no cached object owns the key. */
  Write current(DiscoveryKey key) {
    return Source.publishing(key.getKind())
        .flatMap(source -> mapping(source, key))
        .flatMap(mapping -> find(mapping, key))
        .orElseGet(() -> Write.tombstone(key));
  }

  /** The writes of every cached object: its records, and tombstones for keys it does not own. */
  List<Write> currentWrites() {
    return Arrays.stream(Source.values()).flatMap(this::currentWrites).toList();
  }

  /**
   * The writes of every cached object in a namespace whose records follow the selection: what its
   * namespace's labels decide.
   */
  List<Write> namespaceWrites(String namespace) {
    return NamespaceSelection.namespacedSources().stream()
        .flatMap(
            source ->
                watch.cachedIn(source, namespace).stream()
                    .flatMap(object -> selected(source, object).writes().stream()))
        .toList();
  }

  /** An object's mapping, under the selection as the cache has its namespace now. */
  Mapping selected(Source source, HasMetadata object) {
    return selected(source, object, DiscoveryMapper.map(source, object));
  }

  /** A mapping of the object, under the selection as the cache has its namespace now. */
  Mapping selected(Source source, HasMetadata object, Mapping mapping) {
    if (selection.selectsEverything()) {
      return mapping;
    }
    return selection.apply(mapping, namespaceLabels(source, object));
  }

  /** A Namespace's own labels; for other objects, those of their namespace in the cache. */
  private Optional<Map<String, String>> namespaceLabels(Source source, HasMetadata object) {
    if (source == Source.NAMESPACES) {
      return Optional.of(labels(object));
    }
    String namespace = object.getMetadata().getNamespace();
    if (namespace == null || namespace.isEmpty()) {
      return Optional.empty();
    }
    return watch.cached(Source.NAMESPACES, "", namespace).map(ClusterState::labels);
  }

  private static Map<String, String> labels(HasMetadata object) {
    return Optional.ofNullable(object.getMetadata().getLabels()).orElse(Map.of());
  }

  private Stream<Write> currentWrites(Source source) {
    return watch.cached(source).stream()
        .flatMap(object -> selected(source, object).writes().stream());
  }

  private Optional<Mapping> mapping(Source source, DiscoveryKey key) {
    return watch
        .cached(source, key.getNamespace(), key.getName())
        .map(object -> selected(source, object));
  }

  private static Optional<Write> find(Mapping mapping, DiscoveryKey key) {
    return mapping.writes().stream().filter(write -> write.key().equals(key)).findFirst();
  }
}
