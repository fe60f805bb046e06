package dev.meshfed.distribution.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each condition of a status its {@code lastTransitionTime}: translation computes conditions
 * without a clock, and Kubernetes conditions must say since when they hold. A condition whose
 * {@code status} is what the live object's condition of the same {@code type} says keeps that
 * condition's time; any other condition changed now.
 */
public final class ConditionTimes {

  private static final String CONDITIONS = "conditions";
  private static final String TYPE = "type";
  private static final String STATUS = "status";
  private static final String LAST_TRANSITION_TIME = "lastTransitionTime";

  private ConditionTimes() {}

  /**
   * {@code status} with a {@code lastTransitionTime} in every condition.
   *
   * @param liveStatus the status the object has now; null or missing when it has none
   * @param now the time of the write, as RFC 3339 (e.g. {@code 2026-12-04T19:20:00Z})
   */
  public static JsonNode stamped(JsonNode status, JsonNode liveStatus, String now) {
    JsonNode stamped = status.deepCopy();
    Map<String, JsonNode> live = byType(liveStatus);
    for (JsonNode condition : stamped.path(CONDITIONS)) {
      if (condition instanceof ObjectNode object) {
        JsonNode before = live.get(object.path(TYPE).asText());
        object.put(LAST_TRANSITION_TIME, unchanged(object, before) ? timeOf(before) : now);
      }
    }
    return stamped;
  }

  private static boolean unchanged(JsonNode condition, JsonNode before) {
    return before != null
        && before.path(STATUS).equals(condition.path(STATUS))
        && !timeOf(before).isEmpty();
  }

  private static String timeOf(JsonNode condition) {
    return condition.path(LAST_TRANSITION_TIME).asText("");
  }

  private static Map<String, JsonNode> byType(JsonNode status) {
    Map<String, JsonNode> conditions = new HashMap<>();
    if (status != null) {
      for (JsonNode condition : status.path(CONDITIONS)) {
        conditions.put(condition.path(TYPE).asText(), condition);
      }
    }
    return conditions;
  }
}
