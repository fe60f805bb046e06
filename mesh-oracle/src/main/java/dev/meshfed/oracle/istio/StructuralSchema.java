package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validation of an object against the {@code openAPIV3Schema} of its CRD version, as the API server
 * does for a structural schema, with networknt's JSON-schema validator. Unknown fields are rejected
 * (a server with {@code fieldValidation=Strict}, as {@code kubectl apply --server-side} asks for,
 * rejects them; with the default it would drop them silently).
 */
final class StructuralSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();

  /** Keywords OpenAPI v3 shares with JSON schema draft 4 and whose values are not schemas. */
  private static final Set<String> PLAIN_KEYWORDS =
      Set.of(
          "type",
          "enum",
          "required",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "pattern",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minProperties",
          "maxProperties");

  private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

  /**
   * The same, by the schema's node, compared by identity and held weakly: a caller that keeps its
   * parsed CRD (the test bed's API servers do) is spared writing the whole schema out as the key
   * above for every object it admits. So a schema node must not be changed once validated against.
   */
  private static final Cache<JsonNode, JsonSchema> BY_NODE =
      Caffeine.newBuilder().weakKeys().build();

  private StructuralSchema() {}

  /** Adds to {@code errors} how {@code object} breaks {@code openApiSchema}. */
  static void validate(JsonNode openApiSchema, ObjectNode object, FieldErrors errors) {
    JsonSchema schema =
        BY_NODE.get(
            openApiSchema,
            node ->
                COMPILED.computeIfAbsent(
                    node.toString(), key -> FACTORY.getSchema(toJsonSchema(node, true), CONFIG)));
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(withoutNulls(object)));
    messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
    for (ValidationMessage message : messages) {
      // a failed oneOf also reports why each choice failed: its own message says it all
      if (!message.getEvaluationPath().toString().contains(".oneOf[")) {
        report(message, errors);
      }
    }
  }

  /** A server drops null fields whose schema is not nullable before it validates (none is here). */
  private static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    removeNulls(copy);
    return copy;
  }

  private static void removeNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      object
          .fields()
          .forEachRemaining(
              f -> {
                if (f.getValue().isNull()) {
                  nulls.add(f.getKey());
                } else {
                  removeNulls(f.getValue());
                }
              });
      object.remove(nulls);
    } else if (node instanceof ArrayNode array) {
      array.forEach(StructuralSchema::removeNulls);
    }
  }

  private static void report(ValidationMessage message, FieldErrors errors) {
    String location = fieldPath(message.getInstanceLocation().toString());
    JsonNode value = message.getInstanceNode();
    switch (message.getType()) {
      case "required" -> errors.required(child(location, message.getProperty()));
      case "additionalProperties" -> errors.unknownField(child(location, message.getProperty()));
      case "enum" -> {
        List<String> supported = new ArrayList<>();
        message.getSchemaNode().forEach(v -> supported.add(v.asText()));
        errors.unsupported(location, value.isTextual() ? value.asText() : value, supported);
      }
      case "type" ->
          errors.invalid(
              location,
              value.isTextual() ? value.asText() : value,
              "must be of type " + message.getSchemaNode().asText());
      case "oneOf" -> {
        List<String> members = new ArrayList<>();
        message
            .getSchemaNode()
            .forEach(c -> c.path("required").forEach(n -> members.add(n.asText())));
        errors.forbidden(location, "at most one of " + members + " may be set");
      }
      default -> errors.invalid(location, value, message.getMessage());
    }
  }

  /** {@code $.spec.ports[0]} as Kubernetes writes a field path: {@code spec.ports[0]}. */
  private static String fieldPath(String jsonPath) {
    String path = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String child(String location, String property) {
    return location.isEmpty() ? property : location + "." + property;
  }

  /** An OpenAPI v3 (Kubernetes structural) schema as JSON schema draft 4. */
  static ObjectNode toJsonSchema(JsonNode openApi, boolean root) {
    ObjectNode schema = JSON.createObjectNode();
    openApi
        .fields()
        .forEachRemaining(
            entry -> {
              String key = entry.getKey();
              JsonNode value = entry.getValue();
              if (PLAIN_KEYWORDS.contains(key)) {
                schema.set(key, value.deepCopy());
              } else if (key.equals("properties")) {
                ObjectNode properties = schema.putObject("properties");
                value
                    .fields()
                    .forEachRemaining(
                        p -> properties.set(p.getKey(), toJsonSchema(p.getValue(), false)));
              } else if (key.equals("items") || key.equals("not")) {
                schema.set(key, toJsonSchema(value, false));
              } else if (key.equals("additionalProperties")) {
                schema.set(key, value.isObject() ? toJsonSchema(value, false) : value.deepCopy());
              } else if (key.equals("allOf") || key.equals("anyOf") || key.equals("oneOf")) {
                ArrayNode list = schema.putArray(key);
                value.forEach(s -> list.add(toJsonSchema(s, false)));
              }
            });
    if (openApi.path("x-kubernetes-int-or-string").asBoolean()) {
      schema.remove("type");
      ArrayNode either = schema.withArray("anyOf");
      either.addObject().put("type", "integer");
      either.addObject().put("type", "string");
    }
    if (openApi.path("nullable").asBoolean() && schema.has("type")) {
      ArrayNode types = JSON.createArrayNode().add(schema.get("type")).add("null");
      schema.set("type", types);
    }
    if (root) {
      ObjectNode properties = schema.withObject("properties");
      properties.putObject("apiVersion").put("type", "string");
      properties.putObject("kind").put("type", "string");
      properties.putObject("metadata").put("type", "object");
    }
    boolean preserveUnknown = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    if (schema.has("properties") && !schema.has("additionalProperties") && !preserveUnknown) {
      schema.put("additionalProperties", false);
    }
    return schema;
  }
}
