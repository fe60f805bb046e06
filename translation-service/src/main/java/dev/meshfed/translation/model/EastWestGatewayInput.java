package dev.meshfed.translation.model;

import java.util.Map;

/** An east-west gateway Service; address and tlsPort are null until known. */
public record EastWestGatewayInput(
    ObjectId id,
    Map<String, String> labels,
    Map<String, String> selector,
    String address,
    Integer tlsPort,
    String network)
    implements Input {

  public EastWestGatewayInput {
    labels = Map.copyOf(labels);
    selector = Map.copyOf(selector);
  }

  public boolean isUsable() {
    return address != null && !address.isBlank() && tlsPort != null;
  }
}
