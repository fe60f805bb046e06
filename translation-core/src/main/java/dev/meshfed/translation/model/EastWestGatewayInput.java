package dev.meshfed.translation.model;

import java.util.Map;

/**
 * An east-west gateway Service; address (its load balancer's), tlsPort and nodePort (the tls
 * port's) are null until known.
 */
public record EastWestGatewayInput(
    ObjectId id,
    Map<String, String> labels,
    Map<String, String> selector,
    String address,
    Integer tlsPort,
    String network,
    Integer nodePort)
    implements Input {

  public EastWestGatewayInput {
    labels = Map.copyOf(labels);
    selector = Map.copyOf(selector);
  }

  /** A gateway behind a load balancer, with no nodePort. */
  public EastWestGatewayInput(
      ObjectId id,
      Map<String, String> labels,
      Map<String, String> selector,
      String address,
      Integer tlsPort,
      String network) {
    this(id, labels, selector, address, tlsPort, network, null);
  }
}
