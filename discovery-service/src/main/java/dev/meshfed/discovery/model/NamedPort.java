package dev.meshfed.discovery.model;

import java.util.Map;

/**
 * A port's number and name, as ExternalServices and ExternalEndpoints write them ({@code {number,
 * name}}): either null where absent or unreadable (the problems say which).
 */
record NamedPort(Integer number, String name) {

  static NamedPort read(LenientReader reader, Map<?, ?> port, String path) {
    return new NamedPort(
        reader.integer(port.get("number"), path + ".number").orElse(null),
        reader.string(port.get("name"), path + ".name").orElse(null));
  }
}
