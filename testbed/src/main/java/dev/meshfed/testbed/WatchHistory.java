package dev.meshfed.testbed;

import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The store's recent changes, so that a watch resumed from a resource version gets what it missed,
 * as from a real API server. fabric8's store answers every watch with its current objects as ADDED:
 * an informer whose watch restarts (fabric8 restarts them every 5 to 10 minutes) never hears of an
 * object deleted in between, and serves it from its cache for ever. Older changes are dropped, as
 * etcd compacts; a watch from before them is told 410 Gone, and an informer then lists again.
 *
 * <p>Unless none of the dropped changes was one the watch would have been sent: a real API server
 * keeps an idle watcher's version fresh with bookmarks (fabric8's informers ask for them), so its
 * informers resume after such a gap. Without that, every informer of a quiet kind listed again on
 * its next restart, and fabric8's store answers a list by scanning every object of the cluster
 * (half the test bed's CPU in a 20×500 bench). What each dropped change touched is kept longer,
 * without its states, to tell.
 */
final class WatchHistory {

  static final int KEPT_CHANGES = 4096;

  /** How many more dropped changes are remembered by what they touched, for resuming watches. */
  static final int TOUCHES_PER_KEPT_CHANGE = 16;

  /** One write, with the object's attributes and state before and after; null where none. */
  record Change(
      long version, AttributeSet before, String oldState, AttributeSet after, String newState) {}

  /** A dropped change without its states: which objects it touched, before and after. */
  private record Touch(long version, AttributeSet before, AttributeSet after) {

    boolean concerns(AttributeSet query) {
      return (before != null && before.matches(query)) || (after != null && after.matches(query));
    }
  }

  private final int kept;
  private final int keptTouches;
  private final ArrayDeque<Change> changes = new ArrayDeque<>();
  private final ArrayDeque<Touch> touches = new ArrayDeque<>();
  private final Set<ResumableWatch> watches = ConcurrentHashMap.newKeySet();
  private long droppedThrough;
  private long forgottenThrough;

  WatchHistory(int kept) {
    this(kept, kept * TOUCHES_PER_KEPT_CHANGE);
  }

  WatchHistory(int kept, int keptTouches) {
    this.kept = kept;
    this.keptTouches = keptTouches;
  }

  /** Under the store's write lock, in resource version order. */
  void record(Change change) {
    changes.addLast(change);
    if (changes.size() > kept) {
      Change dropped = changes.removeFirst();
      droppedThrough = dropped.version();
      touches.addLast(new Touch(dropped.version(), dropped.before(), dropped.after()));
      if (touches.size() > keptTouches) {
        forgottenThrough = touches.removeFirst().version();
      }
    }
    watches.forEach(watch -> watch.offer(change));
  }

  /**
   * A watch of the objects matching a query, from a resource version: empty or "0" starts from the
   * current objects, sent as ADDED. Under the store's read lock, so that no change falls between
   * what is replayed and the watch's registration.
   */
  ResumableWatch start(
      AttributeSet query, String resourceVersion, Stream<Map.Entry<AttributeSet, String>> current) {
    ResumableWatch watch = new ResumableWatch(query, watches::remove);
    if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0")) {
      current.forEach(object -> watch.offerExisting(object.getKey(), object.getValue()));
    } else {
      long since = parse(resourceVersion);
      if (since < droppedThrough && missedAny(query, since)) {
        watch.expire(
            "too old resource version: " + resourceVersion + " (" + (droppedThrough + 1) + ")");
        return watch;
      }
      changes.stream().filter(change -> change.version() > since).forEach(watch::offer);
    }
    watches.add(watch);
    return watch;
  }

  /** Whether a dropped change after {@code since} was one the watch would have been sent. */
  private boolean missedAny(AttributeSet query, long since) {
    if (since < forgottenThrough) {
      return true;
    }
    return touches.stream().anyMatch(t -> t.version() > since && t.concerns(query));
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
