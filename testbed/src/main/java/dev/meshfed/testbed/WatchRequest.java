package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a watch request asks for: the objects matching a query, from a resource version, and whether
 * bookmarks are welcome.
 */
record WatchRequest(AttributeSet query, String resourceVersion, boolean bookmarks) {

  private static final String NAME_SELECTOR = "metadata.name=";

  /** fabric8 reads the path's kind, namespace and selectors; the name selector is read here. */
  static WatchRequest of(String path, AttributeSet pathQuery) {
    Map<String, String> parameters = parameters(path);
    AttributeSet query = pathQuery;
    String fieldSelector = parameters.getOrDefault("fieldSelector", "");
    for (String selector : fieldSelector.split(",")) {
      if (selector.startsWith(NAME_SELECTOR)) {
        query = query.add(new Attribute(NAME, selector.substring(NAME_SELECTOR.length())));
      }
    }
    return new WatchRequest(
        query,
        parameters.get("resourceVersion"),
        "true".equals(parameters.get("allowWatchBookmarks")));
  }

  private static Map<String, String> parameters(String path) {
    Map<String, String> parameters = new HashMap<>();
    String query = URI.create(path).getRawQuery();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
