package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.EastWestGatewayInput;

/** One east-west gateway passing one host suffix through: what a Gateway object serves. */
record Passthrough(EastWestGatewayInput gateway, String suffix) implements Comparable<Passthrough> {
  @Override
  public int compareTo(Passthrough other) {
    int byGateway = gateway.id().compareTo(other.gateway.id());
    return byGateway != 0 ? byGateway : suffix.compareTo(other.suffix);
  }
}
