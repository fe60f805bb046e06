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
    var written = NamedPort.read(reader, port, path);
    return new PortSelection(written.number(), written.name());
  }

  /**
   * A target port as text: Gloo's {@code {number}} or {@code {name}}, or the number or name written
   * directly; null where absent or unreadable (the problems say which).
   */
  static String text(LenientReader reader, Object value, String path) {
    if (!(value instanceof Map<?, ?> target)) {
      return reader.intOrString(value, path).orElse(null);
    }
    PortSelection port = read(reader, target, path);
    return port.number() != null ? String.valueOf(port.number()) : port.name();
  }

  /** Absent: every port. */
  static PortSelection readIfWritten(LenientReader reader, Object value, String path) {
    return reader.map(value, path).map(port -> read(reader, port, path)).orElse(EVERY_PORT);
  }
}
