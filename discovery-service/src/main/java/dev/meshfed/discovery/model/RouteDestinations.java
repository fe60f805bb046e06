package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.RouteDestination;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a route sends requests: Gloo Mesh's DestinationReference ({@code ref, kind, port, subset,
 * weight}), as written. One that cannot be fully read is left out: read without a field, it would
 * be another destination (or take another share of the requests) than was written.
 */
final class RouteDestinations {

  private static final List<String> FIELDS = List.of("ref", "kind", "port", "subset", "weight");

  private RouteDestinations() {}

  static List<RouteDestination> read(LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value, path, (item, itemPath) -> Optional.of(destination(reader, item, itemPath)));
  }

  /** A single destination (the route table's default); null when absent or not fully readable. */
  static RouteDestination readOne(LenientReader reader, Object value, String path) {
    return reader
        .wholeObject(
            value, path, (item, itemPath) -> Optional.of(destination(reader, item, itemPath)))
        .orElse(null);
  }

  /**
   * A mirror's destination (a MirrorPolicy's): one, so a {@code weight} is no setting of it (the
   * policy's percentage is). Written, the weight is a problem and the destination is read without
   * it, as it still names the same destination; a subset is read as for a route.
   */
  static RouteDestination readMirror(LenientReader reader, Object value, String path) {
    if (!(value instanceof Map<?, ?> destination) || !destination.containsKey("weight")) {
      return readOne(reader, value, path);
    }
    var withoutWeight = new LinkedHashMap<Object, Object>(destination);
    withoutWeight.remove("weight");
    RouteDestination read = readOne(reader, withoutWeight, path);
    reader.problem(path + ".weight: not supported by a mirror's one destination, left out");
    return read;
  }

  private static RouteDestination destination(LenientReader reader, Map<?, ?> item, String path) {
    reader.unsupportedFields(item, path, FIELDS);
    var ref =
        reader
            .map(item.get("ref"), path + ".ref")
            .map(reference -> ObjectSelectors.reference(reader, reference, path + ".ref"))
            .orElse(null);
    String kind = DestinationSelectors.kind(reader, item, path);
    var port = PortSelection.readIfWritten(reader, item.get("port"), path + ".port");
    return RouteDestination.newBuilder()
        .setRef(ref)
        .setKind(kind)
        .setPortNumber(port.number())
        .setPortName(port.name())
        .setSubset(reader.stringMap(item.get("subset"), path + ".subset"))
        .setWeight(reader.integer(item.get("weight"), path + ".weight").orElse(null))
        .build();
  }
}
