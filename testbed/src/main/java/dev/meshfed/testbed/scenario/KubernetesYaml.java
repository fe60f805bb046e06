package dev.meshfed.testbed.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/** Conversions between Kubernetes objects, JSON trees and YAML. */
final class KubernetesYaml {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static final ObjectReader DOCUMENT_READER =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build()
          .readerFor(JsonNode.class);

  private static final ObjectMapper STABLE_WRITER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private KubernetesYaml() {}

  static ObjectNode toTree(GenericKubernetesResource object) {
    return JSON.valueToTree(object);
  }

  static GenericKubernetesResource toResource(JsonNode tree) throws JsonProcessingException {
    return JSON.treeToValue(tree, GenericKubernetesResource.class);
  }

  /** YAML with the keys of every map sorted, so equal objects always read the same. */
  static String toStableYaml(JsonNode tree) {
    try {
      return STABLE_WRITER.writeValueAsString(JSON.convertValue(tree, MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree as YAML", e);
    }
  }
}
