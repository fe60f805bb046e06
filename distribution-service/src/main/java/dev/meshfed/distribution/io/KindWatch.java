package dev.meshfed.distribution.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * List and watch of one kind's objects in every namespace that one owner manages ({@link
 * LabelOwner}), as an informer does it, over fabric8's HTTP client. Unlike an informer it does not
 * turn each event into an object: it reads the event's type, name and version ({@link
 * WatchEventHeader}) and leaves the object's tree to be built if the distributor asks for it, which
 * for the echo of its own write it does not. It keeps each object's version only. All its steps and
 * callbacks run on {@code executor}, one at a time.
 */
final class KindWatch {

  private static final Logger LOG = Logger.getLogger(KindWatch.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;
  private static final int NORMAL_CLOSURE = 1000;
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration LAST_RETRY = Duration.ofSeconds(16);
  private static final Duration SHORTEST_WATCH = Duration.ofSeconds(1);

  private final ObjectRequests requests;
  private final ResourceType type;
  private final LabelOwner owner;
  private final ScheduledExecutorService executor;
  private final Consumer<LiveObject> changed;
  private final Consumer<ObjectKey> gone;
  private final Map<String, String> versions = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> listed = new CompletableFuture<>();

  // touched on the executor only
  private String resourceVersion = "";
  private int generation;
  private int failures;
  private WebSocket socket;
  private long openedAt;
  private volatile boolean closed;

  KindWatch(
      ObjectRequests requests,
      ResourceType type,
      LabelOwner owner,
      ScheduledExecutorService executor,
      Consumer<LiveObject> changed,
      Consumer<ObjectKey> gone) {
    this.requests = requests;
    this.type = type;
    this.owner = owner;
    this.executor = executor;
    this.changed = changed;
    this.gone = gone;
  }

  /** Completes once the kind was listed the first time. */
  CompletableFuture<Void> start() {
    executor.execute(logged(this::list));
    return listed;
  }

  boolean holds(String namespace, String name) {
    return versions.containsKey(namespace + "/" + name);
  }

  ResourceType type() {
    return type;
  }

  /** Whether the kind was listed: from then on {@link #holds} knows every object there is. */
  boolean listed() {
    return listed.isDone() && !listed.isCompletedExceptionally();
  }

  void close() {
    closed = true;
    executor.execute(this::dropSocket);
  }

  private void list() {
    if (closed) {
      return;
    }
    dropSocket();
    try {
      Set<String> listedKeys = new HashSet<>();
      String listVersion = "";
      String next = "";
      do {
        JsonNode page = get(next);
        for (JsonNode item : page.path("items")) {
          listedKeys.add(listedItem(item));
        }
        if (listVersion.isEmpty()) {
          listVersion = page.path("metadata").path("resourceVersion").asText("");
        }
        next = page.path("metadata").path("continue").asText("");
      } while (!next.isEmpty());
      for (String key : Set.copyOf(versions.keySet())) {
        if (!listedKeys.contains(key)) {
          versions.remove(key);
          gone.accept(keyOf(key));
        }
      }
      resourceVersion = listVersion;
      failures = 0;
      listed.complete(null);
      watch();
    } catch (RuntimeException e) {
      retry(this::list, "List of " + what(), e);
    }
  }

  /** Passes the item on unless the watch held it at this version already; returns its key. */
  private String listedItem(JsonNode item) {
    JsonNode metadata = item.path("metadata");
    String key = metadata.path("namespace").asText("") + "/" + metadata.path("name").asText("");
    String version = metadata.path("resourceVersion").asText("");
    if (!version.equals(versions.put(key, version))) {
      // a list's items may leave out their kind: the list says it
      if (item instanceof ObjectNode object && !object.has("kind")) {
        object.put("apiVersion", type.apiVersion()).put("kind", type.kind().kind());
      }
      changed.accept(new LiveObject(keyOf(key), item));
    }
    return key;
  }

  private void watch() {
    if (closed) {
      return;
    }
    int current = ++generation;
    URI uri = requests.watch(type, owner, resourceVersion);
    requests
        .http()
        .newWebSocketBuilder()
        .uri(uri)
        .buildAsync(
            new WatchSocketListener(
                NORMAL_CLOSURE,
                text -> dispatch(() -> onMessage(current, text)),
                () -> dispatch(() -> closedNormally(current)),
                error -> dispatch(() -> ended(current, error))))
        .whenComplete(
            (opened, error) -> {
              if (closed && opened != null) {
                opened.sendClose(NORMAL_CLOSURE, null);
              }
              dispatch(
                  () -> {
                    if (error != null) {
                      ended(current, error);
                    } else if (closed || current != generation) {
                      opened.sendClose(NORMAL_CLOSURE, null);
                    } else {
                      socket = opened;
                      openedAt = System.nanoTime();
                      failures = 0;
                    }
                  });
            });
  }

  /** Runs the step on the executor, unless the watch was closed (its executor may be gone). */
  private void dispatch(Runnable step) {
    if (closed) {
      return;
    }
    try {
      executor.execute(logged(step));
    } catch (RejectedExecutionException shutDown) {
      // closed meanwhile: nothing is to be told any more
    }
  }

  /** The executor keeps what a task throws to itself: it is logged here instead. */
  private Runnable logged(Runnable step) {
    return () -> {
      try {
        step.run();
      } catch (RuntimeException e) {
        LOG.errorf(e, "The watch of %s failed to pass on an event", what());
      }
    };
  }

  private void onMessage(int watchGeneration, String message) {
    if (closed || watchGeneration != generation) {
      return;
    }
    WatchEventHeader event = WatchEventHeader.of(message);
    if (event.is("ERROR")) {
      if (event.code() == HttpURLConnection.HTTP_GONE) {
        LOG.debugf("The watch of %s is too old to resume: listing again", what());
        generation++;
        list();
      } else {
        ended(watchGeneration, new KubernetesClientException("watch error " + message));
      }
      return;
    }
    if (!event.resourceVersion().isEmpty()) {
      resourceVersion = event.resourceVersion();
    }
    String key = event.namespace() + "/" + event.name();
    if (event.is("ADDED") || event.is("MODIFIED")) {
      versions.put(key, event.resourceVersion());
      changed.accept(LiveObject.lazy(keyOf(key), event.resourceVersion(), () -> objectOf(message)));
    } else if (event.is("DELETED") && versions.remove(key) != null) {
      gone.accept(keyOf(key));
    }
  }

  /** The watch ended or could not start: resume it from the last version seen, after a pause. */
  private void ended(int watchGeneration, Throwable error) {
    if (closed || watchGeneration != generation) {
      return;
    }
    generation++;
    socket = null;
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    if (cause instanceof WebSocketHandshakeException refused
        && refused.getResponse().code() == HttpURLConnection.HTTP_GONE) {
      LOG.debugf("The watch of %s was refused as too old: listing again", what());
      list();
    } else {
      retry(this::watch, "Watch of " + what(), cause);
    }
  }

  /**
   * The API server ended the watch, as it does after a while: resumed at once, unless it had not
   * lasted a second (then as after a failure, so that a server that ends every watch is not
   * flooded).
   */
  private void closedNormally(int watchGeneration) {
    if (closed || watchGeneration != generation) {
      return;
    }
    if (System.nanoTime() - openedAt < SHORTEST_WATCH.toNanos()) {
      ended(watchGeneration, new IOException("the API server ended the watch at once"));
      return;
    }
    LOG.debugf("The API server ended the watch of %s: resuming it", what());
    generation++;
    socket = null;
    watch();
  }

  private void retry(Runnable step, String what, Throwable error) {
    long pause =
        Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures++, 10));
    LOG.warnf("%s failed, retrying in %d ms: %s", what, pause, error.getMessage());
    try {
      executor.schedule(logged(step), pause, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      // closed meanwhile
    }
  }

  private void dropSocket() {
    generation++;
    if (socket != null) {
      socket.sendClose(NORMAL_CLOSURE, null);
      socket = null;
    }
  }

  private JsonNode get(String continueToken) {
    byte[] page = requests.list(type, owner, PAGE, continueToken);
    try {
      return JSON.readTree(page);
    } catch (IOException e) {
      throw new KubernetesClientException("List of " + what() + ": not JSON", e);
    }
  }

  /** The kind's type, and whose objects of it. */
  private String what() {
    return owner == LabelOwner.MESHFED ? type.toString() : type + " (others' objects)";
  }

  private ObjectKey keyOf(String key) {
    int slash = key.indexOf('/');
    return new ObjectKey(
        type.apiVersion(), type.kind().kind(), key.substring(0, slash), key.substring(slash + 1));
  }

  private static JsonNode objectOf(String message) {
    try {
      return JSON.readTree(message).path("object");
    } catch (IOException e) {
      throw new IllegalStateException("A watch event that was JSON is not any more", e);
    }
  }
}
