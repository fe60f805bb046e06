package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.ControlPlaneMapper;
import dev.meshfed.discovery.model.MeshConfigMapper;
import dev.meshfed.discovery.model.MeshfedResource;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.sync.ClusterWatch;
import dev.meshfed.discovery.sync.ObjectListener;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One fabric8 informer per source, across all namespaces. */
final class KubernetesClusterWatch implements ClusterWatch {

  /** No periodic resync: a resync would only replay the cache, and the publisher skips that. */
  private static final long NO_RESYNC = 0;

  private final KubernetesClient client;
  private final boolean ownsClient;
  private volatile boolean closed;
  private final Map<Source, SharedIndexInformer<? extends HasMetadata>> informers =
      new EnumMap<>(Source.class);

  private KubernetesClusterWatch(KubernetesClient client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
  }

  /** Watches through a client someone else closes (the Quarkus-managed one). */
  static KubernetesClusterWatch sharing(KubernetesClient client) {
    return new KubernetesClusterWatch(client, false);
  }

  /** Watches through a client of its own, closed with the watch. */
  static KubernetesClusterWatch owning(KubernetesClient client) {
    return new KubernetesClusterWatch(client, true);
  }

  @Override
  public CompletionStage<Void> start(ObjectListener listener) {
    for (Source source : Source.values()) {
      if (isServed(source)) {
        informers.put(source, informer(informable(source), source, listener));
      }
    }
    return CompletableFuture.allOf(
        informers.values().stream()
            .map(informer -> informer.start().toCompletableFuture())
            .toArray(CompletableFuture[]::new));
  }

  private Informable<? extends HasMetadata> informable(Source source) {
    return switch (source) {
      case NAMESPACES -> client.namespaces();
      case NODES -> client.nodes();
      case SERVICES -> client.services().inAnyNamespace();
      case ISTIOD_DEPLOYMENTS ->
          client
              .apps()
              .deployments()
              .inAnyNamespace()
              .withLabel(ControlPlaneMapper.APP_LABEL, ControlPlaneMapper.ISTIOD);
      case MESH_CONFIGS ->
          client.configMaps().inAnyNamespace().withLabel(MeshConfigMapper.REVISION_LABEL);
      case DEPLOYMENTS -> client.apps().deployments().inAnyNamespace();
      case STATEFUL_SETS -> client.apps().statefulSets().inAnyNamespace();
      case DAEMON_SETS -> client.apps().daemonSets().inAnyNamespace();
      case ENDPOINT_SLICES -> client.discovery().v1().endpointSlices().inAnyNamespace();
      case WORKSPACES,
          WORKSPACE_SETTINGS,
          KUBERNETES_CLUSTERS,
          VIRTUAL_DESTINATIONS,
          FAILOVER_POLICIES,
          OUTLIER_DETECTION_POLICIES,
          ROUTE_TABLES,
          RETRY_TIMEOUT_POLICIES,
          FAULT_INJECTION_POLICIES,
          HEADER_MANIPULATION_POLICIES,
          MIRROR_POLICIES,
          ACCESS_POLICIES,
          EXTERNAL_SERVICES,
          EXTERNAL_ENDPOINTS,
          GLOO_WORKSPACES,
          GLOO_WORKSPACE_SETTINGS,
          GLOO_KUBERNETES_CLUSTERS,
          GLOO_VIRTUAL_DESTINATIONS,
          GLOO_FAILOVER_POLICIES,
          GLOO_OUTLIER_DETECTION_POLICIES,
          GLOO_ROUTE_TABLES,
          GLOO_RETRY_TIMEOUT_POLICIES,
          GLOO_FAULT_INJECTION_POLICIES,
          GLOO_HEADER_MANIPULATION_POLICIES,
          GLOO_MIRROR_POLICIES,
          GLOO_ACCESS_POLICIES,
          GLOO_EXTERNAL_SERVICES,
          GLOO_EXTERNAL_ENDPOINTS,
          SERVICE_EXPORTS,
          SERVICE_MESH_PEERS,
          EXPORTED_SERVICE_SETS,
          IMPORTED_SERVICE_SETS ->
          customResources(source.resource().orElseThrow());
    };
  }

  /**
   * Whether the API server serves a source: assumed for meshfed's own, asked for Gloo's, the
   * Multi-Cluster Services API's and OpenShift Service Mesh's, which are read only where their CRDs
   * are installed when discovery starts.
   */
  private boolean isServed(Source source) {
    return source
        .resource()
        .filter(MeshfedResource::optional)
        .map(resource -> client.supports(resource.apiVersion(), resource.kind()))
        .orElse(true);
  }

  private Informable<? extends HasMetadata> customResources(MeshfedResource resource) {
    var context =
        new ResourceDefinitionContext.Builder()
            .withGroup(resource.group())
            .withVersion(resource.version())
            .withKind(resource.kind())
            .withPlural(resource.plural())
            .withNamespaced(true)
            .build();
    return client.genericKubernetesResources(context).inAnyNamespace();
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> informer(
      Informable<T> informable, Source source, ObjectListener listener) {
    SharedIndexInformer<T> informer = informable.runnableInformer(NO_RESYNC);
    informer.addEventHandler(new Handler<>(source, listener));
    return informer;
  }

  @Override
  public List<Source> watchedSources() {
    return List.copyOf(informers.keySet());
  }

  @Override
  public List<HasMetadata> cached(Source source) {
    SharedIndexInformer<? extends HasMetadata> informer = informers.get(source);
    return informer == null ? List.of() : List.copyOf(informer.getStore().list());
  }

  /** From the informer's namespace index. */
  @Override
  public List<HasMetadata> cachedIn(Source source, String namespace) {
    SharedIndexInformer<? extends HasMetadata> informer = informers.get(source);
    return informer == null
        ? List.of()
        : List.copyOf(informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace));
  }

  @Override
  public Optional<HasMetadata> cached(Source source, String namespace, String name) {
    return Optional.ofNullable(informers.get(source))
        .map(informer -> informer.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  @Override
  public List<Source> stoppedSources() {
    if (closed) {
      return List.of();
    }
    return informers.entrySet().stream()
        .filter(entry -> entry.getValue().stopped().toCompletableFuture().isDone())
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public void close() {
    closed = true;
    informers.values().forEach(SharedIndexInformer::close);
    if (ownsClient) {
      client.close();
    }
  }

  private record Handler<T extends HasMetadata>(Source source, ObjectListener listener)
      implements ResourceEventHandler<T> {

    @Override
    public void onAdd(T object) {
      listener.upserted(source, object);
    }

    @Override
    public void onUpdate(T previous, T object) {
      listener.upserted(source, object);
    }

    @Override
    public void onDelete(T object, boolean deletedFinalStateUnknown) {
      listener.deleted(source, object);
    }
  }
}
