package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.ManagedObjects;
import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import org.jboss.logging.Logger;

/** Lists meshfed's objects of a kind by their managed-by label, in all namespaces. */
public final class KubernetesManagedObjects implements ManagedObjects {

  private static final Logger LOG = Logger.getLogger(KubernetesManagedObjects.class);

  private final KubernetesClient client;

  public KubernetesManagedObjects(KubernetesClient client) {
    this.client = client;
  }

  /** Tries the kind's versions newest first: a cluster with an older Istio serves fewer. */
  @Override
  public List<ObjectKey> list(ResourceKind kind) {
    for (String version : kind.listVersions()) {
      ResourceType type = kind.atVersion(version);
      try {
        return list(type);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw ClusterApiException.of("List " + type, e);
        }
        LOG.debugf("The cluster does not serve %s: %s", type, e.getMessage());
      }
    }
    return List.of();
  }

  private List<ObjectKey> list(ResourceType type) {
    return client
        .genericKubernetesResources(ResourceContexts.of(type))
        .inAnyNamespace()
        .withLabel(ManifestParser.MANAGED_BY_LABEL, ManifestParser.MANAGED_BY_VALUE)
        .list()
        .getItems()
        .stream()
        .map(item -> keyOf(type, item))
        .toList();
  }

  /** The key the object was listed by: deleting through the same version is sure to work. */
  private static ObjectKey keyOf(ResourceType type, GenericKubernetesResource item) {
    return new ObjectKey(
        type.apiVersion(),
        type.kind().kind(),
        item.getMetadata().getNamespace(),
        item.getMetadata().getName());
  }
}
