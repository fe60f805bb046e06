package dev.meshfed.translation.topology;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.UnitId;
import java.util.Optional;

/** Parses {@link UnitId#key()} back. */
final class UnitKeys {

  private UnitKeys() {}

  static Optional<UnitId> parse(String key) {
    if (key.equals(UnitId.MEMBERSHIP.key())) {
      return Optional.of(UnitId.MEMBERSHIP);
    }
    if (key.startsWith("gateway|")) {
      return Optional.of(UnitId.gateway(key.substring("gateway|".length())));
    }
    if (key.startsWith("status|")) {
      return Optional.of(UnitId.status(key.substring("status|".length())));
    }
    if (key.startsWith("proxy-config|")) {
      return Optional.of(UnitId.proxyConfig(key.substring("proxy-config|".length())));
    }
    if (key.startsWith("service|")) {
      String[] ref = key.substring("service|".length()).split("/", -1);
      if (ref.length == 4) {
        return Optional.of(UnitId.service(new ObjectId(ref[0], ref[1], ref[2], ref[3])));
      }
    }
    return Optional.empty();
  }
}
