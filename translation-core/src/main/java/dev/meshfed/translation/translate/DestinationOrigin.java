package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.ObjectId;

/**
 * Who a VirtualDestination comes from: users wrote it, or meshfed made it of a Multi-Cluster
 * Services clusterset or of an OpenShift Service Mesh peering, to translate those by the same
 * rules. The made ones are backed by exactly the services they name, reach the audience they are
 * given, take no routes or policies, and their objects are named apart.
 */
enum DestinationOrigin {
  USERS("vd-", "VirtualDestination"),
  CLUSTERSET("mcs-", "ServiceExport"),
  PEERING("ossm-", "ExportedServiceSet");

  private final String namePrefix;
  private final String inputKind;

  DestinationOrigin(String namePrefix, String inputKind) {
    this.namePrefix = namePrefix;
    this.inputKind = inputKind;
  }

  static DestinationOrigin of(ObjectId destination) {
    return switch (destination.kind()) {
      case DiscoveredKinds.SERVICE_EXPORT -> CLUSTERSET;
      case DiscoveredKinds.EXPORTED_SERVICE_SET -> PEERING;
      default -> USERS;
    };
  }

  static boolean madeByMeshfed(ObjectId destination) {
    return of(destination) != USERS;
  }

  /**
   * Whether its id is an input's (a VirtualDestination, the oldest ServiceExport), so a source of
   * its objects; a peering's names its host and Service, and its sources are the service set's.
   */
  boolean identifiesAnInput() {
    return this != PEERING;
  }

  /** What its objects' names start with. */
  String namePrefix() {
    return namePrefix;
  }

  /** The kind of input it is made of, as events and explain name it. */
  String inputKind() {
    return inputKind;
  }
}
