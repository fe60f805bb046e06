package dev.meshfed.testbed;

import io.fabric8.kubernetes.api.model.TypeMeta;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The store's recent changes, so that a watch resumed from a resource version gets what it missed,
 * as from a real API server. fabric8's store answers every watch with its current objects as ADDED:
 * an informer whose watch restarts (fabric8 restarts them every 5 to 10 minutes) never hears of an
 * object deleted in between, and serves it from its cache for ever. Older changes are dropped, as
 * etcd compacts; a watch from before them is told 410 Gone, and an informer then lists again. A
 * watch that asked for bookmarks is told the current version before the changes it did not match
 * could drop its own out of the history, as a real API server's bookmarks do: its client then
 * resumes instead of listing every object again.
 */
final class WatchHistory {

  static final int KEPT_CHANGES = 4096;

  /** One write, with the object's attributes and state before and after; null where none. */
  record Change(
      long version, AttributeSet before, String oldState, AttributeSet after, String newState) {}

  private final int kept;
  private final ArrayDeque<Change> changes = new ArrayDeque<>();
  private final Set<ResumableWatch> watches = ConcurrentHashMap.newKeySet();
  private long droppedThrough;

  WatchHistory(int kept) {
    this.kept = kept;
  }

  /** Under the store's write lock, in resource version order. */
  void record(Change change) {
    changes.addLast(change);
    if (changes.size() > kept) {
      droppedThrough = changes.removeFirst().version();
    }
    watches.forEach(watch -> watch.offer(change));
  }

  /**
   * A watch of the objects matching a query, from a resource version: empty or "0" starts from the
   * current objects, sent as ADDED. Bookmarks name the watched type, as a real server's do: without
   * one fabric8 cannot read them, so a watch of a type not known gets none. Under the store's read
   * lock, so that no change falls between what is replayed and the watch's registration.
   */
  ResumableWatch start(
      WatchRequest request,
      Optional<TypeMeta> watchedType,
      Stream<Map.Entry<AttributeSet, String>> current) {
    Optional<TypeMeta> bookmarked = watchedType.filter(type -> request.bookmarks());
    ResumableWatch watch =
        new ResumableWatch(request.query(), bookmarked, kept / 2, watches::remove);
    String resourceVersion = request.resourceVersion();
    if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0")) {
      current.forEach(object -> watch.offerExisting(object.getKey(), object.getValue()));
    } else {
      long since = parse(resourceVersion);
      if (since < droppedThrough) {
        watch.expire(
            "too old resource version: " + resourceVersion + " (" + (droppedThrough + 1) + ")");
        return watch;
      }
      changes.stream().filter(change -> change.version() > since).forEach(watch::offer);
    }
    watches.add(watch);
    return watch;
  }

  /** Breaks off every open watch with 410 Gone: its watcher has to list again. */
  void expireAll(String message) {
    watches.forEach(watch -> watch.breakOff(message));
  }

  int watchCount() {
    return watches.size();
  }

  /** An unreadable version is as good as a dropped one: the watcher lists again. */
  private static long parse(String resourceVersion) {
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
