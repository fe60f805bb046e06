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
    boolean headless)
    implements Input {

  public ServiceInput {
    labels = Map.copyOf(labels);
    selector = Map.copyOf(selector);
    ports = List.copyOf(ports);
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
