package dev.meshfed.distribution.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocket;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * List and watch of one kind's managed objects in every namespace, as an informer does it, over
 * fabric8's HTTP client. Unlike an informer it does not turn each event into an object: it reads
 * the event's type, name and version ({@link WatchEventHeader}) and leaves the object's tree to be
 * built if the distributor asks for it, which for the echo of its own write it does not. It keeps
 * each object's version only. All its steps and callbacks run on {@code executor}, one at a time.
 */
final class KindWatch {

  private static final Logger LOG = Logger.getLogger(KindWatch.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration LAST_RETRY = Duration.ofSeconds(16);

  private final ObjectRequests requests;
  private final ResourceType type;
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
  private volatile boolean closed;

  KindWatch(
      ObjectRequests requests,
      ResourceType type,
      ScheduledExecutorService executor,
      Consumer<LiveObject> changed,
      Consumer<ObjectKey> gone) {
    this.requests = requests;
    this.type = type;
    this.executor = executor;
    this.changed = changed;
    this.gone = gone;
  }

  /** Completes once the kind was listed the first time. */
  CompletableFuture<Void> start() {
    executor.execute(this::list);
    return listed;
  }

  boolean holds(String namespace, String name) {
    return versions.containsKey(namespace + "/" + name);
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
      retry(this::list, "List of " + type, e);
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
    URI uri = requests.watchManaged(type, resourceVersion);
    requests
        .http()
        .newWebSocketBuilder()
        .uri(uri)
        .buildAsync(new Listener(current))
        .whenComplete(
            (opened, error) -> {
              if (closed && opened != null) {
                opened.sendClose(1000, null);
              }
              dispatch(
                  () -> {
                    if (error != null) {
                      ended(current, error);
                    } else if (closed || current != generation) {
                      opened.sendClose(1000, null);
                    } else {
                      socket = opened;
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
      executor.execute(step);
    } catch (RejectedExecutionException shutDown) {
      // closed meanwhile: nothing is to be told any more
    }
  }

  private void onMessage(int watchGeneration, String message) {
    if (closed || watchGeneration != generation) {
      return;
    }
    WatchEventHeader event = WatchEventHeader.of(message);
    if (event.is("ERROR")) {
      if (event.code() == HttpURLConnection.HTTP_GONE) {
        LOG.debugf("The watch of %s is too old to resume: listing again", type);
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
    retry(this::watch, "Watch of " + type, error);
  }

  private void retry(Runnable step, String what, Throwable error) {
    long pause =
        Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures++, 10));
    LOG.warnf("%s failed, retrying in %d ms: %s", what, pause, error.getMessage());
    try {
      executor.schedule(step, pause, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      // closed meanwhile
    }
  }

  private void dropSocket() {
    generation++;
    if (socket != null) {
      socket.sendClose(1000, null);
      socket = null;
    }
  }

  private JsonNode get(String continueToken) {
    byte[] page = requests.listManaged(type, PAGE, continueToken);
    try {
      return JSON.readTree(page);
    } catch (IOException e) {
      throw new KubernetesClientException("List " + type + ": not JSON", e);
    }
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

  /** Hands each message to the executor in order; asks for the next once it is handed over. */
  private final class Listener implements WebSocket.Listener {
    private final int watchGeneration;

    Listener(int watchGeneration) {
      this.watchGeneration = watchGeneration;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      dispatch(() -> KindWatch.this.onMessage(watchGeneration, text));
      webSocket.request();
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteBuffer bytes) {
      onMessage(webSocket, StandardCharsets.UTF_8.decode(bytes).toString());
    }

    @Override
    public void onClose(WebSocket webSocket, int code, String reason) {
      webSocket.sendClose(code, reason);
      dispatch(() -> ended(watchGeneration, new IOException("closed: " + code + " " + reason)));
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      dispatch(() -> ended(watchGeneration, error));
    }
  }
}
