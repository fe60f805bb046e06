package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.ManagedObjectWatch;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A list and watch per kind ({@link KindWatch}) of the objects with meshfed's managed-by label,
 * through the newest version the cluster serves, and, once meshfed writes the kind, a second of its
 * other objects, whose names meshfed must not write: with both, a new object is applied without
 * reading its name from the API server first (at 20 clusters of 500 services, 244,000 reads in a
 * cold start). It keeps only each object's name and version: the loop gets whole objects with each
 * event, and twenty clusters of twelve thousand objects would otherwise be held twice. One thread
 * runs every watch, in the order events come.
 */
public final class KubernetesManagedObjectWatch implements ManagedObjectWatch {

  private static final Logger LOG = Logger.getLogger(KubernetesManagedObjectWatch.class);

  private final KubernetesClient client;
  private final KindTable kinds;
  private final ObjectRequests requests;
  private final Map<String, KindWatch> watches = new ConcurrentHashMap<>();
  private final Map<String, KindWatch> others = new ConcurrentHashMap<>();
  private final Set<String> unserved = new HashSet<>();
  private final List<CompletableFuture<Void>> listed = new ArrayList<>();
  private ScheduledExecutorService executor;

  public KubernetesManagedObjectWatch(KubernetesClient client, KindTable kinds) {
    this.client = client;
    this.kinds = kinds;
    this.requests = new ObjectRequests(client);
  }

  /** Idempotent: a call after one that failed part-way starts only what is not running yet. */
  @Override
  public synchronized void start(
      Consumer<LiveObject> changed, Consumer<ObjectKey> gone, Runnable synced) {
    if (executor == null) {
      executor =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                // its warnings name the kind only: the thread says which cluster's
                Thread thread =
                    new Thread(runnable, "managed-object-watch " + client.getMasterUrl());
                thread.setDaemon(true);
                return thread;
              });
    }
    for (ResourceKind kind : kinds.kinds()) {
      String key = watchKey(kind.group(), kind.kind());
      if (watches.containsKey(key) || unserved.contains(key)) {
        continue;
      }
      Optional<ResourceType> type = servedType(kind);
      if (type.isPresent()) {
        KindWatch watch =
            new KindWatch(requests, type.get(), LabelOwner.MESHFED, executor, changed, gone);
        watches.put(key, watch);
        listed.add(watch.start());
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

  /**
   * The watch of the kind's other objects starts with the first question about the kind: until it
   * has listed them, a name meshfed does not hold is not known, and a kind meshfed never writes
   * costs no second watch.
   */
  @Override
  public Occupant occupant(ObjectIdentity identity) {
    String key = watchKey(identity.group(), identity.kind());
    KindWatch ours = watches.get(key);
    if (ours == null) {
      return Occupant.UNKNOWN;
    }
    if (ours.holds(identity.namespace(), identity.name())) {
      return Occupant.MESHFED;
    }
    KindWatch theirs = others.get(key);
    if (theirs == null) {
      watchOthers(key, ours.type());
      return Occupant.UNKNOWN;
    }
    if (theirs.holds(identity.namespace(), identity.name())) {
      return Occupant.OTHER;
    }
    return ours.listed() && theirs.listed() ? Occupant.NOBODY : Occupant.UNKNOWN;
  }

  /** As {@link #occupant} would say MESHFED, without starting any watch. */
  @Override
  public boolean holds(ObjectIdentity identity) {
    KindWatch ours = watches.get(watchKey(identity.group(), identity.kind()));
    return ours != null && ours.holds(identity.namespace(), identity.name());
  }

  private synchronized void watchOthers(String key, ResourceType type) {
    if (executor == null || others.containsKey(key)) {
      return;
    }
    KindWatch theirs =
        new KindWatch(requests, type, LabelOwner.OTHERS, executor, live -> {}, removed -> {});
    others.put(key, theirs);
    theirs.start();
  }

  @Override
  public synchronized void close() {
    watches.values().forEach(KindWatch::close);
    watches.clear();
    others.values().forEach(KindWatch::close);
    others.clear();
    listed.clear();
    if (executor != null) {
      executor.shutdown();
      executor = null;
    }
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

  private static String watchKey(String group, String kind) {
    return kind + "." + group;
  }
}
