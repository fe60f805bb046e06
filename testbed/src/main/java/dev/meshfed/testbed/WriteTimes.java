package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.API;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the store last changed an object of each API group, by {@link System#nanoTime()}: what a
 * harness in the same JVM would otherwise learn from watches of its own, whose events the server
 * serialises and the harness's client parses on the cores the measured services use.
 */
final class WriteTimes {

  private final Map<String, Long> lastByGroup = new ConcurrentHashMap<>();
  private final Map<String, Long> lastBesidesStatusByGroup = new ConcurrentHashMap<>();

  /**
   * A change of the object whose attributes are {@code attributes}, before or after; {@code
   * statusOnly} when it was written through its status subresource.
   */
  void changed(AttributeSet attributes, boolean statusOnly) {
    long now = System.nanoTime();
    String group = groupOf(attributes);
    lastByGroup.merge(group, now, Math::max);
    if (!statusOnly) {
      lastBesidesStatusByGroup.merge(group, now, Math::max);
    }
  }

  /** The last change of an object of any of {@code groups}; empty if none changed. */
  OptionalLong last(Collection<String> groups) {
    return groups.stream()
        .map(lastByGroup::get)
        .filter(time -> time != null)
        .mapToLong(Long::longValue)
        .max();
  }

  /**
   * The last change, other than of a status, of an object of a group other than {@code groups};
   * empty if none changed.
   */
  OptionalLong lastBesidesStatusOutside(Collection<String> groups) {
    return lastBesidesStatusByGroup.entrySet().stream()
        .filter(entry -> !groups.contains(entry.getKey()))
        .mapToLong(Map.Entry::getValue)
        .max();
  }

  /** The core group ("") for built-in kinds, which fabric8's attributes give none. */
  private static String groupOf(AttributeSet attributes) {
    Attribute group = attributes.getAttribute(API);
    return group == null || group.getValues().isEmpty() ? "" : group.getValues().get(0).toString();
  }
}
