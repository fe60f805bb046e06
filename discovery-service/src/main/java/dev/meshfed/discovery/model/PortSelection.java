package dev.meshfed.discovery.model;

import java.util.Map;

/**
 * Gloo Mesh's PortSelector, {@code {number}} or {@code {name}}: both null select every port.
 *
 * @param number null unless written (and readable)
 * @param name null unless written (and readable)
 */
record PortSelection(Integer number, String name) {

  static final PortSelection EVERY_PORT = new PortSelection(null, null);

  /** Both written is a problem, and selects every port. */
  static PortSelection read(LenientReader reader, Map<?, ?> port, String path) {
    if (port.containsKey("number") && port.containsKey("name")) {
      reader.problem(path + ": expected a number or a name, found both");
      return EVERY_PORT;
    }
    return new PortSelection(
        reader.integer(port.get("number"), path + ".number").orElse(null),
        reader.string(port.get("name"), path + ".name").orElse(null));
  }

  /** Absent: every port. */
  static PortSelection readIfWritten(LenientReader reader, Object value, String path) {
    return reader.map(value, path).map(port -> read(reader, port, path)).orElse(EVERY_PORT);
  }
}
