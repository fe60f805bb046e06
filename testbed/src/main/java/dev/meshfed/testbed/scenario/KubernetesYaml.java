package dev.meshfed.testbed.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Conversions between Kubernetes objects, JSON trees and YAML. */
final class KubernetesYaml {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final ObjectReader DOCUMENT_READER =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build()
          .readerFor(JsonNode.class);

  private KubernetesYaml() {}

  static ObjectNode toTree(GenericKubernetesResource object) {
    return JSON.valueToTree(object);
  }

  static GenericKubernetesResource toResource(JsonNode tree) throws JsonProcessingException {
    return JSON.treeToValue(tree, GenericKubernetesResource.class);
  }
}
