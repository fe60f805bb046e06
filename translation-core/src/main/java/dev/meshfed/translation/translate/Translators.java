package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.MeshInputs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which translator writes which kind of object, and which translates which unit. */
final class Translators {

  private static final List<Translator<?>> ALL =
      List.of(
          ServiceTranslator.INSTANCE,
          GatewayTranslator.INSTANCE,
          SidecarTranslator.INSTANCE,
          VirtualDestinationTranslator.INSTANCE,
          RouteTableTranslator.INSTANCE,
          AccessPolicyTranslator.INSTANCE,
          ExternalServiceTranslator.INSTANCE,
          ClustersetTranslator.INSTANCE,
          OssmTranslator.INSTANCE);

  private Translators() {}

  static Set<String> kinds() {
    return ALL.stream().flatMap(t -> t.kinds().stream()).collect(Collectors.toSet());
  }

  /** The translators that write objects of a kind (a ServiceEntry has several). */
  static List<Translator<?>> writing(String kind) {
    return ALL.stream().filter(t -> t.kinds().contains(kind)).toList();
  }

  /** The translation of a unit that writes objects; empty for the units that write statuses. */
  static Optional<Translation> translate(UnitId unit, MeshInputs inputs, Membership membership) {
    if (unit instanceof UnitId.ServiceUnit service) {
      return Optional.of(ServiceTranslator.INSTANCE.translate(service, inputs, membership));
    }
    if (unit instanceof UnitId.GatewayUnit gateway) {
      return Optional.of(GatewayTranslator.INSTANCE.translate(gateway, inputs, membership));
    }
    if (unit instanceof UnitId.PolicyUnit policy) {
      boolean access =
          inputs.get(policy.policy()).filter(AccessPolicyInput.class::isInstance).isPresent();
      return Optional.of(
          access
              ? AccessPolicyTranslator.INSTANCE.translate(policy, inputs, membership)
              : PolicyStatus.of(policy.policy(), inputs, membership));
    }
    if (unit instanceof UnitId.VirtualDestinationUnit vd) {
      return Optional.of(VirtualDestinationTranslator.INSTANCE.translate(vd, inputs, membership));
    }
    if (unit instanceof UnitId.RouteTableUnit routeTable) {
      return Optional.of(RouteTableTranslator.INSTANCE.translate(routeTable, inputs, membership));
    }
    if (unit instanceof UnitId.ExternalServiceUnit externalService) {
      return Optional.of(
          ExternalServiceTranslator.INSTANCE.translate(externalService, inputs, membership));
    }
    if (unit instanceof UnitId.ClustersetServiceUnit clusterset) {
      return Optional.of(ClustersetTranslator.INSTANCE.translate(clusterset, inputs, membership));
    }
    if (unit instanceof UnitId.PeeringUnit peering) {
      return Optional.of(OssmTranslator.INSTANCE.translate(peering, inputs, membership));
    }
    if (unit instanceof UnitId.ProxyConfigUnit proxyConfig) {
      return Optional.of(SidecarTranslator.INSTANCE.translate(proxyConfig, inputs, membership));
    }
    return Optional.empty();
  }
}
