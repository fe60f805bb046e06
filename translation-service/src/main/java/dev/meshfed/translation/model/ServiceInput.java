package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

public record ServiceInput(
    ObjectId id,
    String type,
    Map<String, String> labels,
    Map<String, String> selector,
    List<ServicePortInput> ports)
    implements Input {

  public ServiceInput {
    labels = Map.copyOf(labels);
    selector = Map.copyOf(selector);
    ports = List.copyOf(ports);
  }
}
