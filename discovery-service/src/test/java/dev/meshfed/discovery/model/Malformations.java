package dev.meshfed.discovery.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded malformations of an object's fields, as users and broken tools write them: values of the
 * wrong type, missing and extra fields, nulls, strings at and past Kubernetes' length limits,
 * unicode, invalid selectors and DNS names, ports 0, 65536 and negative, duplicated and emptied
 * lists.
 */
final class Malformations {

  /** One change: where, and whether it changed the field's JSON type (which must be reported). */
  record Change(String path, boolean wrongType, String description) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "*",
          "a".repeat(63),
          "a".repeat(64),
          "a".repeat(253),
          "a".repeat(254),
          "x".repeat(5000),
          "UPPER_case",
          "-leading-dash",
          "trailing-dot.",
          "a..b",
          "ünïcödé",
          "名前",
          "emoji-\uD83D\uDE80",
          "rtl-\u202Eevil",
          "zero\u200Bwidth",
          "new\nline",
          "../../etc/passwd",
          "app in (",
          "!!!",
          "key=value,=",
          "Not_A_Suffix",
          "svc.cluster.local",
          "10.0.0.1/33",
          "http",
          "UDP",
          "65536");
  private static final List<Long> NUMBERS =
      List.of(0L, -1L, 1L, 65535L, 65536L, 2147483647L, 2147483648L, -2147483649L);

  private final Random random;
  private final boolean typesAreFixed;

  /**
   * @param typesAreFixed for kinds the client reads into typed classes (Service, Deployment, ...):
   *     a value of another type would never reach discovery, so only values change
   */
  Malformations(Random random, boolean typesAreFixed) {
    this.random = random;
    this.typesAreFixed = typesAreFixed;
  }

  /** Applies one to three changes under {@code root} (a field of {@code object}, e.g. "spec"). */
  List<Change> apply(ObjectNode object, String root) {
    List<Change> changes = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      List<Place> places = new ArrayList<>();
      collect(object, root, object.get(root), places);
      if (places.isEmpty()) {
        break;
      }
      Place place = places.get(random.nextInt(places.size()));
      changes.add(change(place));
    }
    return changes;
  }

  private Change change(Place place) {
    JsonNode current = place.value();
    int choice = random.nextInt(typesAreFixed ? 4 : 8);
    if (choice == 0 && current.isArray() && !current.isEmpty()) {
      ArrayNode list = (ArrayNode) current;
      list.add(list.get(random.nextInt(list.size())).deepCopy());
      return new Change(place.path(), false, "a duplicated item");
    }
    if (choice == 1 && current.isArray()) {
      ((ArrayNode) current).removeAll();
      return new Change(place.path(), false, "emptied");
    }
    if (choice <= 2 || current.isTextual()) {
      if (current.isTextual() || !typesAreFixed) {
        String value = STRINGS.get(random.nextInt(STRINGS.size()));
        place.set(NODES.textNode(value));
        return new Change(place.path(), !current.isTextual(), "the string " + shorten(value));
      }
    }
    if (current.isNumber() || (choice == 3 && !typesAreFixed)) {
      long value = NUMBERS.get(random.nextInt(NUMBERS.size()));
      place.set(NODES.numberNode(value));
      return new Change(place.path(), !current.isNumber(), "the number " + value);
    }
    if (typesAreFixed) {
      return new Change(place.path(), false, "unchanged");
    }
    return switch (choice) {
      case 4 -> {
        place.set(NODES.nullNode());
        yield new Change(place.path(), false, "null");
      }
      case 5 -> {
        place.remove();
        yield new Change(place.path(), false, "removed");
      }
      case 6 -> {
        JsonNode wrong = current.isObject() ? NODES.arrayNode().add(1) : NODES.objectNode();
        place.set(wrong);
        yield new Change(place.path(), true, "a value of another type: " + wrong);
      }
      default -> {
        if (current.isObject()) {
          ((ObjectNode) current).put("fuzzExtra", "extra");
          yield new Change(place.path(), false, "an extra field");
        }
        place.set(NODES.booleanNode(random.nextBoolean()));
        yield new Change(place.path(), !current.isBoolean(), "a boolean");
      }
    };
  }

  private static String shorten(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "... (" + value.length() + ")" : value;
  }

  private static void collect(JsonNode parent, String key, JsonNode value, List<Place> places) {
    if (value == null) {
      return;
    }
    places.add(new Place(parent, key, -1, key, value));
    collectChildren(key, value, places);
  }

  private static void collectChildren(String path, JsonNode value, List<Place> places) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String child = path + "." + field.getKey();
        places.add(new Place(value, field.getKey(), -1, child, field.getValue()));
        collectChildren(child, field.getValue(), places);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        String child = path + "[" + i + "]";
        places.add(new Place(value, null, i, child, value.get(i)));
        collectChildren(child, value.get(i), places);
      }
    }
  }

  /** A field of an object (name) or an item of a list (index), with its path and value. */
  private record Place(JsonNode parent, String name, int index, String path, JsonNode value) {

    void set(JsonNode replacement) {
      if (name != null) {
        ((ObjectNode) parent).set(name, replacement);
      } else {
        ((ArrayNode) parent).set(index, replacement);
      }
    }

    void remove() {
      if (name != null) {
        ((ObjectNode) parent).remove(name);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }
}
