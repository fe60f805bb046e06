package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Istio's webhook rules for a VirtualService HTTP route's fault injection and the values it shares
 * with the rest of the route (pkg/config/validation validateHTTPFaultInjection, validatePercentage,
 * validateHTTPStatus, agent.ValidateDuration; 1.24).
 */
final class FaultRules {

  private static final Pattern DURATION =
      Pattern.compile("((\\d+(\\.\\d*)?|\\.\\d+)(h|m|s|ms|us|µs|ns))+");
  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(h|ms|m|s|us|µs|ns)");
  private static final Set<String> GRPC_STATUS =
      Set.of(
          "OK",
          "CANCELLED",
          "UNKNOWN",
          "INVALID_ARGUMENT",
          "DEADLINE_EXCEEDED",
          "NOT_FOUND",
          "ALREADY_EXISTS",
          "PERMISSION_DENIED",
          "RESOURCE_EXHAUSTED",
          "FAILED_PRECONDITION",
          "ABORTED",
          "OUT_OF_RANGE",
          "UNIMPLEMENTED",
          "INTERNAL",
          "UNAVAILABLE",
          "DATA_LOSS",
          "UNAUTHENTICATED");

  private FaultRules() {}

  /** validateHTTPFaultInjection: an abort or a delay, percentages, status, fixed delay. */
  static void fault(String field, JsonNode fault, FieldErrors errors) {
    if (fault.isMissingNode()) {
      return;
    }
    JsonNode abort = fault.path("abort");
    JsonNode delay = fault.path("delay");
    if (abort.isMissingNode() && delay.isMissingNode()) {
      errors.required(field, "HTTP fault injection must have an abort and/or a delay");
    }
    if (!abort.isMissingNode()) {
      percentage(field + ".abort.percentage", abort.path("percentage"), errors);
      if (abort.has("httpStatus")) {
        httpStatus(field + ".abort.httpStatus", abort.path("httpStatus").asInt(), errors);
      } else if (abort.has("grpcStatus")
          && !GRPC_STATUS.contains(abort.path("grpcStatus").asText())) {
        errors.invalid(
            field + ".abort.grpcStatus",
            abort.path("grpcStatus").asText(),
            "gRPC status is not supported");
      } else if (abort.has("http2Error")) {
        errors.invalid(
            field + ".abort.http2Error",
            abort.path("http2Error").asText(),
            "HTTP/2 abort fault injection not supported yet");
      }
    }
    if (!delay.isMissingNode()) {
      percentage(field + ".delay.percentage", delay.path("percentage"), errors);
      if (delay.has("percent")) {
        int percent = delay.path("percent").asInt();
        if (percent < 0 || percent > 100) {
          errors.invalid(field + ".delay.percent", percent, "percentage is not in range 0..100");
        }
      }
      if (delay.has("fixedDelay")) {
        duration(field + ".delay.fixedDelay", delay.path("fixedDelay"), errors);
      }
      if (delay.has("exponentialDelay")) {
        errors.invalid(
            field + ".delay.exponentialDelay",
            delay.path("exponentialDelay").asText(),
            "exponentialDelay not supported yet");
      }
    }
  }

  /** validatePercentage: 0, or 0.0001 to 100. */
  private static void percentage(String field, JsonNode percentage, FieldErrors errors) {
    if (percentage.isMissingNode()) {
      return;
    }
    double value = percentage.path("value").asDouble(0);
    if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) {
      errors.invalid(
          field + ".value", value, "percentage is neither 0.0, nor in range [0.0001, 100.0]");
    }
  }

  /** validateHTTPStatus: 200 to 600 (its message says 599). */
  static void httpStatus(String field, int status, FieldErrors errors) {
    if (status < 200 || status > 600) {
      errors.invalid(field, status, "HTTP status " + status + " is not in range 200-599");
    }
  }

  /**
   * agent.ValidateDuration: a duration of at least 1ms, to the millisecond. Written as protobuf's
   * JSON ({@code 1.5s}) or, as the CRDs' duration checks also take, Go's ({@code 100ms}).
   */
  static void duration(String field, JsonNode value, FieldErrors errors) {
    String text = value.asText("");
    if (!DURATION.matcher(text).matches()) {
      errors.invalid(field, text, "not a valid duration");
      return;
    }
    double nanos = 0;
    var parts = DURATION_PART.matcher(text);
    while (parts.find()) {
      double amount = Double.parseDouble(parts.group(1));
      nanos +=
          amount
              * switch (parts.group(2)) {
                case "h" -> 3.6e12;
                case "m" -> 6e10;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                default -> 1;
              };
    }
    if (nanos < 1e6) {
      errors.invalid(field, text, "duration must be greater than 1ms");
    } else if (Math.abs(nanos / 1e6 - Math.rint(nanos / 1e6)) > 1e-6) {
      errors.invalid(field, text, "only durations to ms precision are supported");
    }
  }
}
