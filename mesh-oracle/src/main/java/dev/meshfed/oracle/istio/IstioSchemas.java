package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.crdv2.generator.v1.JsonSchema;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.IstioEgressListener;
import io.fabric8.istio.api.api.networking.v1alpha3.IstioIngressListener;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRDs fabric8's CRD generator derives from istio-model's classes, completed where the
 * generator cannot read those classes as Istio means them:
 *
 * <ul>
 *   <li>a protobuf {@code oneof} is a {@code @JsonUnwrapped} field of an interface type whose
 *       {@code @JsonSubTypes} each hold one member; the generator emits the field's Java name (e.g.
 *       {@code MatchType}) as one bogus property. It is replaced by the members' properties, at
 *       most one of which may be set, as Istio's own CRDs say with {@code oneOf}.
 *   <li>istio-model carries no field behaviour, so nothing is required; {@link #REQUIRED} lists the
 *       fields Istio's protos mark {@code REQUIRED} and its CRDs list under {@code required}.
 * </ul>
 */
final class IstioSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fields marked {@code (google.api.field_behavior) = REQUIRED} in Istio's protos (1.24). */
  private static final Map<Class<?>, List<String>> REQUIRED =
      Map.of(
          ServiceEntry.class, List.of("hosts"),
          ServicePort.class, List.of("number", "name"),
          Server.class, List.of("port", "hosts"),
          Port.class, List.of("number", "protocol", "name"),
          DestinationRule.class, List.of("host"),
          Subset.class, List.of("name"),
          IstioEgressListener.class, List.of("hosts"),
          IstioIngressListener.class, List.of("port"),
          Condition.class, List.of("key"));

  private static final Map<Class<?>, ObjectNode> GENERATED = new ConcurrentHashMap<>();

  /** The generator writes YAML too; the CRD objects are taken from its post-processor instead. */
  private static final CRDGenerator.CRDOutput<OutputStream> DISCARDED =
      new CRDGenerator.CRDOutput<>() {
        @Override
        public OutputStream outputFor(String crdName) {
          return OutputStream.nullOutputStream();
        }

        @Override
        public URI crdURI(String crdName) {
          return Path.of(System.getProperty("java.io.tmpdir"), crdName).toUri();
        }

        @Override
        public void close() {}
      };

  private IstioSchemas() {}

  /**
   * The generated CRD of {@code kind} (one version, named after the class's {@code @Version}) as
   * JSON, completed as described above. Generated once per JVM; callers get a copy.
   */
  static ObjectNode crd(Class<? extends HasMetadata> kind) {
    return GENERATED.computeIfAbsent(kind, k -> generate(kind)).deepCopy();
  }

  private static ObjectNode generate(Class<? extends HasMetadata> kind) {
    List<CustomResourceDefinition> generated = new ArrayList<>();
    new CRDGenerator()
        .forCRDVersions("v1")
        .withOutput(DISCARDED)
        .withPostProcessor(
            new CRDPostProcessor() {
              @Override
              public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
                generated.add((CustomResourceDefinition) crd);
                return crd;
              }
            })
        .customResourceClasses(kind)
        .generate();
    if (generated.size() != 1) {
      throw new IllegalStateException("expected one CRD for " + kind + ", got " + generated);
    }
    ObjectNode crd = JSON.valueToTree(generated.get(0));
    for (JsonNode version : crd.path("spec").path("versions")) {
      ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema");
      complete(schema, kind);
    }
    return crd;
  }

  /** Completes the schema of {@code type}'s JSON form and, recursively, of its fields. */
  private static void complete(ObjectNode schema, Class<?> type) {
    if (!(schema.get("properties") instanceof ObjectNode properties)) {
      return;
    }
    for (Field field : fields(type)) {
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      if (property == null) {
        continue;
      }
      if (field.isAnnotationPresent(JsonUnwrapped.class)) {
        properties.remove(property.value());
        unwrapOneof(schema, properties, field.getType());
      } else if (properties.get(property.value()) instanceof ObjectNode child) {
        completeValue(child, field.getGenericType());
      }
    }
    List<String> required = REQUIRED.getOrDefault(type, List.of());
    if (!required.isEmpty()) {
      ArrayNode list = schema.putArray("required");
      required.forEach(list::add);
    }
  }

  /** The members of a oneof become properties of the enclosing object; at most one may be set. */
  private static void unwrapOneof(ObjectNode schema, ObjectNode properties, Class<?> oneof) {
    JsonSubTypes members = oneof.getAnnotation(JsonSubTypes.class);
    if (members == null) {
      return;
    }
    ArrayNode choices = JSON.createArrayNode();
    ArrayNode anyMember = JSON.createArrayNode();
    for (JsonSubTypes.Type member : members.value()) {
      ObjectNode memberSchema = memberSchema(member.value());
      memberSchema
          .path("properties")
          .fields()
          .forEachRemaining(
              entry -> {
                properties.set(entry.getKey(), entry.getValue());
                ObjectNode requiresIt = JSON.createObjectNode();
                requiresIt.putArray("required").add(entry.getKey());
                anyMember.add(requiresIt);
                choices.add(requiresIt.deepCopy());
              });
    }
    ObjectNode none = JSON.createObjectNode();
    none.putObject("not").set("anyOf", anyMember);
    choices.insert(0, none);
    ObjectNode exactlyOneChoice = JSON.createObjectNode();
    exactlyOneChoice.set("oneOf", choices);
    schema.withArray("allOf").add(exactlyOneChoice);
  }

  /**
   * The schema of one oneof member. istio-model names a few members like the message they hold
   * (ConsistentHashLB's ring_hash: LoadBalancerSettingsConsistentHashLBRingHash holds itself), a
   * cycle the generator refuses: such a member is left open (any object).
   */
  private static ObjectNode memberSchema(Class<?> member) {
    try {
      ObjectNode schema = JSON.valueToTree(JsonSchema.from(member));
      complete(schema, member);
      return schema;
    } catch (IllegalArgumentException cyclic) {
      ObjectNode schema = JSON.createObjectNode();
      for (Field field : fields(member)) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        if (property != null) {
          schema
              .with("properties")
              .putObject(property.value())
              .put("type", "object")
              .put("x-kubernetes-preserve-unknown-fields", true);
        }
      }
      return schema;
    }
  }

  private static void completeValue(ObjectNode schema, Type type) {
    if (type instanceof Class<?> c) {
      if (!c.isEnum() && c.getName().startsWith("io.fabric8.istio.")) {
        complete(schema, c);
      }
    } else if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] arguments = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw) && schema.get("items") instanceof ObjectNode items) {
        completeValue(items, arguments[0]);
      } else if (Map.class.isAssignableFrom(raw)
          && schema.get("additionalProperties") instanceof ObjectNode values) {
        completeValue(values, arguments[1]);
      }
    }
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      fields.addAll(List.of(c.getDeclaredFields()));
    }
    return fields;
  }
}
