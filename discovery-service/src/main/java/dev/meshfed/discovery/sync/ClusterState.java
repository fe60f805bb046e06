package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.DiscoveryMapper;
import dev.meshfed.discovery.model.Mapping;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.model.Write;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the watched cluster has now, as records: read from the watch's cache. */
final class ClusterState {

  private final ClusterWatch watch;

  ClusterState(ClusterWatch watch) {
    this.watch = watch;
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

  private Stream<Write> currentWrites(Source source) {
    return watch.cached(source).stream()
        .flatMap(object -> DiscoveryMapper.map(source, object).writes().stream());
  }

  private Optional<Mapping> mapping(Source source, DiscoveryKey key) {
    return watch
        .cached(source, key.getNamespace(), key.getName())
        .map(object -> DiscoveryMapper.map(source, object));
  }

  private static Optional<Write> find(Mapping mapping, DiscoveryKey key) {
    return mapping.writes().stream().filter(write -> write.key().equals(key)).findFirst();
  }
}
