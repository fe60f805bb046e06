package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** A list answer without its items, as from a broken API server; other answers pass unchanged. */
final class EmptyLists {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EmptyLists() {}

  static MockResponse emptied(MockResponse response) {
    String body;
    try {
      body = StoredJson.bodyOf(response);
    } catch (RuntimeException streaming) {
      return response; // a watch: a stream, no list
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (Exception notJson) {
      return response;
    }
    if (!(tree instanceof ObjectNode list)
        || !list.path("kind").asText().endsWith("List")
        || !list.path("items").isArray()) {
      return response;
    }
    list.putArray("items");
    return new MockResponse()
        .setResponseCode(response.code())
        .setHeader("Content-Type", "application/json")
        .setBody(list.toString());
  }
}
