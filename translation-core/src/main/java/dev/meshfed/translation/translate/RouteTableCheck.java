package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.RouteTableInput.HttpMatcher;
import dev.meshfed.translation.model.RouteTableInput.HttpRoute;
import dev.meshfed.translation.model.RouteTableInput.RouteDestination;
import dev.meshfed.translation.model.RouteTableInput.ValueMatcher;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What makes a RouteTable invalid, each naming its field: it then routes nothing. */
final class RouteTableCheck {

  static final Set<String> URI_KINDS = Set.of("EXACT", "PREFIX", "REGEX");
  static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
  private static final Pattern HOST =
      Pattern.compile(
          "(\\*|\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private RouteTableCheck() {}

  static List<String> problems(RouteTableInput rt) {
    List<String> problems = new ArrayList<>(rt.problems());
    if (rt.hosts().isEmpty()) {
      problems.add("spec.hosts: needs at least one host");
    }
    for (int i = 0; i < rt.hosts().size(); i++) {
      String host = rt.hosts().get(i);
      if (host.equals("*") || !HOST.matcher(host).matches()) {
        problems.add("spec.hosts[" + i + "]: '" + host + "' is not a host name");
      }
    }
    for (int i = 0; i < rt.workloadSelectors().size(); i++) {
      ObjectSelector selector = rt.workloadSelectors().get(i);
      if (!selector.labels().isEmpty() || selector.name() != null) {
        problems.add(
            "spec.workloadSelectors["
                + i
                + "].selector."
                + (selector.labels().isEmpty() ? "name" : "labels")
                + ": meshfed selects clients by cluster, namespace and workspace, not by"
                + " workload");
      }
    }
    if (rt.defaultDestination() != null) {
      destination("spec.defaultDestination", rt.defaultDestination(), problems);
    }
    for (int i = 0; i < rt.http().size(); i++) {
      route("spec.http[" + i + "]", rt.http().get(i), problems);
    }
    return problems;
  }

  private static void route(String path, HttpRoute route, List<String> problems) {
    int actions =
        (route.forwardTo() != null ? 1 : 0)
            + (route.redirect() != null ? 1 : 0)
            + (route.directResponse() != null ? 1 : 0);
    if (actions != 1) {
      problems.add(path + ": needs exactly one of forwardTo, redirect and directResponse");
    }
    for (int i = 0; i < route.matchers().size(); i++) {
      matcher(path + ".matchers[" + i + "]", route.matchers().get(i), problems);
    }
    if (route.forwardTo() != null) {
      forwardTo(path + ".forwardTo", route.forwardTo().destinations(), problems);
    }
    if (route.redirect() != null
        && route.redirect().hostRedirect() == null
        && route.redirect().pathRedirect() == null) {
      problems.add(path + ".redirect: needs a hostRedirect or a pathRedirect");
    }
    if (route.redirect() != null && route.redirect().responseCode() != null) {
      if (RedirectCodes.of(route.redirect().responseCode()).isEmpty()) {
        problems.add(
            path
                + ".redirect.responseCode: '"
                + route.redirect().responseCode()
                + "' is not one of "
                + RedirectCodes.names());
      }
    }
    if (route.directResponse() != null) {
      Integer status = route.directResponse().status();
      if (status == null || status < 100 || status > 599) {
        problems.add(path + ".directResponse.status: needs an HTTP status from 100 to 599");
      }
    }
  }

  private static void forwardTo(
      String path, List<RouteDestination> destinations, List<String> problems) {
    if (destinations.isEmpty()) {
      problems.add(path + ".destinations: needs at least one destination");
    }
    int sum = 0;
    for (int i = 0; i < destinations.size(); i++) {
      RouteDestination destination = destinations.get(i);
      destination(path + ".destinations[" + i + "]", destination, problems);
      sum += destination.weight() == null ? 0 : destination.weight();
    }
    if (destinations.size() > 1 && sum != 100) {
      problems.add(
          path + ".destinations: the weights of several destinations must sum to 100, not " + sum);
    }
  }

  static void destination(String path, RouteDestination d, List<String> problems) {
    if (!PolicyCheck.KINDS.contains(d.kind())) {
      problems.add(
          path
              + ".kind: '"
              + d.kind()
              + "' is not one of "
              + String.join(", ", PolicyCheck.KINDS.stream().sorted().toList()));
    }
    if (d.ref() == null || d.ref().name() == null || d.ref().name().isBlank()) {
      problems.add(path + ".ref.name: names no destination");
    }
    if (d.portNumber() != null && (d.portNumber() < 1 || d.portNumber() > 65535)) {
      problems.add(path + ".port.number: " + d.portNumber() + " is not a port");
    }
    if (d.weight() != null && d.weight() < 0) {
      problems.add(path + ".weight: must not be negative");
    }
  }

  private static void matcher(String path, HttpMatcher matcher, List<String> problems) {
    if (matcher.uri() != null) {
      if (!URI_KINDS.contains(matcher.uri().kind())) {
        problems.add(path + ".uri: needs one of exact, prefix and regex");
      } else if (matcher.uri().kind().equals("REGEX")) {
        regex(path + ".uri.regex", matcher.uri().value(), problems);
      }
    }
    values(path + ".headers", matcher.headers(), problems);
    values(path + ".queryParameters", matcher.queryParameters(), problems);
    for (int i = 0; i < matcher.queryParameters().size(); i++) {
      if (matcher.queryParameters().get(i).invertMatch()) {
        problems.add(
            path + ".queryParameters[" + i + "].invertMatch: Istio cannot invert a query match");
      }
    }
    if (matcher.method() != null && !METHODS.contains(matcher.method())) {
      problems.add(path + ".method: '" + matcher.method() + "' is not an HTTP method");
    }
  }

  private static void values(String path, List<ValueMatcher> matchers, List<String> problems) {
    for (int i = 0; i < matchers.size(); i++) {
      ValueMatcher matcher = matchers.get(i);
      if (matcher.name() == null || matcher.name().isBlank()) {
        problems.add(path + "[" + i + "].name: needs a name");
      }
      if (matcher.regex()) {
        regex(path + "[" + i + "].value", matcher.value(), problems);
      }
    }
  }

  private static void regex(String path, String regex, List<String> problems) {
    try {
      Pattern.compile(regex == null ? "" : regex);
    } catch (PatternSyntaxException e) {
      problems.add(path + ": '" + regex + "' is not a regular expression: " + e.getDescription());
    }
  }
}
