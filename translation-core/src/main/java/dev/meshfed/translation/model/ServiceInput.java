package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

public record ServiceInput(
    ObjectId id,
    String type,
    Map<String, String> labels,
    Map<String, String> selector,
    List<ServicePortInput> ports,
    String creationTimestamp)
    implements Input {

  public ServiceInput {
    labels = Map.copyOf(labels);
    selector = Map.copyOf(selector);
    ports = List.copyOf(ports);
  }

  /** A Service whose creation time is unknown: it loses every tie to one whose time is known. */
  public ServiceInput(
      ObjectId id,
      String type,
      Map<String, String> labels,
      Map<String, String> selector,
      List<ServicePortInput> ports) {
    this(id, type, labels, selector, ports, null);
  }
}
