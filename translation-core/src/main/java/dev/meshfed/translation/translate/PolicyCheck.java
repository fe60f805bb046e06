package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a destination policy invalid, each naming its field: it then applies nowhere. */
final class PolicyCheck {

  static final Set<String> KINDS = Set.of("SERVICE", "VIRTUAL_DESTINATION", "EXTERNAL_SERVICE");

  /** Istio's durations (protobuf Duration as text): 10s, 1.5s, 100ms, 1m30s… */
  private static final Pattern DURATION = Pattern.compile("([0-9]+(\\.[0-9]+)?(h|m|s|ms))+");

  private static final Pattern ZERO_DURATION = Pattern.compile("[0.]+[a-z]+");

  private PolicyCheck() {}

  static List<String> problems(FailoverPolicyInput policy) {
    List<String> problems = new ArrayList<>(policy.problems());
    problems.addAll(destinations(policy.applyToDestinations()));
    problems.addAll(FailoverCheck.problems(policy));
    return problems;
  }

  static List<String> problems(OutlierDetectionPolicyInput policy) {
    List<String> problems = new ArrayList<>(policy.problems());
    problems.addAll(destinations(policy.applyToDestinations()));
    if (policy.consecutiveErrors() != null && policy.consecutiveErrors() < 0) {
      problems.add("spec.config.consecutiveErrors: must not be negative");
    }
    duration("spec.config.interval", policy.interval()).ifPresent(problems::add);
    duration("spec.config.baseEjectionTime", policy.baseEjectionTime()).ifPresent(problems::add);
    Integer max = policy.maxEjectionPercent();
    if (max != null && (max < 0 || max > 100)) {
      problems.add("spec.config.maxEjectionPercent: must be from 0 to 100, not " + max);
    }
    return problems;
  }

  static List<String> destinations(List<DestinationSelector> destinations) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < destinations.size(); i++) {
      String kind = destinations.get(i).kind();
      if (!KINDS.contains(kind)) {
        problems.add(
            "spec.applyToDestinations["
                + i
                + "].kind: '"
                + kind
                + "' is not one of "
                + String.join(", ", KINDS.stream().sorted().toList()));
      }
    }
    return problems;
  }

  static java.util.Optional<String> duration(String path, String value) {
    if (value == null
        || DURATION.matcher(value).matches() && !ZERO_DURATION.matcher(value).matches()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        path + ": '" + value + "' is not a positive duration such as 10s, 1.5s or 100ms");
  }
}
