package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A VirtualService's HTTPMatchRequest, in two halves as Istio splits it. What istiod decides while
 * building the proxy's routes (route.go translateRoute and sourceMatchHTTP): {@code port}, {@code
 * gateways}, {@code sourceLabels} and {@code sourceNamespace}; a match failing them is left out of
 * the route table. And what Envoy checks per request (TranslateRouteMatch): uri exact, prefix or
 * regex (RE2, whole path, without the query string; {@code ignoreUriCase} for exact and prefix),
 * headers, {@code withoutHeaders}, queryParams, method, authority and scheme, each a StringMatch; a
 * StringMatch without a type, or {@code regex: "*"}, only asks for presence. A missing header never
 * satisfies {@code withoutHeaders} unless its match is a presence match: Envoy's header matcher
 * fails on an absent header and only then inverts (issues istio/istio#49537, #50988, on 1.20–1.22;
 * later releases set treat_missing_header_as_empty, not modelled here).
 */
final class HttpMatch {

  private HttpMatch() {}

  /** Whether istiod keeps a match in a sidecar's route table on {@code port}. */
  static boolean built(JsonNode match, Request request, int port) {
    if (match.path("port").asInt(0) != 0 && match.path("port").asInt() != port) {
      return false;
    }
    if (match.has("gateways") && !match.path("gateways").isEmpty()) {
      return Json.strings(match.path("gateways")).contains(VirtualServices.MESH);
    }
    Map<String, String> labels = Json.stringMap(match.path("sourceLabels"));
    if (!Selectors.selects(labels, request.sourceLabels())) {
      return false;
    }
    String sourceNamespace = match.path("sourceNamespace").asText("");
    return sourceNamespace.isEmpty() || sourceNamespace.equals(request.namespace());
  }

  /** Whether Envoy's route match built from {@code match} matches the request. */
  static boolean matches(JsonNode match, Request request) {
    boolean ignoreCase = match.path("ignoreUriCase").asBoolean(false);
    if (match.has("uri") && !uri(match.path("uri"), request.pathOnly(), ignoreCase)) {
      return false;
    }
    var headers = match.path("headers").fields();
    while (headers.hasNext()) {
      var header = headers.next();
      Optional<String> value = header(request, header.getKey());
      if (value.isEmpty() || !string(header.getValue(), value.get())) {
        return false;
      }
    }
    var without = match.path("withoutHeaders").fields();
    while (without.hasNext()) {
      var header = without.next();
      Optional<String> value = header(request, header.getKey());
      boolean present = value.isPresent() && string(header.getValue(), value.get());
      if (value.isEmpty() ? !presenceOnly(header.getValue()) : present) {
        return false;
      }
    }
    var query = match.path("queryParams").fields();
    Map<String, String> parameters = queryParameters(request);
    while (query.hasNext()) {
      var parameter = query.next();
      String value = parameters.get(parameter.getKey());
      if (value == null || !string(parameter.getValue(), value)) {
        return false;
      }
    }
    return pseudoHeader(match, "method", request.method())
        && pseudoHeader(match, "authority", header(request, "host").orElse(request.host()))
        && pseudoHeader(match, "scheme", "http");
  }

  private static boolean pseudoHeader(JsonNode match, String field, String value) {
    return !match.has(field) || string(match.path(field), value);
  }

  private static Optional<String> header(Request request, String name) {
    return Optional.ofNullable(request.headers().get(name.toLowerCase(Locale.ROOT)));
  }

  private static boolean uri(JsonNode stringMatch, String path, boolean ignoreCase) {
    if (stringMatch.has("exact")) {
      String exact = stringMatch.path("exact").asText();
      return ignoreCase ? exact.equalsIgnoreCase(path) : exact.equals(path);
    }
    if (stringMatch.has("prefix")) {
      String prefix = stringMatch.path("prefix").asText();
      return ignoreCase
          ? path.regionMatches(true, 0, prefix, 0, prefix.length())
          : path.startsWith(prefix);
    }
    return !stringMatch.has("regex") || regex(stringMatch.path("regex").asText(), path);
  }

  /** A StringMatch on a present value (util.ConvertToEnvoyMatch). */
  private static boolean string(JsonNode stringMatch, String value) {
    if (presenceOnly(stringMatch)) {
      return true;
    }
    if (stringMatch.has("exact")) {
      return stringMatch.path("exact").asText().equals(value);
    }
    if (stringMatch.has("prefix")) {
      return value.startsWith(stringMatch.path("prefix").asText());
    }
    return regex(stringMatch.path("regex").asText(), value);
  }

  /** canBeConvertedToPresentMatch: no match type, or the regex {@code *}. */
  private static boolean presenceOnly(JsonNode stringMatch) {
    boolean typed =
        stringMatch.has("exact") || stringMatch.has("prefix") || stringMatch.has("regex");
    return !typed || "*".equals(stringMatch.path("regex").asText(null));
  }

  /** Envoy's safe_regex matches the whole value. */
  private static boolean regex(String regex, String value) {
    return Pattern.compile(regex).matcher(value).matches();
  }

  /** The request's query parameters: its own, then those of the path's query string. */
  private static Map<String, String> queryParameters(Request request) {
    Map<String, String> parameters = new TreeMap<>();
    int query = request.path().indexOf('?');
    if (query >= 0) {
      for (String pair : request.path().substring(query + 1).split("&")) {
        if (!pair.isEmpty()) {
          int equals = pair.indexOf('=');
          String name = equals < 0 ? pair : pair.substring(0, equals);
          String value = equals < 0 ? "" : pair.substring(equals + 1);
          parameters.putIfAbsent(decode(name), decode(value));
        }
      }
    }
    parameters.putAll(request.queryParameters());
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
