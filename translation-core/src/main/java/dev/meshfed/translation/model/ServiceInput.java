package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

public record ServiceInput(
    ObjectId id,
    String type,
    Map<String, String> labels,
    Map<String, String> selector,
    List<ServicePortInput> ports,
    String creationTimestamp,
    boolean headless,
    List<String> exportTo)
    implements Input {

  /**
   * @param exportTo the namespaces of Istio's {@code networking.istio.io/exportTo} annotation
   *     ({@code *}, {@code .}, {@code ~} or names); empty when it is not set
   */
  public ServiceInput {
    labels = Map.copyOf(labels);
    selector = Map.copyOf(selector);
    ports = List.copyOf(ports);
    exportTo = List.copyOf(exportTo);
  }

  /** A Service without Istio's exportTo annotation. */
  public ServiceInput(
      ObjectId id,
      String type,
      Map<String, String> labels,
      Map<String, String> selector,
      List<ServicePortInput> ports,
      String creationTimestamp,
      boolean headless) {
    this(id, type, labels, selector, ports, creationTimestamp, headless, List.of());
  }

  /** A Service with a cluster IP. */
  public ServiceInput(
      ObjectId id,
      String type,
      Map<String, String> labels,
      Map<String, String> selector,
      List<ServicePortInput> ports,
      String creationTimestamp) {
    this(id, type, labels, selector, ports, creationTimestamp, false);
  }

  /** A Service whose creation time is unknown: it loses every tie to one whose time is known. */
  public ServiceInput(
      ObjectId id,
      String type,
      Map<String, String> labels,
      Map<String, String> selector,
      List<ServicePortInput> ports) {
    this(id, type, labels, selector, ports, null, false);
  }
}
