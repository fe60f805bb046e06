package dev.meshfed.distribution.apply;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryJson;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.distribution.apply.ManagedObjectWatch.Occupant;
import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.InvalidRecordException;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An object is read before its apply only where the watch cannot tell who holds its name, and
 * meshfed never overwrites an object it does not manage, whichever of the two says so.
 */
class GuardedWritesTest {

  private static final ObjectKey FOO = serviceEntryKey(V1, "foo");

  private final FakeCluster cluster = new FakeCluster();

  @Test
  void aNameTheWatchKnowsAsFreeIsAppliedWithoutARead() throws InvalidRecordException {
    guardedAs(Occupant.NOBODY).apply(foo());

    assertThat(cluster.reads()).isEmpty();
    assertThat(cluster.writes()).containsExactly("apply apps/foo=a.global");
  }

  @Test
  void aNameTheWatchKnowsAsOthersIsRefusedWithoutARead() throws InvalidRecordException {
    cluster.put(FOO, false);
    GuardedWrites writes = guardedAs(Occupant.OTHER);
    DesiredManifest foo = foo();

    assertThatThrownBy(() -> writes.apply(foo)).isInstanceOf(ObjectInTheWay.class);
    assertThat(cluster.reads()).isEmpty();
    assertThat(cluster.writes()).isEmpty();
  }

  @Test
  void aNameTheWatchCannotTellAboutIsReadFirst() throws InvalidRecordException {
    cluster.put(FOO, false);
    GuardedWrites writes = guardedAs(Occupant.UNKNOWN);
    DesiredManifest foo = foo();

    assertThatThrownBy(() -> writes.apply(foo)).isInstanceOf(ObjectInTheWay.class);
    assertThat(cluster.reads()).containsExactly("apps/foo");
    assertThat(cluster.writes()).isEmpty();

    cluster.put(FOO, true);
    writes.apply(foo);

    assertThat(cluster.reads()).containsExactly("apps/foo", "apps/foo");
    assertThat(cluster.writes()).containsExactly("apply apps/foo=a.global");
  }

  private GuardedWrites guardedAs(Occupant occupant) {
    return new GuardedWrites(cluster, watchSaying(occupant));
  }

  private static DesiredManifest foo() throws InvalidRecordException {
    return new ManifestParser(KindTable.ISTIO).parse(FOO, serviceEntryJson(V1, "foo", "a.global"));
  }

  private static ManagedObjectWatch watchSaying(Occupant occupant) {
    return new ManagedObjectWatch() {
      @Override
      public void start(Consumer<LiveObject> changed, Consumer<ObjectKey> gone, Runnable synced) {
        synced.run();
      }

      @Override
      public Occupant occupant(ObjectIdentity identity) {
        return occupant;
      }

      @Override
      public void close() {
        // nothing to stop
      }
    };
  }
}
