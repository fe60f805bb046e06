package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Istio's webhook rules for one VirtualService HTTP route (pkg/config/validation validateHTTPRoute,
 * virtualservice.go at 1.24, validation.go at 1.11): route, redirect or direct response and not two
 * of them, match requests, header operations, fault, mirrors, redirect, direct response, retries,
 * rewrite, timeout and destinations. Istio accepts an abort without an error type and a delay
 * without a duration (it only warns, then drops them from Envoy's config), so they pass here.
 * directResponse came with 1.15; 1.11's schema has no such field, so there a route with only a
 * direct response has no route at all.
 */
final class HttpRouteRules {

  private static final int DIRECT_RESPONSE = 15;
  private static final Pattern HEADER_NAME = Pattern.compile("[-_A-Za-z0-9]+");
  private static final Pattern HEADER_VALUE = Pattern.compile("[^\\x00-\\x08\\x0A-\\x1F\\x7F]*");
  private static final Set<String> RETRY_ON =
      Set.of(
          "5xx",
          "gateway-error",
          "reset",
          "reset-before-request",
          "connect-failure",
          "retriable-4xx",
          "refused-stream",
          "retriable-status-codes",
          "retriable-headers",
          "envoy-ratelimited",
          "http3-post-connect-failure",
          "cancelled",
          "deadline-exceeded",
          "internal",
          "resource-exhausted",
          "unavailable");

  private HttpRouteRules() {}

  static void httpRoute(
      String field, JsonNode route, boolean delegate, int minor, FieldErrors errors) {
    conflicts(field, route, delegate, minor, errors);
    JsonNode matches = route.path("match");
    for (int i = 0; i < matches.size(); i++) {
      match(field + ".match[" + i + "]", matches.get(i), errors);
    }
    headerOperations(field + ".headers", route.path("headers"), errors);
    FaultRules.fault(field + ".fault", route.path("fault"), errors);
    mirrors(field, route, errors);
    redirect(field + ".redirect", route.path("redirect"), errors);
    if (minor >= DIRECT_RESPONSE && route.has("directResponse")) {
      int status = route.path("directResponse").path("status").asInt(0);
      FaultRules.httpStatus(field + ".directResponse.status", status, errors);
      if (route.path("directResponse").path("body").path("string").asText("").length()
          > 1024 * 1024) {
        errors.invalid(field + ".directResponse.body", "", "must be less than 1MB");
      }
    }
    retries(field + ".retries", route.path("retries"), errors);
    rewrite(field + ".rewrite", route.path("rewrite"), errors);
    JsonNode destinations = route.path("route");
    for (int i = 0; i < destinations.size(); i++) {
      headerOperations(
          field + ".route[" + i + "].headers", destinations.get(i).path("headers"), errors);
    }
    VirtualServiceRules.destinations(field + ".route", destinations, minor, errors);
    if (route.has("timeout")) {
      FaultRules.duration(field + ".timeout", route.path("timeout"), errors);
    }
  }

  /** validateHTTPRouteConflict. */
  private static void conflicts(
      String field, JsonNode route, boolean delegate, int minor, FieldErrors errors) {
    boolean redirect = route.has("redirect");
    boolean direct = minor >= DIRECT_RESPONSE && route.has("directResponse");
    boolean routes = !route.path("route").isEmpty();
    if (!delegate && route.has("delegate")) {
      if (redirect) {
        errors.forbidden(field + ".redirect", "root HTTP route must not specify redirect");
      }
      if (routes) {
        errors.forbidden(field + ".route", "root HTTP route must not specify route");
      }
      return;
    }
    if (delegate && route.has("delegate")) {
      errors.forbidden(field + ".delegate", "delegate HTTP route cannot contain delegate");
    }
    if (redirect || direct) {
      String action = redirect ? "redirect" : "direct_response";
      if (routes) {
        errors.forbidden(field, "HTTP route cannot contain both route and " + action);
      }
      if (route.has("fault")) {
        errors.forbidden(field, "HTTP route cannot contain both fault and " + action);
      }
      if (route.has("rewrite")) {
        errors.forbidden(field, "HTTP route rule cannot contain both rewrite and " + action);
      }
      if (redirect && direct) {
        errors.forbidden(field, "HTTP route rule cannot contain both direct_response and redirect");
      }
    } else if (!routes) {
      errors.required(
          field + ".route",
          minor >= DIRECT_RESPONSE
              ? "HTTP route, redirect or direct_response is required"
              : "HTTP route or redirect is required");
    }
    if (route.has("mirror") && !route.path("mirrors").isEmpty()) {
      errors.forbidden(field, "HTTP route cannot contain both mirror and mirrors");
    }
  }

  /** validateHTTPRouteMatchRequest. */
  private static void match(String field, JsonNode match, FieldErrors errors) {
    headerMatches(field + ".headers", match.path("headers"), false, errors);
    headerMatches(field + ".withoutHeaders", match.path("withoutHeaders"), true, errors);
    for (String name : new String[] {"uri", "scheme", "method", "authority"}) {
      if (match.has(name)) {
        stringMatch(field + "." + name, match.path(name), errors);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> query = match.path("queryParams").fields();
    while (query.hasNext()) {
      var parameter = query.next();
      stringMatch(field + ".queryParams[" + parameter.getKey() + "]", parameter.getValue(), errors);
    }
    if (match.path("port").asInt(0) != 0) {
      IstioNames.port(field + ".port", match.path("port"), errors);
    }
    IstioNames.labels(field + ".sourceLabels", match.path("sourceLabels"), errors);
    VirtualServiceRules.gatewayNames(field + ".gateways", match.path("gateways"), errors);
    String sourceNamespace = match.path("sourceNamespace").asText("");
    if (!sourceNamespace.isEmpty() && !IstioNames.isDns1123Label(sourceNamespace)) {
      errors.invalid(
          field + ".sourceNamespace", sourceNamespace, "sourceNamespace match is invalid");
    }
  }

  private static void headerMatches(
      String field, JsonNode headers, boolean without, FieldErrors errors) {
    Iterator<Map.Entry<String, JsonNode>> entries = headers.fields();
    while (entries.hasNext()) {
      var header = entries.next();
      String name = header.getKey();
      String at = field + "[" + name + "]";
      if (header.getValue().isNull()) {
        errors.required(at, "header match " + name + " cannot be null");
        continue;
      }
      if (!name.startsWith("@request.auth.claims") && !HEADER_NAME.matcher(name).matches()) {
        errors.invalid(at, name, "header name " + name + " is not a valid header name");
      }
      if (!(without && "*".equals(header.getValue().path("regex").asText(null)))) {
        stringMatch(at, header.getValue(), errors);
      }
    }
  }

  /** validateStringMatch: a prefix is not empty, a regex compiles and is at most 1024 long. */
  private static void stringMatch(String field, JsonNode match, FieldErrors errors) {
    if (match.has("regex")) {
      regex(field + ".regex", match.path("regex").asText(""), errors);
    }
  }

  private static void regex(String field, String regex, FieldErrors errors) {
    if (regex.isEmpty()) {
      errors.invalid(field, regex, "regex string match should not be empty");
      return;
    }
    if (regex.length() > 1024) {
      errors.invalid(field, regex, "regex is too large, max length allowed is 1024");
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      errors.invalid(field, regex, "Istio uses RE2 style regex-based match: " + e.getDescription());
    }
  }

  /** Header manipulation: names Envoy may change, values without control characters. */
  private static void headerOperations(String field, JsonNode headers, FieldErrors errors) {
    for (String side : new String[] {"request", "response"}) {
      JsonNode operations = headers.path(side);
      boolean request = side.equals("request");
      for (String kind : new String[] {"set", "add"}) {
        Iterator<Map.Entry<String, JsonNode>> entries = operations.path(kind).fields();
        while (entries.hasNext()) {
          var header = entries.next();
          String at = field + "." + side + "." + kind + "[" + header.getKey() + "]";
          headerName(at, header.getKey(), request, errors);
          if (!HEADER_VALUE.matcher(header.getValue().asText()).matches()) {
            errors.invalid(at, header.getValue().asText(), "header value configuration is invalid");
          }
        }
      }
      JsonNode remove = operations.path("remove");
      for (int i = 0; i < remove.size(); i++) {
        headerName(
            field + "." + side + ".remove[" + i + "]", remove.get(i).asText(), false, errors);
      }
    }
  }

  /**
   * ValidateHTTPHeaderWithAuthorityOperationName (request set/add: the authority may be set) and
   * ValidateHTTPHeaderOperationName (the rest: neither Host nor a {@code :} pseudo-header).
   */
  private static void headerName(String field, String name, boolean authority, FieldErrors errors) {
    boolean isAuthority = name.equalsIgnoreCase(":authority") || name.equalsIgnoreCase("host");
    if (name.isEmpty()) {
      errors.invalid(field, name, "header name cannot be empty");
    } else if ((name.startsWith(":") || name.equalsIgnoreCase("host"))
        && !(authority && isAuthority)) {
      errors.invalid(field, name, "invalid header: cannot set Host or a \":\" pseudo-header");
    }
  }

  /** The deprecated mirrorPercent, mirrorPercentage, mirror and each of mirrors. */
  private static void mirrors(String field, JsonNode route, FieldErrors errors) {
    if (route.path("mirrorPercent").asInt(0) > 100) {
      errors.invalid(
          field + ".mirrorPercent",
          route.path("mirrorPercent").asInt(),
          "mirror_percent must have a max value of 100");
    }
    double percentage = route.path("mirrorPercentage").path("value").asDouble(0);
    if (percentage < 0 || percentage > 100) {
      errors.invalid(
          field + ".mirrorPercentage.value",
          percentage,
          "mirror_percentage must be in range 0..100");
    }
    if (route.has("mirror")) {
      VirtualServiceRules.destination(field + ".mirror", route.path("mirror"), errors);
    }
    JsonNode mirrors = route.path("mirrors");
    for (int i = 0; i < mirrors.size(); i++) {
      String at = field + ".mirrors[" + i + "]";
      if (!mirrors.get(i).has("destination")) {
        errors.required(at + ".destination", "destination is required for mirrors");
        continue;
      }
      VirtualServiceRules.destination(
          at + ".destination", mirrors.get(i).path("destination"), errors);
      double value = mirrors.get(i).path("percentage").path("value").asDouble(0);
      if (value < 0 || value > 100) {
        errors.invalid(
            at + ".percentage.value", value, "mirror percentage must be in range 0..100");
      }
    }
  }

  /** validateHTTPRedirect, which stops at its first error. */
  private static void redirect(String field, JsonNode redirect, FieldErrors errors) {
    if (redirect.isMissingNode()) {
      return;
    }
    int code = redirect.path("redirectCode").asInt(0);
    String scheme = redirect.path("scheme").asText("");
    if (redirect.path("uri").asText("").isEmpty()
        && redirect.path("authority").asText("").isEmpty()
        && !redirect.has("port")
        && !redirect.has("derivePort")
        && scheme.isEmpty()) {
      errors.required(field, "redirect must specify URI, authority, scheme, or port");
    } else if (code != 0 && (code < 300 || code > 399)) {
      errors.invalid(
          field + ".redirectCode", code, code + " is not a valid redirect code, must be 3xx");
    } else if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
      errors.invalid(
          field + ".scheme", scheme, "invalid redirect scheme, must be \"http\" or \"https\"");
    } else if (redirect.path("port").asInt(0) > 0) {
      IstioNames.port(field + ".port", redirect.path("port"), errors);
    }
  }

  /** validateHTTPRetry: attempts not negative, a valid per-try timeout and retryOn policies. */
  private static void retries(String field, JsonNode retries, FieldErrors errors) {
    if (retries.isMissingNode()) {
      return;
    }
    if (retries.path("attempts").asInt(0) < 0) {
      errors.invalid(
          field + ".attempts", retries.path("attempts").asInt(), "attempts cannot be negative");
    }
    if (retries.has("perTryTimeout")) {
      FaultRules.duration(field + ".perTryTimeout", retries.path("perTryTimeout"), errors);
    }
    String retryOn = retries.path("retryOn").asText("");
    if (!retryOn.isEmpty()) {
      for (String policy : retryOn.split(",")) {
        boolean status = policy.matches("[1-5]\\d\\d");
        if (!status && !RETRY_ON.contains(policy)) {
          errors.invalid(field + ".retryOn", policy, "not a valid retryOn policy");
        }
      }
    }
  }

  /** validateHTTPRewrite: one of uri or uriRegexRewrite, and something to rewrite. */
  private static void rewrite(String field, JsonNode rewrite, FieldErrors errors) {
    if (rewrite.isMissingNode()) {
      return;
    }
    boolean uri = !rewrite.path("uri").asText("").isEmpty();
    boolean regex = rewrite.has("uriRegexRewrite");
    if (uri && regex) {
      errors.forbidden(field, "rewrite may only contain one of URI or UriRegexRewrite");
    } else if (!uri && !regex && rewrite.path("authority").asText("").isEmpty()) {
      errors.required(
          field, "rewrite must specify at least one of URI, UriRegexRewrite, or authority");
    }
    if (regex) {
      JsonNode regexRewrite = rewrite.path("uriRegexRewrite");
      if (regexRewrite.path("match").asText("").isEmpty()
          || regexRewrite.path("rewrite").asText("").isEmpty()) {
        errors.required(
            field + ".uriRegexRewrite",
            "UriRegexRewrite requires both Rewrite and Match fields to be specified");
      } else {
        regex(field + ".uriRegexRewrite.match", regexRewrite.path("match").asText(), errors);
      }
    }
  }
}
