package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property: discovery's mappers take any malformed object (see {@link Malformations}) without
 * throwing, every record they write survives the topic's serde, and every field given a value of
 * the wrong JSON type is named among the mapping's problems (which translation turns into the
 * input's diagnostics). Seeded: {@code -Dfuzz.seed=S -Dfuzz.inputs=N} replays or runs longer; a
 * failure prints the seed and the malformed object.
 */
class MalformedInputFuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20_261_204L);
  private static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
  private static final int REPORTED = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TopicSpec<DiscoveryKey, DiscoveredObject> TOPIC = Topics.discovered("fuzz");

  private record Template(Source source, ObjectNode object) {}

  @Test
  void mappersTakeAnyMalformedObjectAndNameEveryFieldOfTheWrongType() throws IOException {
    List<Template> templates = templates();
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    java.util.Set<String> distinct = new java.util.TreeSet<>();
    Map<String, Integer> mapped = new TreeMap<>();
    int inputs = 0;
    while (inputs < INPUTS) {
      Template template = templates.get(random.nextInt(templates.size()));
      ObjectNode object = template.object().deepCopy();
      boolean typed = !template.source().resource().isPresent();
      String root = template.source() == Source.MESH_CONFIGS ? "data" : "spec";
      List<Malformations.Change> changes = new Malformations(random, typed).apply(object, root);
      HasMetadata input;
      try {
        input = JSON.treeToValue(object, classOf(template.source()));
      } catch (IOException | IllegalArgumentException unreadable) {
        continue; // the API server would refuse it: it never reaches discovery
      }
      inputs++;
      mapped.merge(object.path("kind").asText(), 1, Integer::sum);
      String problem = check(template.source(), input, changes);
      if (problem != null
          && distinct.add(
              template.source()
                  + " "
                  + problem.replaceAll("\\[\\d+\\]", "[]").replaceAll(" became .*", ""))) {
        if (failures.size() < REPORTED) {
          failures.add(
              "input %d (seed %d), %s: %s%n  changes: %s%n%s"
                  .formatted(
                      inputs,
                      SEED,
                      template.source(),
                      problem,
                      changes,
                      new YAMLMapper().writeValueAsString(object)));
        }
      }
    }
    System.out.printf("malformed-input fuzz: %d inputs, seed %d: %s%n", inputs, SEED, mapped);

    assertThat(failures)
        .as("malformed inputs mishandled, %d distinct ways: %s", distinct.size(), distinct)
        .isEmpty();
    assertThat(mapped.keySet()).as("kinds fuzzed").hasSizeGreaterThanOrEqualTo(16);
  }

  /** What went wrong with one input, or null. */
  private static String check(
      Source source, HasMetadata input, List<Malformations.Change> changes) {
    Mapping mapping;
    try {
      mapping = DiscoveryMapper.map(source, input);
    } catch (RuntimeException e) {
      return "the mapper threw " + e;
    }
    for (Write write : mapping.writes()) {
      try {
        byte[] bytes = TOPIC.valueSerde().serializer().serialize(TOPIC.name(), write.value());
        TOPIC.valueSerde().deserializer().deserialize(TOPIC.name(), bytes);
      } catch (RuntimeException e) {
        return "its record does not survive the topic's serde: " + e;
      }
    }
    // with one change, the changed field's type is the template's: a wrong one must be named
    if (changes.size() == 1
        && changes.get(0).wrongType()
        && !intOrString(changes.get(0))
        && !named(changes.get(0).path(), mapping.problems())) {
      return changes.get(0).path()
          + " became "
          + changes.get(0).description()
          + ", but the problems "
          + mapping.problems()
          + " do not name it";
    }
    return null;
  }

  /** A port's targetPort is a number, a name or an object: a scalar is of a type it takes. */
  private static boolean intOrString(Malformations.Change change) {
    return change.path().endsWith(".targetPort")
        && (change.description().startsWith("the string")
            || change.description().startsWith("the number"));
  }

  /** Whether a problem names the path or a field containing it (read no further). */
  private static boolean named(String path, List<String> problems) {
    for (String problem : problems) {
      String named = problem.substring(0, Math.max(0, problem.indexOf(':')));
      if (path.equals(named) || path.startsWith(named + ".") || path.startsWith(named + "[")) {
        return true;
      }
    }
    return false;
  }

  private static Class<? extends HasMetadata> classOf(Source source) {
    return switch (source) {
      case NAMESPACES -> Namespace.class;
      case NODES -> Node.class;
      case SERVICES -> Service.class;
      case ISTIOD_DEPLOYMENTS, DEPLOYMENTS -> Deployment.class;
      case MESH_CONFIGS -> ConfigMap.class;
      default -> GenericKubernetesResource.class;
    };
  }

  private static List<Template> templates() throws IOException {
    List<Template> templates = new ArrayList<>();
    try (InputStream in =
        MalformedInputFuzzTest.class.getResourceAsStream("/fuzz/templates.yaml")) {
      for (JsonNode document :
          new YAMLMapper()
              .readValues(new YAMLMapper().createParser(in), JsonNode.class)
              .readAll()) {
        sourceOf(document)
            .ifPresent(source -> templates.add(new Template(source, (ObjectNode) document)));
      }
    }
    return templates;
  }

  private static java.util.Optional<Source> sourceOf(JsonNode document) {
    String apiVersion = document.path("apiVersion").asText();
    String kind = document.path("kind").asText();
    return switch (kind) {
      case "Namespace" -> java.util.Optional.of(Source.NAMESPACES);
      case "Node" -> java.util.Optional.of(Source.NODES);
      case "Service" -> java.util.Optional.of(Source.SERVICES);
      case "ConfigMap" -> java.util.Optional.of(Source.MESH_CONFIGS);
      case "Deployment" ->
          java.util.Optional.of(
              document.path("metadata").path("labels").path("app").asText().equals("istiod")
                  ? Source.ISTIOD_DEPLOYMENTS
                  : Source.DEPLOYMENTS);
      default ->
          Arrays.stream(Source.values())
              .filter(
                  source ->
                      source
                          .resource()
                          .map(r -> r.apiVersion().equals(apiVersion) && r.kind().equals(kind))
                          .orElse(false))
              .findFirst();
    };
  }
}
