package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.EndpointSliceState;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * EndpointSlice (discovery.k8s.io/v1) → kind EndpointSlice: its service, how many of its endpoints
 * are ready and in which zones. Addresses are left out: a pod replaced by another in the same zone
 * publishes nothing.
 */
public final class EndpointSliceMapper {

  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private EndpointSliceMapper() {}

  public static Mapping map(EndpointSlice slice) {
    List<Endpoint> endpoints =
        Optional.ofNullable(slice.getEndpoints()).orElse(List.of()).stream()
            .filter(Objects::nonNull)
            .toList();
    List<Endpoint> ready = endpoints.stream().filter(EndpointSliceMapper::isReady).toList();
    var zones = new TreeSet<String>();
    ready.stream()
        .map(Endpoint::getZone)
        .filter(zone -> zone != null && !zone.isEmpty())
        .forEach(zones::add);
    var state =
        new EndpointSliceState(
            Envelope.label(slice, SERVICE_NAME_LABEL),
            ready.size(),
            endpoints.size() - ready.size(),
            List.copyOf(zones));
    return Mapping.of(
        new Write(
            Keys.of(DiscoveredKinds.ENDPOINT_SLICE, slice),
            Envelope.wrapWithoutGeneration(slice, state)));
  }

  /** Kubernetes' reading: a ready condition that is unset (nil) means ready. */
  static boolean isReady(Endpoint endpoint) {
    return Optional.ofNullable(endpoint.getConditions())
        .map(EndpointConditions::getReady)
        .orElse(true);
  }
}
