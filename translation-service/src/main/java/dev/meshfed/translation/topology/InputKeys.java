package dev.meshfed.translation.topology;

import dev.meshfed.translation.model.ObjectId;

/** State-store keys of inputs: {@code cluster|kind|namespace|name} (none of them has a '|'). */
final class InputKeys {

  private InputKeys() {}

  static String of(ObjectId id) {
    return id.cluster() + "|" + id.kind() + "|" + id.namespace() + "|" + id.name();
  }

  static ObjectId parse(String key) {
    String[] parts = key.split("\\|", -1);
    if (parts.length != 4) {
      throw new IllegalStateException("Not an input store key: " + key);
    }
    return new ObjectId(parts[0], parts[1], parts[2], parts[3]);
  }
}
