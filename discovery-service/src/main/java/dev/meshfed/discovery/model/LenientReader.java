package dev.meshfed.discovery.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Reads untyped custom resource fields (JSON as maps and lists) without ever throwing: a field of
 * the wrong type reads as absent and is noted as a problem naming its path.
 */
final class LenientReader {

  private final List<String> problems = new ArrayList<>();

  List<String> problems() {
    return List.copyOf(problems);
  }

  Optional<Map<?, ?>> map(Object value, String path) {
    return typed(value, Map.class, "an object", path).map(map -> (Map<?, ?>) map);
  }

  List<?> list(Object value, String path) {
    return typed(value, List.class, "a list", path).map(list -> (List<?>) list).orElse(List.of());
  }

  /**
   * Each object of a list, read by {@code item} (given the object and its path); items that are no
   * object, or that {@code item} leaves empty, are left out (as problems, where they are).
   */
  <T> List<T> objects(Object value, String path, BiFunction<Map<?, ?>, String, Optional<T>> item) {
    List<T> read = new ArrayList<>();
    List<?> items = list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = index(path, i);
      map(items.get(i), itemPath)
          .flatMap(object -> item.apply(object, itemPath))
          .ifPresent(read::add);
    }
    return read;
  }

  /**
   * Each object of a list read whole: one in which some field cannot be read is left out, as read
   * without that field it would say more or less than was written (the problems say which).
   */
  <T> List<T> wholeObjects(
      Object value, String path, BiFunction<Map<?, ?>, String, Optional<T>> item) {
    return objects(value, path, (object, itemPath) -> whole(object, itemPath, item));
  }

  /** One object read whole, as each of {@link #wholeObjects}: empty if some field is unreadable. */
  <T> Optional<T> wholeObject(
      Object value, String path, BiFunction<Map<?, ?>, String, Optional<T>> item) {
    return map(value, path).flatMap(object -> whole(object, path, item));
  }

  private <T> Optional<T> whole(
      Map<?, ?> object, String path, BiFunction<Map<?, ?>, String, Optional<T>> item) {
    int problemsBefore = problems.size();
    Optional<T> read = item.apply(object, path);
    return problems.size() == problemsBefore ? read : Optional.empty();
  }

  Optional<String> string(Object value, String path) {
    return typed(value, String.class, "a string", path);
  }

  /** A list of strings; items that are no string are left out, as problems. */
  List<String> strings(Object value, String path) {
    List<String> read = new ArrayList<>();
    List<?> items = list(value, path);
    for (int i = 0; i < items.size(); i++) {
      string(items.get(i), index(path, i)).ifPresent(read::add);
    }
    return read;
  }

  /**
   * A field of Gloo Mesh's that meshfed does not read: written, it is a problem, since the object
   * read without it would mean something else than was written.
   */
  void unsupported(Object value, String path) {
    if (value != null) {
      problems.add(path + ": not supported by meshfed, left out");
    }
  }

  /**
   * Every field of an object other than those meshfed reads, as {@link #unsupported} (in name
   * order): Gloo Mesh's fields meshfed cannot represent, and misspelt ones.
   */
  void unsupportedFields(Map<?, ?> object, String path, Collection<String> read) {
    object.keySet().stream()
        .map(String::valueOf)
        .filter(name -> !read.contains(name))
        .sorted()
        .forEach(name -> unsupported(object.get(name), path + "." + name));
  }

  /** A problem the caller found in what it read. */
  void problem(String message) {
    problems.add(message);
  }

  /** A string that must be there: absent is a problem too. */
  Optional<String> requiredString(Object value, String path) {
    if (value == null) {
      problems.add(path + ": missing");
    }
    return string(value, path);
  }

  /** A whole number that fits an int; JSON numbers arrive as Integer, Long or Double. */
  Optional<Integer> integer(Object value, String path) {
    Optional<Number> number = typed(value, Number.class, "a whole number", path);
    if (number.isPresent() && number.get().doubleValue() != number.get().intValue()) {
      problems.add(path + ": expected a whole number, found " + describe(value));
      return Optional.empty();
    }
    return number.map(Number::intValue);
  }

  /**
   * A whole number or a string (Kubernetes' IntOrString), as text: {@code 8080} and {@code "8080"}
   * both read as "8080".
   */
  Optional<String> intOrString(Object value, String path) {
    if (value instanceof Number) {
      return integer(value, path).map(String::valueOf);
    }
    return typed(value, String.class, "a whole number or a string", path);
  }

  /**
   * A duration as written ({@code 10s}, {@code 1m30s}): a string, whose syntax translation judges.
   * A bare number is a problem, since its unit would be a guess.
   */
  Optional<String> duration(Object value, String path) {
    return typed(value, String.class, "a duration such as '10s'", path);
  }

  /** Any number, whole or not, such as a percentage ({@code 50}, {@code 12.5}). */
  Optional<Double> number(Object value, String path) {
    return typed(value, Number.class, "a number", path).map(Number::doubleValue);
  }

  Optional<Boolean> bool(Object value, String path) {
    return typed(value, Boolean.class, "a boolean", path);
  }

  /** A map of strings; entries whose value is not a string are left out. */
  Map<String, String> stringMap(Object value, String path) {
    Map<String, String> result = new TreeMap<>();
    map(value, path)
        .ifPresent(
            map ->
                map.forEach(
                    (name, entry) ->
                        string(entry, path + "." + name)
                            .ifPresent(text -> result.put(String.valueOf(name), text))));
    return result;
  }

  /** A field of an object that may itself be absent. */
  static Object field(Optional<Map<?, ?>> object, String name) {
    return object.map(map -> map.get(name)).orElse(null);
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  private <T> Optional<T> typed(Object value, Class<T> type, String expected, String path) {
    if (value == null) {
      return Optional.empty();
    }
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    problems.add(path + ": expected " + expected + ", found " + describe(value));
    return Optional.empty();
  }

  private static String describe(Object value) {
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "'" + value + "'";
  }
}
