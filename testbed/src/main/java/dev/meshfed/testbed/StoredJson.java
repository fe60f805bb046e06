package dev.meshfed.testbed;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** The store's objects as the JSON it keeps them in, and the copies a write derives from them. */
final class StoredJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredJson() {}

  static ObjectNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalStateException("stored state is not a JSON object: " + json);
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored state is not JSON: " + json, e);
    }
  }

  static String bodyOf(MockResponse response) {
    return response.getBody() == null ? "" : new String(response.getBody().getBytes(), UTF_8);
  }

  /** A deleted object as watchers see it: at the version of its deletion. */
  static String withResourceVersion(String state, long version) {
    ObjectNode copy = parse(state);
    ((ObjectNode) copy.path("metadata")).put("resourceVersion", String.valueOf(version));
    return copy.toString();
  }

  static ObjectNode withApiVersion(ObjectNode object, String apiVersion) {
    ObjectNode copy = object.deepCopy();
    copy.put("apiVersion", apiVersion);
    return copy;
  }

  static boolean isKind(ObjectNode object, String apiVersion, String kind) {
    return apiVersion.equals(object.path("apiVersion").asText())
        && kind.equals(object.path("kind").asText());
  }
}
