package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.API;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.PLURAL;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.VERSION;

import io.fabric8.kubernetes.api.model.TypeMeta;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One watch's web socket. Events offered before the socket opens wait for it, so none is lost
 * between the watch request and its upgrade.
 */
final class ResumableWatch extends WebSocketListener {

  private static final int GONE = 410;

  private final AttributeSet query;
  // every change is offered to every watch, each version of an Istio object too: a check of the
  // type first spares most of them fabric8's full match
  private final List<String> watchedType;
  private final Optional<TypeMeta> bookmarked;
  private final int bookmarkAfter;
  private final Consumer<ResumableWatch> onEnd;
  private final List<String> pending = new ArrayList<>();
  private WebSocket socket;
  private boolean expired;
  private boolean ended;
  private int changesNotSent;

  /**
   * @param bookmarked the type bookmarks name; empty: none are sent
   * @param bookmarkAfter how many changes in a row this watch may not match before it is sent a
   *     bookmark
   */
  ResumableWatch(
      AttributeSet query,
      Optional<TypeMeta> bookmarked,
      int bookmarkAfter,
      Consumer<ResumableWatch> onEnd) {
    this.query = query;
    this.watchedType =
        Stream.of(PLURAL, VERSION, API)
            .filter(
                key ->
                    query.getAttribute(key) != null
                        && query.getAttribute(key).getType() == AttributeType.WITH)
            .toList();
    this.bookmarked = bookmarked;
    this.bookmarkAfter = Math.max(1, bookmarkAfter);
    this.onEnd = onEnd;
  }

  /** The event a change is to this watch, as fabric8 decides it: by the attributes it matches. */
  void offer(WatchHistory.Change change) {
    boolean matchedBefore = matches(change.before());
    boolean matchesAfter = matches(change.after());
    if (matchedBefore && matchesAfter) {
      sendChange(event("MODIFIED", change.newState()));
    } else if (matchedBefore) {
      sendChange(
          event("DELETED", change.newState() != null ? change.newState() : change.oldState()));
    } else if (matchesAfter) {
      sendChange(event("ADDED", change.newState()));
    } else if (bookmarked.isPresent() && ++changesNotSent >= bookmarkAfter) {
      // the version before this change's: another version of the same object may share it
      send(bookmark(bookmarked.get(), change.version() - 1));
      changesNotSent = 0;
    }
  }

  /** As {@link AttributeSet#matches}, which a WITH attribute only passes if it is held as is. */
  private boolean matches(AttributeSet attributes) {
    if (attributes == null) {
      return false;
    }
    for (String key : watchedType) {
      if (!query.getAttribute(key).equals(attributes.getAttribute(key))) {
        return false;
      }
    }
    return attributes.matches(query);
  }

  private void sendChange(String message) {
    changesNotSent = 0;
    send(message);
  }

  void offerExisting(AttributeSet attributes, String state) {
    if (matches(attributes)) {
      send(event("ADDED", state));
    }
  }

  /** Tells the watcher its version is gone, then closes: what a real API server does. */
  synchronized void expire(String message) {
    send(
        event(
            "ERROR",
            "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\""
                + message
                + "\",\"reason\":\"Expired\",\"code\":"
                + GONE
                + "}"));
    expired = true;
  }

  /** Tells the watcher its version is gone and closes an open watch: etcd compacted past it. */
  synchronized void breakOff(String message) {
    expire(message);
    if (socket != null && !ended) {
      socket.close(1000, "expired");
      end();
    }
  }

  @Override
  public synchronized void onOpen(WebSocket webSocket, Response response) {
    socket = webSocket;
    pending.forEach(webSocket::send);
    pending.clear();
    if (expired) {
      webSocket.close(1000, "expired");
      end();
    }
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(code, reason);
    end();
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    end();
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable error, Response response) {
    end();
  }

  private synchronized void send(String message) {
    if (ended) {
      return;
    }
    if (socket == null) {
      pending.add(message);
    } else {
      socket.send(message);
    }
  }

  private synchronized void end() {
    ended = true;
    pending.clear();
    onEnd.accept(this);
  }

  private static String bookmark(TypeMeta type, long version) {
    return event(
        "BOOKMARK",
        "{\"apiVersion\":\""
            + type.getApiVersion()
            + "\",\"kind\":\""
            + type.getKind()
            + "\",\"metadata\":{\"resourceVersion\":\""
            + version
            + "\"}}");
  }

  private static String event(String type, String object) {
    return "{\"type\":\"" + type + "\",\"object\":" + object + "}";
  }
}
