package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.ClusterWriter;
import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Applies and deletes through the fabric8 client; its exceptions are failed attempts. */
public final class KubernetesClusterWriter implements ClusterWriter {

  public static final String FIELD_MANAGER = "meshfed";

  private final KubernetesClient client;

  public KubernetesClusterWriter(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void apply(DesiredManifest manifest) {
    try {
      client
          .genericKubernetesResources(ResourceContexts.of(manifest.type()))
          .inNamespace(manifest.key().namespace())
          .resource(manifest.object())
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    } catch (KubernetesClientException e) {
      throw ClusterApiException.of("Server-side apply", e);
    }
  }

  /** fabric8 answers a delete of an absent object with an empty list, not an exception. */
  @Override
  public void delete(ObjectKey key, ResourceType type) {
    try {
      client
          .genericKubernetesResources(ResourceContexts.of(type))
          .inNamespace(key.namespace())
          .withName(key.name())
          .delete();
    } catch (KubernetesClientException e) {
      throw ClusterApiException.of("Delete", e);
    }
  }
}
