package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import java.util.Objects;
import java.util.SortedMap;

/**
 * What the winning destination policies set in a DestinationRule's traffic policy: outlier
 * detection (Gloo Mesh's defaults for what a policy leaves out: 5 consecutive 5xx, 10s, 30s, 100%)
 * and locality load balancing ({@link LocalityLb}). A FailoverPolicy without an
 * OutlierDetectionPolicy gets the default outlier detection: Istio applies locality priorities only
 * with it.
 */
final class PolicySettings {

  static final int DEFAULT_CONSECUTIVE_ERRORS = 5;
  static final String DEFAULT_INTERVAL = "10s";
  static final String DEFAULT_BASE_EJECTION_TIME = "30s";
  static final int DEFAULT_MAX_EJECTION_PERCENT = 100;

  private PolicySettings() {}

  /** Sets the policies of every port slot on {@code trafficPolicy}. */
  static void apply(
      SortedMap<Integer, DestinationPolicies.Contest> contests,
      ObjectNode trafficPolicy,
      String istioVersion) {
    contests.forEach(
        (port, contest) -> {
          if (contest.failover().isEmpty() && contest.outlier().isEmpty()) {
            return;
          }
          ObjectNode target =
              port == DestinationPolicies.EVERY_PORT
                  ? trafficPolicy
                  : portLevel(trafficPolicy, port);
          target.set("outlierDetection", outlierDetection(contest.outlier().orElse(null)));
          contest
              .failover()
              .ifPresent(f -> target.set("loadBalancer", LocalityLb.loadBalancer(f, istioVersion)));
        });
  }

  private static ObjectNode portLevel(ObjectNode trafficPolicy, int port) {
    ArrayNode settings =
        trafficPolicy.has("portLevelSettings")
            ? (ArrayNode) trafficPolicy.get("portLevelSettings")
            : trafficPolicy.putArray("portLevelSettings");
    ObjectNode setting = settings.addObject();
    setting.putObject("port").put("number", port);
    return setting;
  }

  private static ObjectNode outlierDetection(OutlierDetectionPolicyInput policy) {
    ObjectNode outlier = Manifests.objectNode();
    outlier.put(
        "consecutive5xxErrors",
        policy == null || policy.consecutiveErrors() == null
            ? DEFAULT_CONSECUTIVE_ERRORS
            : policy.consecutiveErrors());
    outlier.put(
        "interval",
        Objects.requireNonNullElse(policy == null ? null : policy.interval(), DEFAULT_INTERVAL));
    outlier.put(
        "baseEjectionTime",
        Objects.requireNonNullElse(
            policy == null ? null : policy.baseEjectionTime(), DEFAULT_BASE_EJECTION_TIME));
    outlier.put(
        "maxEjectionPercent",
        policy == null || policy.maxEjectionPercent() == null
            ? DEFAULT_MAX_EJECTION_PERCENT
            : policy.maxEjectionPercent());
    return outlier;
  }
}
