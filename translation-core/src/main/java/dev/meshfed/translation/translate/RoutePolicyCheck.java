package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.HeaderManipulationPolicyInput;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RoutePolicyInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** What makes a route policy invalid, each naming its field: it then applies nowhere. */
final class RoutePolicyCheck {

  private RoutePolicyCheck() {}

  /** An HTTP header name (RFC 9110 token); Envoy refuses to change pseudo-headers and Host. */
  private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  static List<String> problems(RoutePolicyInput policy) {
    if (policy instanceof RetryTimeoutPolicyInput retry) {
      return problems(retry);
    }
    if (policy instanceof FaultInjectionPolicyInput fault) {
      return problems(fault);
    }
    if (policy instanceof HeaderManipulationPolicyInput headers) {
      return problems(headers);
    }
    return problems((MirrorPolicyInput) policy);
  }

  private static List<String> problems(HeaderManipulationPolicyInput policy) {
    List<String> problems = new ArrayList<>(policy.problems());
    if (policy.appendRequestHeaders().isEmpty()
        && policy.removeRequestHeaders().isEmpty()
        && policy.appendResponseHeaders().isEmpty()
        && policy.removeResponseHeaders().isEmpty()) {
      problems.add("spec.config: needs headers to append or remove");
    }
    headers("spec.config.appendRequestHeaders", policy.appendRequestHeaders().keySet(), problems);
    headers("spec.config.removeRequestHeaders", policy.removeRequestHeaders(), problems);
    headers("spec.config.appendResponseHeaders", policy.appendResponseHeaders().keySet(), problems);
    headers("spec.config.removeResponseHeaders", policy.removeResponseHeaders(), problems);
    return problems;
  }

  private static void headers(String path, Collection<String> names, List<String> problems) {
    names.stream()
        .sorted()
        .forEach(
            name -> {
              if (!HEADER.matcher(name).matches() || name.equalsIgnoreCase("host")) {
                problems.add(
                    path
                        + ": '"
                        + name
                        + "' is not a header a route may change (a header name; not Host or a"
                        + " pseudo-header)");
              }
            });
  }

  private static List<String> problems(MirrorPolicyInput policy) {
    List<String> problems = new ArrayList<>(policy.problems());
    if (policy.destination() == null) {
      problems.add("spec.config.destination: needs a destination");
    } else {
      RouteTableCheck.destination("spec.config.destination", policy.destination(), problems);
    }
    percentage("spec.config.percentage", policy.percentage(), problems);
    return problems;
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
