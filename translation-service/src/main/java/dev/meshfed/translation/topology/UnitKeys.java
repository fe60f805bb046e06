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
      return ref(key, "service|").map(UnitId::service);
    }
    if (key.startsWith("policy|")) {
      return ref(key, "policy|").map(UnitId::policy);
    }
    if (key.startsWith("external-service|")) {
      return ref(key, "external-service|").map(UnitId::externalService);
    }
    if (key.startsWith("route-table|")) {
      return ref(key, "route-table|").map(UnitId::routeTable);
    }
    if (key.startsWith("peering|")) {
      return Optional.of(UnitId.peering(key.substring("peering|".length())));
    }
    if (key.startsWith("clusterset-service|")) {
      String[] service = key.substring("clusterset-service|".length()).split("/", -1);
      return service.length == 2
          ? Optional.of(UnitId.clustersetService(service[0], service[1]))
          : Optional.empty();
    }
    if (key.startsWith("virtual-destination-endpoints|")) {
      return ref(key, "virtual-destination-endpoints|").map(UnitId::virtualDestinationEndpoints);
    }
    if (key.startsWith("virtual-destination|")) {
      return ref(key, "virtual-destination|").map(UnitId::virtualDestination);
    }
    return Optional.empty();
  }

  private static Optional<ObjectId> ref(String key, String prefix) {
    String[] ref = key.substring(prefix.length()).split("/", -1);
    return ref.length == 4
        ? Optional.of(new ObjectId(ref[0], ref[1], ref[2], ref[3]))
        : Optional.empty();
  }
}
