package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

  /**
   * As {@link #read}, and every field meshfed does not read is a problem: under spec, one other
   * than {@code specFields}, config and the settings; under spec.config, one other than the
   * settings.
   */
  static PolicyConfig readReportingOthers(
      LenientReader reader, Optional<Map<?, ?>> spec, List<String> specFields, List<String> names) {
    Set<String> read = new HashSet<>(specFields);
    read.add("config");
    read.addAll(names);
    spec.ifPresent(fields -> reader.unsupportedFields(fields, "spec", read));
    PolicyConfig config = read(reader, spec, names);
    boolean underConfig = field(spec, "config") != null;
    if (underConfig) {
      config.fields().ifPresent(fields -> reader.unsupportedFields(fields, config.path(), names));
    }
    return config;
  }

  Object get(String name) {
    return field(fields, name);
  }

  String path(String name) {
    return path + "." + name;
  }
}
