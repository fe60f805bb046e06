package dev.meshfed.testbed.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves one simulated cluster from what this applier applied before to a step's complete input
 * state. CustomResourceDefinitions go first, then Namespaces, then the rest; missing objects are
 * created, changed ones updated (labels, annotations, top-level fields such as spec or data, and
 * status when the input declares one or declared one before), and objects this applier created that
 * the step no longer has are deleted, Namespaces and CRDs last. Namespaces objects refer to but the
 * input does not declare are created too. Objects the applier did not create (for example those
 * meshfed's distributor applied) are never touched.
 */
public final class ClusterStateApplier {

  private static final String DEFAULT_NAMESPACE = "default";
  private static final ResourceDefinitionContext NAMESPACES =
      new ResourceDefinitionContext.Builder()
          .withGroup("")
          .withVersion("v1")
          .withKind("Namespace")
          .withPlural("namespaces")
          .withNamespaced(false)
          .build();

  private record Created(ResourceDefinitionContext context, boolean statusDeclared) {}

  private final SimulatedCluster cluster;
  private final KubernetesClient client;

  /** The objects this applier created and has not deleted, in creation order. */
  private final Map<ObjectId, Created> created = new LinkedHashMap<>();

  /** Whether the cluster serves Istio's CRDs: from the first step that installs istiod. */
  private boolean istioInstalled;

  public ClusterStateApplier(SimulatedCluster cluster) {
    this.cluster = cluster;
    this.client = cluster.client();
  }

  /**
   * Applies a step's complete input state.
   *
   * @throws ScenarioException naming the object that could not be applied or deleted
   */
  public void apply(List<GenericKubernetesResource> desiredInputs) {
    if (!istioInstalled) {
      istioVersion(desiredInputs)
          .ifPresent(
              version -> {
                cluster.installIstio(version);
                istioInstalled = true;
              });
    }
    Set<ObjectId> desired = new HashSet<>();
    List<GenericKubernetesResource> ordered = new ArrayList<>(desiredInputs);
    ordered.sort(Comparator.comparingInt(ClusterStateApplier::applyRank));
    for (GenericKubernetesResource object : ordered) {
      desired.add(applyOne(object, desired));
    }
    deleteCreatedExcept(desired);
  }

  /**
   * The Istio version of the step's istiod (a Deployment labelled app: istiod), from its image's
   * tag: the cluster then serves and validates Istio's kinds as that release does.
   */
  private static java.util.Optional<String> istioVersion(List<GenericKubernetesResource> inputs) {
    return inputs.stream()
        .filter(o -> "Deployment".equals(o.getKind()))
        .filter(o -> o.getMetadata().getLabels() != null)
        .filter(o -> "istiod".equals(o.getMetadata().getLabels().get("app")))
        .map(o -> o.<String>get("spec", "template", "spec", "containers", 0, "image"))
        .filter(image -> image != null && image.contains(":"))
        .map(image -> image.substring(image.lastIndexOf(':') + 1).replaceAll("-.*", ""))
        .findFirst();
  }

  private ObjectId applyOne(GenericKubernetesResource object, Set<ObjectId> desired) {
    try {
      ResourceDefinitionContext context = contextOf(object);
      String namespace = namespaceOf(object, context);
      ObjectId id = ObjectId.of(object, namespace);
      if (namespace != null) {
        desired.add(ensureNamespace(namespace));
      }
      upsert(id, context, withNamespace(object, namespace));
      return id;
    } catch (KubernetesClientException e) {
      throw failure("cannot apply " + ObjectId.of(object, object.getMetadata().getNamespace()), e);
    }
  }

  private ObjectId ensureNamespace(String namespace) {
    ObjectId id = new ObjectId("", "Namespace", null, namespace);
    if (client.namespaces().withName(namespace).get() == null) {
      GenericKubernetesResource object =
          new GenericKubernetesResourceBuilder()
              .withApiVersion("v1")
              .withKind("Namespace")
              .withNewMetadata()
              .withName(namespace)
              .endMetadata()
              .build();
      client.genericKubernetesResources(NAMESPACES).resource(object).create();
      created.put(id, new Created(NAMESPACES, false));
    }
    return id;
  }

  private void upsert(
      ObjectId id, ResourceDefinitionContext context, GenericKubernetesResource desired) {
    Resource<GenericKubernetesResource> resource =
        operation(context, id.namespace()).resource(desired);
    GenericKubernetesResource current = resource.get();
    boolean statusDeclared = desired.getAdditionalProperties().containsKey("status");
    if (current == null) {
      GenericKubernetesResource stored = resource.create();
      created.put(id, new Created(context, statusDeclared));
      updateStatusIfNeeded(context, id, stored, desired, statusDeclared);
      return;
    }
    ObjectNode currentTree = KubernetesYaml.toTree(current);
    ObjectNode desiredTree = KubernetesYaml.toTree(desired);
    GenericKubernetesResource stored = current;
    if (!InputFields.same(currentTree, desiredTree)) {
      stored =
          operation(context, id.namespace())
              .resource(toResource(InputFields.replaced(currentTree, desiredTree)))
              .update();
    }
    boolean statusDeclaredBefore = created.containsKey(id) && created.get(id).statusDeclared();
    updateStatusIfNeeded(context, id, stored, desired, statusDeclared || statusDeclaredBefore);
    created.computeIfPresent(id, (key, previous) -> new Created(context, statusDeclared));
  }

  /** Sets the desired status (none declared: an empty one) if the stored one differs. */
  private void updateStatusIfNeeded(
      ResourceDefinitionContext context,
      ObjectId id,
      GenericKubernetesResource stored,
      GenericKubernetesResource desired,
      boolean managesStatus) {
    if (!managesStatus) {
      return;
    }
    Object wanted = desired.getAdditionalProperties().getOrDefault("status", Map.of());
    JsonNode wantedTree = KubernetesYaml.toTree(desired).path("status");
    JsonNode storedTree = KubernetesYaml.toTree(stored).path("status");
    if (wantedTree.equals(storedTree) || (wantedTree.isMissingNode() && storedTree.isEmpty())) {
      return;
    }
    stored.getAdditionalProperties().put("status", wanted);
    operation(context, id.namespace()).resource(stored).updateStatus();
  }

  private void deleteCreatedExcept(Set<ObjectId> desired) {
    List<ObjectId> obsolete = new ArrayList<>(created.keySet());
    obsolete.removeIf(desired::contains);
    // reverse creation order, and the CRDs and Namespaces others depend on last
    Collections.reverse(obsolete);
    obsolete.sort(Comparator.comparingInt((ObjectId id) -> -applyRank(id.group(), id.kind())));
    for (ObjectId id : obsolete) {
      try {
        operation(created.get(id).context(), id.namespace()).withName(id.name()).delete();
        created.remove(id);
      } catch (KubernetesClientException e) {
        throw failure("cannot delete " + id, e);
      }
    }
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      operation(ResourceDefinitionContext context, String namespace) {
    var operation = client.genericKubernetesResources(context);
    return namespace == null ? operation : operation.inNamespace(namespace);
  }

  /** How fabric8 addresses objects of this apiVersion/kind: built-in type or discovery. */
  private ResourceDefinitionContext contextOf(GenericKubernetesResource object) {
    String apiVersion = object.getApiVersion();
    String kind = object.getKind();
    Class<? extends KubernetesResource> type =
        client.getKubernetesSerialization().getRegisteredKubernetesResource(apiVersion, kind);
    if (type != null) {
      return ResourceDefinitionContext.fromResourceType(type);
    }
    APIResourceList resources = client.getApiResources(apiVersion);
    APIResource resource =
        resources == null
            ? null
            : resources.getResources().stream()
                .filter(r -> kind.equals(r.getKind()))
                .findFirst()
                .orElse(null);
    if (resource == null) {
      throw new ScenarioException(
          "cluster "
              + cluster.name()
              + ": cannot apply "
              + ObjectId.of(object, object.getMetadata().getNamespace())
              + ": the server does not know kind "
              + kind
              + " of "
              + apiVersion
              + " (is its CustomResourceDefinition part of the input?)");
    }
    return ResourceDefinitionContext.fromApiResource(apiVersion, resource);
  }

  private static String namespaceOf(
      GenericKubernetesResource object, ResourceDefinitionContext context) {
    if (!context.isNamespaceScoped()) {
      return null;
    }
    String namespace = object.getMetadata().getNamespace();
    return namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  private static GenericKubernetesResource withNamespace(
      GenericKubernetesResource object, String namespace) {
    GenericKubernetesResource copy = toResource(KubernetesYaml.toTree(object));
    copy.getMetadata().setNamespace(namespace);
    return copy;
  }

  private static GenericKubernetesResource toResource(ObjectNode tree) {
    try {
      return KubernetesYaml.toResource(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot convert back an object tree: " + tree, e);
    }
  }

  private static int applyRank(GenericKubernetesResource object) {
    String apiVersion = object.getApiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return applyRank(group, object.getKind());
  }

  private static int applyRank(String group, String kind) {
    if (group.equals("apiextensions.k8s.io") && kind.equals("CustomResourceDefinition")) {
      return 0;
    }
    return group.isEmpty() && kind.equals("Namespace") ? 1 : 2;
  }

  private ScenarioException failure(String what, KubernetesClientException cause) {
    return new ScenarioException(
        "cluster " + cluster.name() + ": " + what + ": " + cause.getMessage(), cause);
  }
}
