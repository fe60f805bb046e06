package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.HeaderManipulationPolicyInput;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RouteTableInput.HttpMatcher;
import dev.meshfed.translation.model.RouteTableInput.HttpRoute;
import dev.meshfed.translation.model.RouteTableInput.ValueMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One RouteTable route as an Istio HTTPRoute: its matchers as match blocks (any may match), its
 * destinations with their weights, rewrite, redirect or direct response, and what the route's
 * winning policies set: timeout, retries, fault, header changes, mirror.
 */
final class HttpRoutes {

  /** Gloo Mesh's number of retries when a policy sets retries without attempts. */
  static final int DEFAULT_ATTEMPTS = 2;

  private static final String PRESENT = ".*";

  private HttpRoutes() {}

  static ObjectNode route(
      String name,
      HttpRoute route,
      List<RouteDestinations.Resolved> destinations,
      List<Integer> weights,
      RoutePolicies.Contest policies,
      Optional<RouteDestinations.Resolved> mirror) {
    ObjectNode http = Manifests.objectNode();
    http.put("name", name);
    if (!route.matchers().isEmpty()) {
      ArrayNode match = http.putArray("match");
      route.matchers().forEach(m -> match.add(match(m)));
    }
    if (route.forwardTo() != null) {
      forward(http, destinations, weights);
      ObjectNode rewrite = Manifests.objectNode();
      if (route.forwardTo().pathRewrite() != null) {
        rewrite.put("uri", route.forwardTo().pathRewrite());
      }
      if (route.forwardTo().hostRewrite() != null) {
        rewrite.put("authority", route.forwardTo().hostRewrite());
      }
      if (!rewrite.isEmpty()) {
        http.set("rewrite", rewrite);
      }
    } else if (route.redirect() != null) {
      ObjectNode redirect = http.putObject("redirect");
      if (route.redirect().pathRedirect() != null) {
        redirect.put("uri", route.redirect().pathRedirect());
      }
      if (route.redirect().hostRedirect() != null) {
        redirect.put("authority", route.redirect().hostRedirect());
      }
      if (route.redirect().responseCode() != null) {
        redirect.put(
            "redirectCode", RedirectCodes.of(route.redirect().responseCode()).orElseThrow());
      }
    } else {
      ObjectNode direct = http.putObject("directResponse");
      direct.put("status", route.directResponse().status());
      if (route.directResponse().body() != null) {
        direct.putObject("body").put("string", route.directResponse().body());
      }
    }
    policies.retryTimeout().ifPresent(p -> retryTimeout(http, p));
    policies.fault().ifPresent(p -> http.set("fault", fault(p)));
    policies.headerManipulation().ifPresent(p -> http.set("headers", headers(p)));
    mirror.ifPresent(
        m -> {
          http.set("mirror", destination(m));
          http.putObject("mirrorPercentage")
              .put("value", percent(policies.mirror().orElseThrow().percentage()));
        });
    return http;
  }

  /** Gloo Mesh appends: Istio's {@code add}, which keeps the values a header has. */
  private static ObjectNode headers(HeaderManipulationPolicyInput policy) {
    ObjectNode headers = Manifests.objectNode();
    operations(headers, "request", policy.appendRequestHeaders(), policy.removeRequestHeaders());
    operations(headers, "response", policy.appendResponseHeaders(), policy.removeResponseHeaders());
    return headers;
  }

  private static void operations(
      ObjectNode headers, String which, Map<String, String> add, List<String> remove) {
    if (add.isEmpty() && remove.isEmpty()) {
      return;
    }
    ObjectNode operations = headers.putObject(which);
    if (!add.isEmpty()) {
      operations.set("add", Manifests.stringMap(add));
    }
    if (!remove.isEmpty()) {
      operations.set("remove", Manifests.strings(remove.stream().sorted().toList()));
    }
  }

  private static void forward(
      ObjectNode http, List<RouteDestinations.Resolved> destinations, List<Integer> weights) {
    ArrayNode route = http.putArray("route");
    for (int i = 0; i < destinations.size(); i++) {
      ObjectNode entry = route.addObject();
      entry.set("destination", destination(destinations.get(i)));
      if (destinations.size() > 1) {
        entry.put("weight", weights.get(i));
      }
    }
  }

  private static ObjectNode destination(RouteDestinations.Resolved resolved) {
    ObjectNode destination = Manifests.objectNode();
    destination.put("host", resolved.host());
    if (resolved.subset() != null) {
      destination.put("subset", resolved.subset());
    }
    if (resolved.port() != null) {
      destination.putObject("port").put("number", resolved.port());
    }
    return destination;
  }

  private static ObjectNode match(HttpMatcher matcher) {
    ObjectNode match = Manifests.objectNode();
    if (matcher.uri() != null) {
      match.putObject("uri").put(matcher.uri().kind().toLowerCase(), matcher.uri().value());
      if (matcher.uri().ignoreCase()) {
        match.put("ignoreUriCase", true);
      }
    }
    for (ValueMatcher header : matcher.headers()) {
      String field = header.invertMatch() ? "withoutHeaders" : "headers";
      ObjectNode headers =
          match.has(field) ? (ObjectNode) match.get(field) : match.putObject(field);
      headers.set(header.name(), value(header));
    }
    for (ValueMatcher query : matcher.queryParameters()) {
      ObjectNode params =
          match.has("queryParams")
              ? (ObjectNode) match.get("queryParams")
              : match.putObject("queryParams");
      params.set(query.name(), value(query));
    }
    if (matcher.method() != null) {
      match.putObject("method").put("exact", matcher.method());
    }
    return match;
  }

  /** Exact, regex, or (no value) present: any value, as a regex. */
  private static ObjectNode value(ValueMatcher matcher) {
    ObjectNode value = Manifests.objectNode();
    if (matcher.value() == null) {
      value.put("regex", PRESENT);
    } else {
      value.put(matcher.regex() ? "regex" : "exact", matcher.value());
    }
    return value;
  }

  private static void retryTimeout(ObjectNode http, RetryTimeoutPolicyInput policy) {
    if (policy.requestTimeout() != null) {
      http.put("timeout", policy.requestTimeout());
    }
    if (policy.retries() != null) {
      ObjectNode retries = http.putObject("retries");
      RetryTimeoutPolicyInput.Retries r = policy.retries();
      retries.put("attempts", r.attempts() == null ? DEFAULT_ATTEMPTS : r.attempts());
      if (r.perTryTimeout() != null) {
        retries.put("perTryTimeout", r.perTryTimeout());
      }
      if (r.retryOn() != null) {
        retries.put("retryOn", r.retryOn());
      }
      if (r.retryRemoteLocalities() != null) {
        retries.put("retryRemoteLocalities", r.retryRemoteLocalities());
      }
    }
  }

  private static ObjectNode fault(FaultInjectionPolicyInput policy) {
    ObjectNode fault = Manifests.objectNode();
    if (policy.delay() != null) {
      ObjectNode delay = fault.putObject("delay");
      delay.put("fixedDelay", policy.delay().fixedDelay());
      delay.putObject("percentage").put("value", percent(policy.delay().percentage()));
    }
    if (policy.abort() != null) {
      ObjectNode abort = fault.putObject("abort");
      abort.put("httpStatus", policy.abort().httpStatus());
      abort.putObject("percentage").put("value", percent(policy.abort().percentage()));
    }
    return fault;
  }

  private static double percent(Double percentage) {
    return percentage == null ? 100.0 : percentage;
  }
}
