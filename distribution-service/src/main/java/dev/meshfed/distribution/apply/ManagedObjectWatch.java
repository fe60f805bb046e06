package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import java.util.function.Consumer;

/**
 * Watches the live objects meshfed manages (by label) in the cluster, and knows the names the
 * others of their kinds hold.
 */
public interface ManagedObjectWatch extends AutoCloseable {

  /** Who holds a name, as far as the watch knows. */
  enum Occupant {
    /** An object meshfed manages. */
    MESHFED,
    /** An object meshfed does not manage: meshfed must not write it. */
    OTHER,
    /** No object: the name is free. */
    NOBODY,
    /** The watch cannot tell (not listed yet): the API server can. */
    UNKNOWN
  }

  /** A cluster without a watch: no drift is seen, and every object counts as unknown. */
  ManagedObjectWatch NONE =
      new ManagedObjectWatch() {
        @Override
        public void start(Consumer<LiveObject> changed, Consumer<ObjectKey> gone, Runnable synced) {
          synced.run();
        }

        @Override
        public Occupant occupant(ObjectIdentity identity) {
          return Occupant.UNKNOWN;
        }

        @Override
        public void close() {
          // nothing to stop
        }
      };

  /**
   * Starts watching. {@code changed} gets every managed object as it is added or changed, {@code
   * gone} every one deleted or no longer labelled; both are called on the watch's own threads.
   * {@code synced} is called once, when the watch has listed every kind: from then on {@link
   * #holds} knows every managed object, though their events may still be on the way. May block on
   * the API server and throw: a later call starts what is not started yet.
   */
  void start(Consumer<LiveObject> changed, Consumer<ObjectKey> gone, Runnable synced);

  /**
   * Who holds the name: as of the last events the watch was told, which may trail the API server by
   * the time an event takes to arrive.
   */
  Occupant occupant(ObjectIdentity identity);

  /** Whether the watch has seen the object as meshfed's, and not seen it go since. */
  default boolean holds(ObjectIdentity identity) {
    return occupant(identity) == Occupant.MESHFED;
  }

  @Override
  void close();
}
