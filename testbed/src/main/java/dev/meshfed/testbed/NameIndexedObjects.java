package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CRUD store's objects, also indexed by name. fabric8's store answers every look-up of one
 * object by matching the query against every stored object: with thousands of objects per cluster
 * that scan, not meshfed, is what a bench would measure. Writes keep the index; everything else
 * reads through to a synchronized map, as fabric8's own.
 */
final class NameIndexedObjects extends AbstractMap<AttributeSet, String> {

  private static final String ANY = "*";

  private final Map<AttributeSet, String> objects =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, Set<AttributeSet>> byName = new HashMap<>();
  private volatile AttributeSet lastStoredKey;

  /** The first stored object, in insertion order, whose attributes satisfy a query by name. */
  Optional<Map.Entry<AttributeSet, String>> findNamed(AttributeSet query) {
    return allNamed(query).stream().findFirst();
  }

  /** Every stored object, in insertion order, whose attributes satisfy a query by name. */
  List<Map.Entry<AttributeSet, String>> allNamed(AttributeSet query) {
    Optional<String> name = singleName(query);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("not a query by one name: " + query);
    }
    synchronized (objects) {
      List<Map.Entry<AttributeSet, String>> found = new ArrayList<>();
      for (AttributeSet key : byName.getOrDefault(name.get(), Set.of())) {
        if (key.matches(query)) {
          found.add(Map.entry(key, objects.get(key)));
        }
      }
      return found;
    }
  }

  /** Every stored object whose attributes satisfy the query, by a scan of them all. */
  List<Map.Entry<AttributeSet, String>> allMatching(AttributeSet query) {
    synchronized (objects) {
      List<Map.Entry<AttributeSet, String>> found = new ArrayList<>();
      objects.forEach(
          (key, value) -> {
            if (key.matches(query)) {
              found.add(Map.entry(key, value));
            }
          });
      return found;
    }
  }

  /**
   * The attributes of the latest object stored: fabric8 works them out inside its write and does
   * not return them. Read under the store's write lock, right after the write.
   */
  AttributeSet lastStoredKey() {
    return lastStoredKey;
  }

  static boolean isByName(AttributeSet query) {
    return singleName(query).isPresent();
  }

  @Override
  public String put(AttributeSet key, String value) {
    synchronized (objects) {
      singleName(key)
          .ifPresent(n -> byName.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(key));
      lastStoredKey = key;
      return objects.put(key, value);
    }
  }

  @Override
  public String remove(Object key) {
    synchronized (objects) {
      if (key instanceof AttributeSet attributes) {
        singleName(attributes).ifPresent(n -> unindex(n, attributes));
      }
      return objects.remove(key);
    }
  }

  @Override
  public void clear() {
    synchronized (objects) {
      byName.clear();
      objects.clear();
    }
  }

  @Override
  public String get(Object key) {
    return objects.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return objects.containsKey(key);
  }

  @Override
  public int size() {
    return objects.size();
  }

  /** Read-only: a write through a view would bypass the index. */
  @Override
  public Set<Map.Entry<AttributeSet, String>> entrySet() {
    return Collections.unmodifiableMap(objects).entrySet();
  }

  @Override
  public Set<AttributeSet> keySet() {
    return Collections.unmodifiableSet(objects.keySet());
  }

  @Override
  public Collection<String> values() {
    return Collections.unmodifiableCollection(objects.values());
  }

  private void unindex(String name, AttributeSet key) {
    Set<AttributeSet> named = byName.get(name);
    if (named != null) {
      named.remove(key);
      if (named.isEmpty()) {
        byName.remove(name);
      }
    }
  }

  /** The one exact name an object has or a query asks for; a wildcard is none. */
  private static Optional<String> singleName(AttributeSet attributes) {
    Attribute name = attributes.getAttribute(NAME);
    if (name == null || name.getType() != AttributeType.WITH || name.getValues().size() != 1) {
      return Optional.empty();
    }
    String value = String.valueOf(name.getValues().get(0));
    return value.equals(ANY) ? Optional.empty() : Optional.of(value);
  }
}
