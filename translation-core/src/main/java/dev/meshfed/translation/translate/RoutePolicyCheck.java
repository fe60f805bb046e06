package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RoutePolicyInput;
import java.util.ArrayList;
import java.util.List;

/** What makes a route policy invalid, each naming its field: it then applies nowhere. */
final class RoutePolicyCheck {

  private RoutePolicyCheck() {}

  static List<String> problems(RoutePolicyInput policy) {
    if (policy instanceof RetryTimeoutPolicyInput retry) {
      return problems(retry);
    }
    return problems((FaultInjectionPolicyInput) policy);
  }

  private static List<String> problems(RetryTimeoutPolicyInput policy) {
    List<String> problems = new ArrayList<>(policy.problems());
    PolicyCheck.duration("spec.config.requestTimeout", policy.requestTimeout())
        .ifPresent(problems::add);
    if (policy.retries() != null) {
      Integer attempts = policy.retries().attempts();
      if (attempts != null && attempts < 0) {
        problems.add("spec.config.retries.attempts: must not be negative");
      }
      PolicyCheck.duration("spec.config.retries.perTryTimeout", policy.retries().perTryTimeout())
          .ifPresent(problems::add);
    }
    if (policy.requestTimeout() == null && policy.retries() == null) {
      problems.add("spec.config: needs a requestTimeout or retries");
    }
    return problems;
  }

  private static List<String> problems(FaultInjectionPolicyInput policy) {
    List<String> problems = new ArrayList<>(policy.problems());
    if (policy.delay() == null && policy.abort() == null) {
      problems.add("spec.config: needs a delay or an abort");
    }
    if (policy.delay() != null) {
      if (policy.delay().fixedDelay() == null) {
        problems.add("spec.config.delay.fixedDelay: needs a duration such as 5s");
      }
      PolicyCheck.duration("spec.config.delay.fixedDelay", policy.delay().fixedDelay())
          .ifPresent(problems::add);
      percentage("spec.config.delay.percentage", policy.delay().percentage(), problems);
    }
    if (policy.abort() != null) {
      Integer status = policy.abort().httpStatus();
      if (status == null || status < 200 || status > 599) {
        problems.add("spec.config.abort.httpStatus: needs an HTTP status from 200 to 599");
      }
      percentage("spec.config.abort.percentage", policy.abort().percentage(), problems);
    }
    return problems;
  }

  private static void percentage(String path, Double value, List<String> problems) {
    if (value != null && (value.isNaN() || value < 0 || value > 100)) {
      problems.add(path + ": must be from 0 to 100, not " + value);
    }
  }
}
