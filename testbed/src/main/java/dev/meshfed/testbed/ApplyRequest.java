package dev.meshfed.testbed;

import static java.net.HttpURLConnection.HTTP_BAD_REQUEST;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A server-side apply request: where it goes, who sends it and the fields it applies. */
record ApplyRequest(
    String collectionPath,
    String name,
    String namespace,
    boolean statusSubresource,
    String fieldManager,
    ObjectNode fields) {

  private static final int HTTP_UNPROCESSABLE_ENTITY = 422;
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> SERVER_SET_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "managedFields",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  static final class InvalidApplyException extends Exception {
    private final int status;

    InvalidApplyException(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  String objectPath() {
    return collectionPath + "/" + name;
  }

  /** The object to create when none exists yet. */
  ObjectNode newObject() {
    ObjectNode object = fields.deepCopy();
    if (namespace != null) {
      object.withObjectProperty("metadata").put("namespace", namespace);
    }
    return object;
  }

  static ApplyRequest parse(String pathAndQuery, String body) throws InvalidApplyException {
    URI uri;
    try {
      uri = new URI(pathAndQuery);
    } catch (URISyntaxException e) {
      throw new InvalidApplyException(HTTP_BAD_REQUEST, "not a valid request URI: " + pathAndQuery);
    }
    ResourcePath path = ResourcePath.parse(uri.getRawPath());
    String fieldManager =
        queryParameter(uri.getRawQuery(), "fieldManager")
            .orElseThrow(
                () ->
                    new InvalidApplyException(
                        HTTP_UNPROCESSABLE_ENTITY, "fieldManager is required for apply requests"));
    ObjectNode object = parseBody(body);
    validate(object, path);
    ObjectNode fields = path.statusSubresource() ? statusFields(object) : specFields(object);
    return new ApplyRequest(
        path.collectionPath(),
        path.name(),
        path.namespace(),
        path.statusSubresource(),
        fieldManager,
        fields);
  }

  private static ObjectNode parseBody(String body) throws InvalidApplyException {
    try {
      // JSON is YAML too, and what clients send: read it as JSON, as a real server's decoder does
      JsonNode node = (body.stripLeading().startsWith("{") ? JSON : YAML).readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new InvalidApplyException(HTTP_BAD_REQUEST, "apply body is not an object");
    } catch (JsonProcessingException e) {
      throw new InvalidApplyException(HTTP_BAD_REQUEST, "apply body is not YAML: " + e);
    }
  }

  private static void validate(ObjectNode object, ResourcePath path) throws InvalidApplyException {
    String apiVersion = object.path("apiVersion").asText("");
    if (!apiVersion.equals(path.apiVersion())) {
      throw new InvalidApplyException(
          HTTP_BAD_REQUEST,
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + path.apiVersion()
              + ")");
    }
    if (object.path("kind").asText("").isEmpty()) {
      throw new InvalidApplyException(HTTP_BAD_REQUEST, "kind is required");
    }
    ObjectNode metadata = object.withObjectProperty("metadata");
    String name = metadata.path("name").asText(path.name());
    String namespace = metadata.path("namespace").asText("");
    if (!name.equals(path.name())) {
      throw new InvalidApplyException(
          HTTP_BAD_REQUEST,
          "the name of the object (" + name + ") does not match the name on the URL");
    }
    if (!namespace.isEmpty() && !namespace.equals(path.namespace())) {
      throw new InvalidApplyException(
          HTTP_BAD_REQUEST,
          "the namespace of the object ("
              + namespace
              + ") does not match the namespace on the URL");
    }
    metadata.put("name", name);
  }

  private static ObjectNode specFields(ObjectNode object) {
    ObjectNode fields = object.deepCopy();
    fields.remove("status");
    fields.withObjectProperty("metadata").remove(SERVER_SET_METADATA);
    return fields;
  }

  private static ObjectNode statusFields(ObjectNode object) {
    ObjectNode fields = object.objectNode();
    fields.set("apiVersion", object.get("apiVersion"));
    fields.set("kind", object.get("kind"));
    fields.withObjectProperty("metadata").set("name", object.path("metadata").get("name"));
    if (object.has("status")) {
      fields.set("status", object.get("status").deepCopy());
    }
    return fields;
  }

  private static Optional<String> queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    return Arrays.stream(rawQuery.split("&"))
        .map(pair -> pair.split("=", 2))
        .filter(pair -> pair.length == 2 && pair[0].equals(name))
        .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
        .filter(value -> !value.isEmpty())
        .findFirst();
  }

  /** The parts of an object's URL: /api/v1/... or /apis/GROUP/VERSION/... */
  private record ResourcePath(
      String apiVersion,
      String collectionPath,
      String namespace,
      String name,
      boolean statusSubresource) {

    static ResourcePath parse(String rawPath) throws InvalidApplyException {
      List<String> segments = Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty()).toList();
      boolean core = !segments.isEmpty() && segments.get(0).equals("api");
      int prefixLength = core ? 2 : 3;
      if (segments.size() < prefixLength) {
        throw notAnObject(rawPath);
      }
      String apiVersion = core ? segments.get(1) : segments.get(1) + "/" + segments.get(2);
      List<String> rest = segments.subList(prefixLength, segments.size());
      boolean status = rest.size() % 2 == 1 && rest.get(rest.size() - 1).equals("status");
      List<String> resource = status ? rest.subList(0, rest.size() - 1) : rest;
      String prefix = "/" + String.join("/", segments.subList(0, prefixLength));
      if (resource.size() == 2) {
        return new ResourcePath(
            apiVersion, prefix + "/" + resource.get(0), null, resource.get(1), status);
      }
      if (resource.size() == 4 && resource.get(0).equals("namespaces")) {
        return new ResourcePath(
            apiVersion,
            prefix + "/namespaces/" + resource.get(1) + "/" + resource.get(2),
            resource.get(1),
            resource.get(3),
            status);
      }
      throw notAnObject(rawPath);
    }

    private static InvalidApplyException notAnObject(String rawPath) {
      return new InvalidApplyException(HTTP_NOT_FOUND, "not the path of an object: " + rawPath);
    }
  }
}
