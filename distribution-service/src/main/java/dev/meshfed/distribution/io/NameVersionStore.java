package dev.meshfed.distribution.io;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An informer's store that keeps each object's resource version under its namespace/name key, and
 * hands back objects with just those. fabric8's {@code ReducedStateItemStore} keeps the same, but
 * converts every watched object through a JSON tree to get them: 7 % of the distributor's CPU in a
 * cold start.
 */
final class NameVersionStore implements ItemStore<GenericKubernetesResource> {

  private final Map<String, String> versions = new ConcurrentHashMap<>();

  @Override
  public String getKey(GenericKubernetesResource object) {
    return Cache.metaNamespaceKeyFunc(object);
  }

  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
    String version = object.getMetadata().getResourceVersion();
    return reduced(key, versions.put(key, version == null ? "" : version));
  }

  @Override
  public GenericKubernetesResource remove(String key) {
    return reduced(key, versions.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return versions.keySet().stream();
  }

  @Override
  public Stream<GenericKubernetesResource> values() {
    return versions.entrySet().stream().map(e -> reduced(e.getKey(), e.getValue()));
  }

  @Override
  public int size() {
    return versions.size();
  }

  @Override
  public GenericKubernetesResource get(String key) {
    return reduced(key, versions.get(key));
  }

  @Override
  public boolean isFullState() {
    return false;
  }

  private static GenericKubernetesResource reduced(String key, String version) {
    if (version == null) {
      return null;
    }
    int slash = key.indexOf('/');
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(slash < 0 ? null : key.substring(0, slash))
            .withName(key.substring(slash + 1))
            .withResourceVersion(version)
            .build());
    return object;
  }
}
