package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.Source;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Watches every {@link Source} of one cluster and keeps a cache of what they list. */
public interface ClusterWatch extends AutoCloseable {

  /**
   * Starts watching all sources; completes once every source has listed its objects (their adds
   * have then been handed to the listener).
   */
  CompletionStage<Void> start(ObjectListener listener);

  /**
   * The sources it watches once started: all but the optional custom resources (Gloo's, the
   * Multi-Cluster Services API's) that the API server did not serve at the start.
   */
  List<Source> watchedSources();

  /** The cached objects of one source. */
  List<HasMetadata> cached(Source source);

  /** The cached objects of one source in one namespace. */
  default List<HasMetadata> cachedIn(Source source, String namespace) {
    return cached(source).stream()
        .filter(
            object ->
                namespace.equals(
                    Objects.requireNonNullElse(object.getMetadata().getNamespace(), "")))
        .toList();
  }

  /** One cached object; namespace is "" for cluster-scoped objects. */
  Optional<HasMetadata> cached(Source source, String namespace, String name);

  /**
   * The sources whose watch ended for good (an informer stops on an error it cannot retry, such as
   * a lost permission): their cache no longer follows the cluster.
   */
  List<Source> stoppedSources();

  @Override
  void close();
}
