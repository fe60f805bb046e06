package dev.meshfed.oracle.mesh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Envoy behaviour: an EDS cluster keeps only the first of endpoints with the same address and port
 * (EdsClusterImpl BatchUpdateHelper updateLocalityEndpoints, "When the configuration contains
 * duplicate hosts, only the first one will be retained"; envoyproxy/envoy#22417). Two
 * WorkloadEntries at one gateway, say one per subset label set, are one host of the service's
 * cluster and take one endpoint's share; each subset's cluster still has its own.
 */
final class EnvoyHosts {

  private EnvoyHosts() {}

  static List<NetworkFilter.Weighted> of(List<NetworkFilter.Weighted> endpoints) {
    Set<String> seen = new HashSet<>();
    List<NetworkFilter.Weighted> hosts = new ArrayList<>();
    for (NetworkFilter.Weighted weighted : endpoints) {
      Endpoint endpoint = weighted.endpoint();
      if (weighted.viaGateway() || seen.add(endpoint.address() + ":" + endpoint.port())) {
        hosts.add(weighted);
      }
    }
    return hosts;
  }
}
