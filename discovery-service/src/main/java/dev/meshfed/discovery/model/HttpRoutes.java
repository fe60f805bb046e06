package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DirectResponse;
import dev.meshfed.schema.discovery.ForwardTo;
import dev.meshfed.schema.discovery.HttpRoute;
import dev.meshfed.schema.discovery.Redirect;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route table's {@code http} routes: Gloo Mesh's HTTPRoutes ({@code name, labels, matchers} and
 * one action of {@code forwardTo, redirect, directResponse}), as written. Every route is kept, each
 * field null (or empty) where it cannot be read; what meshfed cannot represent ({@code delegate},
 * {@code graphql}, a rewrite by regex…) is a problem.
 */
final class HttpRoutes {

  private static final List<String> FIELDS =
      List.of("name", "labels", "matchers", "forwardTo", "redirect", "directResponse");
  private static final List<String> FORWARD_TO_FIELDS =
      List.of("destinations", "pathRewrite", "hostRewrite");
  private static final List<String> REDIRECT_FIELDS =
      List.of("hostRedirect", "pathRedirect", "responseCode");
  private static final List<String> DIRECT_RESPONSE_FIELDS = List.of("status", "body");

  private HttpRoutes() {}

  static List<HttpRoute> read(LenientReader reader, Object value, String path) {
    return reader.objects(
        value, path, (item, itemPath) -> Optional.of(route(reader, item, itemPath)));
  }

  private static HttpRoute route(LenientReader reader, Map<?, ?> route, String path) {
    reader.unsupportedFields(route, path, FIELDS);
    return HttpRoute.newBuilder()
        .setName(reader.string(route.get("name"), path + ".name").orElse(null))
        .setLabels(reader.stringMap(route.get("labels"), path + ".labels"))
        .setMatchers(HttpMatchers.read(reader, route.get("matchers"), path + ".matchers"))
        .setForwardTo(action(reader, route, path, "forwardTo", HttpRoutes::forwardTo))
        .setRedirect(action(reader, route, path, "redirect", HttpRoutes::redirect))
        .setDirectResponse(
            action(reader, route, path, "directResponse", HttpRoutes::directResponse))
        .build();
  }

  private static <T> T action(
      LenientReader reader, Map<?, ?> route, String path, String name, Action<T> action) {
    String actionPath = path + "." + name;
    return reader
        .map(route.get(name), actionPath)
        .map(fields -> action.read(reader, fields, actionPath))
        .orElse(null);
  }

  private static ForwardTo forwardTo(LenientReader reader, Map<?, ?> forwardTo, String path) {
    reader.unsupportedFields(forwardTo, path, FORWARD_TO_FIELDS);
    return new ForwardTo(
        RouteDestinations.read(reader, forwardTo.get("destinations"), path + ".destinations"),
        reader.string(forwardTo.get("pathRewrite"), path + ".pathRewrite").orElse(null),
        reader.string(forwardTo.get("hostRewrite"), path + ".hostRewrite").orElse(null));
  }

  /** The response code as written: a Gloo Mesh name (MOVED_PERMANENTLY…) or a number. */
  private static Redirect redirect(LenientReader reader, Map<?, ?> redirect, String path) {
    reader.unsupportedFields(redirect, path, REDIRECT_FIELDS);
    return new Redirect(
        reader.string(redirect.get("hostRedirect"), path + ".hostRedirect").orElse(null),
        reader.string(redirect.get("pathRedirect"), path + ".pathRedirect").orElse(null),
        reader.intOrString(redirect.get("responseCode"), path + ".responseCode").orElse(null));
  }

  private static DirectResponse directResponse(
      LenientReader reader, Map<?, ?> response, String path) {
    reader.unsupportedFields(response, path, DIRECT_RESPONSE_FIELDS);
    return new DirectResponse(
        reader.integer(response.get("status"), path + ".status").orElse(null),
        reader.string(response.get("body"), path + ".body").orElse(null));
  }

  @FunctionalInterface
  private interface Action<T> {
    T read(LenientReader reader, Map<?, ?> fields, String path);
  }
}
