package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy's settings: under {@code spec.config}, as Gloo Mesh writes them, or directly under
 * {@code spec}, which meshfed accepts too.
 *
 * @param fields the object holding them, if any
 * @param path where that object is, for problems
 */
record PolicyConfig(Optional<Map<?, ?>> fields, String path) {

  /**
   * @param names the settings the policy has: where {@code spec.config} is written, one of them
   *     also written directly under {@code spec} is a problem (only one of the two is read)
   */
  static PolicyConfig read(LenientReader reader, Optional<Map<?, ?>> spec, List<String> names) {
    Object config = field(spec, "config");
    if (config == null) {
      return new PolicyConfig(spec, "spec");
    }
    for (String name : names) {
      if (field(spec, name) != null) {
        reader.problem("spec." + name + ": left out, as spec.config is given");
      }
    }
    return new PolicyConfig(reader.map(config, "spec.config"), "spec.config");
  }

  Object get(String name) {
    return field(fields, name);
  }

  String path(String name) {
    return path + "." + name;
  }
}
