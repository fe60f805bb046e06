package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.ManagedObjectWatch;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One fabric8 informer per kind on the objects with meshfed's managed-by label, through the newest
 * version the cluster serves. The informers keep only each object's name and version ({@link
 * NameVersionStore}): the loop gets whole objects with each event, and twenty clusters of twelve
 * thousand objects would otherwise be held twice.
 */
public final class KubernetesManagedObjectWatch implements ManagedObjectWatch {

  private static final Logger LOG = Logger.getLogger(KubernetesManagedObjectWatch.class);

  private final KubernetesClient client;
  private final KindTable kinds;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers =
      new ConcurrentHashMap<>();
  private final Set<String> unserved = new HashSet<>();
  private final List<CompletableFuture<Void>> listed = new ArrayList<>();

  public KubernetesManagedObjectWatch(KubernetesClient client, KindTable kinds) {
    this.client = client;
    this.kinds = kinds;
  }

  /** Idempotent: a call after one that failed part-way starts only what is not running yet. */
  @Override
  public synchronized void start(
      Consumer<LiveObject> changed, Consumer<ObjectKey> gone, Runnable synced) {
    for (ResourceKind kind : kinds.kinds()) {
      String key = informerKey(kind.group(), kind.kind());
      if (informers.containsKey(key) || unserved.contains(key)) {
        continue;
      }
      Optional<ResourceType> type = servedType(kind);
      if (type.isPresent()) {
        SharedIndexInformer<GenericKubernetesResource> informer = inform(type.get(), changed, gone);
        informers.put(key, informer);
        listed.add(informer.start().toCompletableFuture());
      } else {
        unserved.add(key);
        LOG.infof("The cluster serves no version of %s: not watched", kind.kind());
      }
    }
    CompletableFuture.allOf(listed.toArray(CompletableFuture[]::new))
        .thenRun(synced)
        .exceptionally(
            error -> {
              LOG.warnf("The watch of meshfed's objects stopped before listing them: %s", error);
              return null;
            });
  }

  @Override
  public boolean holds(ObjectIdentity identity) {
    SharedIndexInformer<GenericKubernetesResource> informer =
        informers.get(informerKey(identity.group(), identity.kind()));
    return informer != null
        && informer.getStore().getByKey(identity.namespace() + "/" + identity.name()) != null;
  }

  @Override
  public synchronized void close() {
    informers.values().forEach(SharedIndexInformer::close);
    informers.clear();
    listed.clear();
  }

  private SharedIndexInformer<GenericKubernetesResource> inform(
      ResourceType type, Consumer<LiveObject> changed, Consumer<ObjectKey> gone) {
    SharedIndexInformer<GenericKubernetesResource> informer =
        client
            .genericKubernetesResources(ResourceContexts.of(type))
            .inAnyNamespace()
            .withLabel(ManifestParser.MANAGED_BY_LABEL, ManifestParser.MANAGED_BY_VALUE)
            .runnableInformer(0);
    informer.itemStore(new NameVersionStore());
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource object) {
            changed.accept(LiveObjects.watched(object));
          }

          @Override
          public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            changed.accept(LiveObjects.watched(after));
          }

          @Override
          public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
            gone.accept(
                new ObjectKey(
                    type.apiVersion(),
                    type.kind().kind(),
                    object.getMetadata().getNamespace(),
                    object.getMetadata().getName()));
          }
        });
    informer.exceptionHandler(
        (started, error) -> {
          LOG.warnf("Watch of %s failed, retrying: %s", type, error.getMessage());
          return true;
        });
    return informer;
  }

  /** The newest version of the kind the cluster serves; waits for an answer, retrying others. */
  private Optional<ResourceType> servedType(ResourceKind kind) {
    for (String version : kind.listVersions()) {
      ResourceType type = kind.atVersion(version);
      try {
        client
            .genericKubernetesResources(ResourceContexts.of(type))
            .inAnyNamespace()
            .withLabel(ManifestParser.MANAGED_BY_LABEL, ManifestParser.MANAGED_BY_VALUE)
            .list(new ListOptionsBuilder().withLimit(1L).build());
        return Optional.of(type);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw ClusterApiException.of("List " + type, e);
        }
      }
    }
    return Optional.empty();
  }

  private static String informerKey(String group, String kind) {
    return kind + "." + group;
  }
}
