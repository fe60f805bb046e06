package dev.meshfed.lab.bench;

import static dev.meshfed.oracle.mesh.ManagedObjects.MANAGED_BY_LABEL;

import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apply floor of the pipeline's own objects: the same client as {@link ApplyFloor} applies a
 * copy of every object meshfed wrote to a cluster, clusters in parallel and each in sequence. The
 * {@link ApplyFloor} applies as many small ServiceEntries; meshfed's DestinationRules,
 * VirtualServices and WorkloadEntries carry more fields, which the API server's admission and
 * managed fields pay for per field.
 *
 * <p>The copies go to a namespace of their own, named by their place in the list, and are labelled
 * as the bench's, not meshfed's: its distributors neither prune nor count them.
 */
final class OwnObjectsFloor {

  static final String NAMESPACE = "meshfed-bench-own-floor";
  private static final String OWNER = "meshfed-bench-floor";

  private OwnObjectsFloor() {}

  /** Reads what each cluster holds (untimed), then times applying the copies. */
  static Duration measure(List<KubernetesClient> clusters) throws InterruptedException {
    ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjects.istioKinds());
    Map<KubernetesClient, List<Copy>> copies = new IdentityHashMap<>();
    for (KubernetesClient cluster : clusters) {
      copies.put(cluster, copies(dumper.managedObjects(cluster)));
    }
    return ApplyFloor.inParallel(
        clusters, cluster -> copies.remove(cluster).forEach(copy -> copy.applyTo(cluster)));
  }

  /** A copy of a held object, with the kind it is applied as, found before the clock starts. */
  record Copy(ResourceDefinitionContext kind, GenericKubernetesResource object) {
    void applyTo(KubernetesClient cluster) {
      cluster
          .genericKubernetesResources(kind)
          .inNamespace(NAMESPACE)
          .resource(object)
          .fieldManager(ManagedObjects.FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }
  }

  static List<Copy> copies(List<GenericKubernetesResource> objects) {
    List<Copy> copies = new ArrayList<>(objects.size());
    for (GenericKubernetesResource object : objects) {
      GenericKubernetesResource copy = copy(object, "floor-" + copies.size());
      copies.add(new Copy(definitionOf(copy), copy));
    }
    return copies;
  }

  private static GenericKubernetesResource copy(GenericKubernetesResource object, String name) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(NAMESPACE);
    Map<String, String> labels = new LinkedHashMap<>();
    if (object.getMetadata().getLabels() != null) {
      labels.putAll(object.getMetadata().getLabels());
    }
    labels.put(MANAGED_BY_LABEL, OWNER);
    metadata.setLabels(labels);
    metadata.setAnnotations(object.getMetadata().getAnnotations());
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(object.getApiVersion());
    copy.setKind(object.getKind());
    copy.setMetadata(metadata);
    copy.setAdditionalProperties(new LinkedHashMap<>(object.getAdditionalProperties()));
    return copy;
  }

  private static ResourceDefinitionContext definitionOf(GenericKubernetesResource object) {
    String[] groupVersion = object.getApiVersion().split("/", 2);
    ResourceDefinitionContext kind =
        ManagedObjects.istioKinds().stream()
            .filter(k -> k.getGroup().equals(groupVersion[0]))
            .filter(k -> k.getKind().equals(object.getKind()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("not an Istio kind: " + object));
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.getGroup())
        .withVersion(groupVersion[1])
        .withKind(kind.getKind())
        .withPlural(kind.getPlural())
        .withNamespaced(true)
        .build();
  }
}
