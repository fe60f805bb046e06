package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DestinationSelector;
import dev.meshfed.schema.discovery.ObjectSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy's {@code applyToDestinations}: Gloo Mesh's DestinationSelectors ({@code kind}, {@code
 * selector}, {@code port}), as written. One that cannot be fully read is left out: read without a
 * field, it would select more (or other) destinations than was written.
 */
final class DestinationSelectors {

  private static final String DEFAULT_KIND = "SERVICE";

  private DestinationSelectors() {}

  static List<DestinationSelector> read(LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value, path, (item, itemPath) -> Optional.of(destination(reader, item, itemPath)));
  }

  private static DestinationSelector destination(
      LenientReader reader, Map<?, ?> item, String path) {
    String kind = kind(reader, item, path);
    ObjectSelector selector = selector(reader, item.get("selector"), path + ".selector");
    var port = PortSelection.readIfWritten(reader, item.get("port"), path + ".port");
    return DestinationSelector.newBuilder()
        .setKind(kind)
        .setSelector(selector)
        .setPortNumber(port.number())
        .setPortName(port.name())
        .build();
  }

  /**
   * A destination's kind as written (SERVICE, VIRTUAL_DESTINATION or EXTERNAL_SERVICE); absent,
   * SERVICE.
   */
  static String kind(LenientReader reader, Map<?, ?> destination, String path) {
    return reader.string(destination.get("kind"), path + ".kind").orElse(DEFAULT_KIND);
  }

  /** Absent: null (every destination of the kind); {@code {}}: a selector with no field set. */
  private static ObjectSelector selector(LenientReader reader, Object value, String path) {
    return reader
        .map(value, path)
        .map(selector -> ObjectSelectors.read(reader, selector, path))
        .orElse(null);
  }
}
