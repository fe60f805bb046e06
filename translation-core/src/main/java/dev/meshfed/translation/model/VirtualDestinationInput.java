package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/**
 * A VirtualDestination (meshfed's, or Gloo Mesh's networking.gloo.solo.io/v2 one): one global host
 * backed by a service in each of several clusters.
 */
public record VirtualDestinationInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<String> hosts,
    List<ObjectSelector> services,
    List<ObjectSelector> externalServices,
    Map<String, String> labels,
    List<Port> ports,
    List<String> problems)
    implements Input {

  public VirtualDestinationInput {
    hosts = List.copyOf(hosts);
    services = List.copyOf(services);
    externalServices = List.copyOf(externalServices);
    labels = Map.copyOf(labels);
    ports = List.copyOf(ports);
    problems = List.copyOf(problems);
  }

  /** Selects objects by name, namespace, cluster, workspace (null: any) and labels (all). */
  public record ObjectSelector(
      String name, String namespace, String cluster, String workspace, Map<String, String> labels) {

    public ObjectSelector {
      labels = Map.copyOf(labels);
    }
  }

  /**
   * A port of the global host.
   *
   * @param number null where it could not be read
   * @param targetPort the backing services' port, a number or a name; null: {@code number}, and so
   *     is an empty one, as in a Kubernetes Service
   */
  public record Port(Integer number, String protocol, String targetPort) {

    public Port {
      targetPort = targetPort == null || targetPort.isEmpty() ? null : targetPort;
    }
  }
}
