package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/** What the mesh generators share: one seeded source of randomness, and objects of input files. */
abstract class RandomObjects {

  static final String ADMIN_NAMESPACE = "gloo-mesh";
  static final String ISTIO_NAMESPACE = "istio-system";

  final Random random;

  RandomObjects(Random random) {
    this.random = random;
  }

  ObjectNode object(String kind, String namespace, String name) {
    ObjectNode object = JsonNodeFactory.instance.objectNode().put("kind", kind);
    if (!namespace.isEmpty()) {
      object.put("namespace", namespace);
    }
    return object.put("name", name);
  }

  /** A DNS-1123 label: the prefix, a dash and a few random letters or digits. */
  String name(String prefix) {
    StringBuilder name = new StringBuilder(prefix).append('-');
    for (int i = 1 + random.nextInt(5); i > 0; i--) {
      name.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
    }
    return name.toString();
  }

  void distinct(List<String> into, int count, Supplier<String> next) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      names.add(next.get());
    }
    into.addAll(names);
  }

  static ObjectNode add(ArrayNode objects, ObjectNode object) {
    objects.add(object);
    return object;
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  static List<String> words(String words) {
    return List.of(words.split(" "));
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
