package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.ObjectSelector;
import java.util.List;
import java.util.Optional;

/**
 * A route policy's {@code applyToRoutes}: Gloo Mesh's RouteSelectors, each as its {@code route}
 * selector (name and labels of the route, namespace, cluster and workspace of its route table); an
 * entry without one selects every route. One that cannot be fully read is left out: read without a
 * field, it would select more routes than was written.
 */
final class RouteSelectors {

  private static final List<String> FIELDS = List.of("route");

  private RouteSelectors() {}

  static List<ObjectSelector> read(LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value,
        path,
        (item, itemPath) -> {
          reader.unsupportedFields(item, itemPath, FIELDS);
          return Optional.of(
              ObjectSelectors.readOrAll(reader, item.get("route"), itemPath + ".route"));
        });
  }
}
