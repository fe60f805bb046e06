package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/**
 * An ExternalEndpoint (meshfed's, or Gloo Mesh's networking.gloo.solo.io/v2 one): an address
 * outside the mesh that ExternalServices select by its labels.
 *
 * @param locality region[/zone[/subZone]], or null
 */
public record ExternalEndpointInput(
    ObjectId id,
    String address,
    List<Port> ports,
    Map<String, String> labels,
    String locality,
    List<String> problems)
    implements Input {

  public ExternalEndpointInput {
    ports = List.copyOf(ports);
    labels = Map.copyOf(labels);
    problems = List.copyOf(problems);
  }

  public record Port(String name, Integer number) {}
}
