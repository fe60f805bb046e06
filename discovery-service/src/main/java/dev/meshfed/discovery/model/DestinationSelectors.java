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
    var destination =
        DestinationSelector.newBuilder()
            .setKind(reader.string(item.get("kind"), path + ".kind").orElse(DEFAULT_KIND))
            .setSelector(selector(reader, item.get("selector"), path + ".selector"));
    reader
        .map(item.get("port"), path + ".port")
        .ifPresent(port -> readPort(reader, port, path + ".port", destination));
    return destination.build();
  }

  /** Absent: null (every destination of the kind); {@code {}}: a selector with no field set. */
  private static ObjectSelector selector(LenientReader reader, Object value, String path) {
    return reader
        .map(value, path)
        .map(selector -> ObjectSelectors.read(reader, selector, path))
        .orElse(null);
  }

  /** Gloo's PortSelector: {@code {number}} or {@code {name}}; neither selects every port. */
  private static void readPort(
      LenientReader reader, Map<?, ?> port, String path, DestinationSelector.Builder destination) {
    if (port.containsKey("number") && port.containsKey("name")) {
      reader.problem(path + ": expected a number or a name, found both");
      return;
    }
    destination.setPortNumber(reader.integer(port.get("number"), path + ".number").orElse(null));
    destination.setPortName(reader.string(port.get("name"), path + ".name").orElse(null));
  }
}
