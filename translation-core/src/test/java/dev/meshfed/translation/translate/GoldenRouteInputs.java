package dev.meshfed.translation.translate;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.HeaderManipulationPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RouteTables, route policies and AccessPolicies of a golden case, read onto the model's records by
 * their field names (lists and maps left out are empty; generation defaults to 1).
 */
final class GoldenRouteInputs {

  private static final ObjectMapper MAPPER = mapper();

  private GoldenRouteInputs() {}

  static Optional<Input> of(ObjectId id, JsonNode o) {
    Class<? extends Input> type =
        switch (id.kind()) {
          case "RouteTable", "RouteTable.networking.gloo.solo.io" -> RouteTableInput.class;
          case "RetryTimeoutPolicy", "RetryTimeoutPolicy.resilience.policy.gloo.solo.io" ->
              RetryTimeoutPolicyInput.class;
          case "FaultInjectionPolicy", "FaultInjectionPolicy.resilience.policy.gloo.solo.io" ->
              FaultInjectionPolicyInput.class;
          case "HeaderManipulationPolicy",
              "HeaderManipulationPolicy.trafficcontrol.policy.gloo.solo.io" ->
              HeaderManipulationPolicyInput.class;
          case "MirrorPolicy", "MirrorPolicy.trafficcontrol.policy.gloo.solo.io" ->
              MirrorPolicyInput.class;
          case "AccessPolicy", "AccessPolicy.security.policy.gloo.solo.io" ->
              AccessPolicyInput.class;
          case "ExternalService", "ExternalService.networking.gloo.solo.io" ->
              ExternalServiceInput.class;
          case "ExternalEndpoint", "ExternalEndpoint.networking.gloo.solo.io" ->
              ExternalEndpointInput.class;
          default -> null;
        };
    if (type == null) {
      return Optional.empty();
    }
    ObjectNode fields = o.deepCopy();
    fields.remove(List.of("kind", "namespace", "name"));
    fields.set("id", MAPPER.valueToTree(id));
    if (!fields.has("generation") && type != ExternalEndpointInput.class) {
      fields.put("generation", 1);
    }
    return Optional.of(MAPPER.convertValue(fields, type));
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    mapper.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return mapper;
  }
}
