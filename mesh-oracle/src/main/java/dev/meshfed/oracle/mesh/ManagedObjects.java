package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects meshfed manages in a cluster: the Istio kinds it writes, how it marks them (label
 * {@value #MANAGED_BY_LABEL} = {@value #MANAGED_BY_VALUE}, field manager {@value #FIELD_MANAGER}),
 * and how they read once cleaned of what the server adds (uid, resourceVersion, generation,
 * creationTimestamp, managedFields, selfLink) and of status: YAML with sorted keys, so that equal
 * objects always read the same. The test bed's dumps and {@code meshfed replay} render them so.
 */
public final class ManagedObjects {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "meshfed";

  /** The field manager meshfed's distributor applies with. */
  public static final String FIELD_MANAGER = "meshfed";

  /** Written instead of a namespace for cluster-scoped objects. */
  public static final String CLUSTER_SCOPED_DIR = "_cluster";

  private static final List<String> SERVER_METADATA =
      List.of(
          "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private static final ObjectMapper STABLE_WRITER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private ManagedObjects() {}

  /**
   * The Istio kinds meshfed writes, read via v1beta1: ServiceEntry, Gateway, VirtualService,
   * DestinationRule, Sidecar, WorkloadEntry (networking.istio.io) and AuthorizationPolicy
   * (security.istio.io).
   */
  public static List<ResourceDefinitionContext> istioKinds() {
    return List.of(
        istio("networking.istio.io", "ServiceEntry", "serviceentries"),
        istio("networking.istio.io", "Gateway", "gateways"),
        istio("networking.istio.io", "VirtualService", "virtualservices"),
        istio("networking.istio.io", "DestinationRule", "destinationrules"),
        istio("networking.istio.io", "Sidecar", "sidecars"),
        istio("networking.istio.io", "WorkloadEntry", "workloadentries"),
        istio("security.istio.io", "AuthorizationPolicy", "authorizationpolicies"));
  }

  /** The API groups of {@link #istioKinds()}: networking.istio.io and security.istio.io. */
  public static List<String> istioGroups() {
    return istioKinds().stream().map(ResourceDefinitionContext::getGroup).distinct().toList();
  }

  /**
   * Every kind meshfed writes: the Istio kinds, and the Multi-Cluster Services ServiceImport
   * (multicluster.x-k8s.io/v1alpha1), which clusters without the MCS CRDs do not serve.
   */
  public static List<ResourceDefinitionContext> managedKinds() {
    List<ResourceDefinitionContext> kinds = new java.util.ArrayList<>(istioKinds());
    kinds.add(
        new ResourceDefinitionContext.Builder()
            .withGroup("multicluster.x-k8s.io")
            .withVersion("v1alpha1")
            .withKind("ServiceImport")
            .withPlural("serviceimports")
            .withNamespaced(true)
            .build());
    return List.copyOf(kinds);
  }

  /** An Istio kind, namespaced, read and written through v1beta1 (served from 1.5 to 1.24). */
  public static ResourceDefinitionContext istio(String group, String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion("v1beta1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  /** The object without what the server adds, without status, in the version it was applied. */
  public static GenericKubernetesResource cleaned(GenericKubernetesResource object) {
    try {
      return JSON.treeToValue(cleanedTree(object), GenericKubernetesResource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot convert back " + object.getMetadata().getName(), e);
    }
  }

  /** The object cleaned as {@link #cleaned} cleans, as YAML with sorted keys. */
  public static String toYaml(GenericKubernetesResource object) {
    try {
      return STABLE_WRITER.writeValueAsString(JSON.convertValue(cleanedTree(object), MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree as YAML", e);
    }
  }

  /** The object's namespace, or {@value #CLUSTER_SCOPED_DIR} when it is cluster-scoped. */
  public static String namespaceDir(GenericKubernetesResource object) {
    String namespace = object.getMetadata().getNamespace();
    return namespace == null || namespace.isEmpty() ? CLUSTER_SCOPED_DIR : namespace;
  }

  private static ObjectNode cleanedTree(GenericKubernetesResource object) {
    ObjectNode tree = JSON.valueToTree(object);
    appliedApiVersion(tree).ifPresent(apiVersion -> tree.put("apiVersion", apiVersion));
    tree.remove("status");
    if (tree.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(SERVER_METADATA);
    }
    return tree;
  }

  /**
   * The API version meshfed applied the object with, from its managedFields entry: the object reads
   * as it was applied, whichever version it was read through.
   */
  private static Optional<String> appliedApiVersion(ObjectNode tree) {
    for (JsonNode entry : tree.path("metadata").path("managedFields")) {
      if (FIELD_MANAGER.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())
          && entry.hasNonNull("apiVersion")) {
        return Optional.of(entry.get("apiVersion").asText());
      }
    }
    return Optional.empty();
  }
}
