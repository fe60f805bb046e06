package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1;
import static dev.meshfed.distribution.io.IstioObjects.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.ManagedObjectWatch.Occupant;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectIdentity;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The distributor's list and watch of its objects against a simulated API server: what it lists and
 * what it is told afterwards, what it holds, and how it lists again when its watch is broken off.
 */
class KubernetesManagedObjectWatchIT {

  private static final ObjectIdentity FOO =
      new ObjectIdentity("networking.istio.io", "ServiceEntry", IstioObjects.NAMESPACE, "foo");

  private final List<LiveObject> changed = new CopyOnWriteArrayList<>();
  private final List<ObjectKey> gone = new CopyOnWriteArrayList<>();
  private final AtomicBoolean synced = new AtomicBoolean();
  private SimulatedCluster cluster;
  private KubernetesManagedObjectWatch watch;

  @BeforeEach
  void startCluster() {
    cluster = SimulatedCluster.start("watched");
    watch = new KubernetesManagedObjectWatch(cluster.client(), KindTable.DISTRIBUTED);
  }

  @AfterEach
  void stop() {
    watch.close();
    cluster.close();
  }

  @Test
  void listsTheManagedObjectsThereAndOnlyThoseThenSaysSynced() {
    IstioObjects.create(cluster.client(), serviceEntry(NETWORKING_V1, "foo", "a.global"));
    IstioObjects.create(
        cluster.client(),
        IstioObjects.manifest(NETWORKING_V1, "ServiceEntry", "theirs", false, Map.of()));

    start();

    await().untilTrue(synced);
    assertThat(changed).extracting(live -> live.key().name()).containsExactly("foo");
    LiveObject foo = changed.get(0);
    assertThat(foo.key().apiVersion()).isEqualTo(NETWORKING_V1);
    assertThat(foo.managed()).isTrue();
    assertThat(foo.object().path("spec").path("hosts").path(0).asText()).isEqualTo("a.global");
    assertThat(watch.holds(FOO)).isTrue();
    assertThat(watch.holds(identity("theirs"))).isFalse();
    assertThat(watch.occupant(FOO)).isEqualTo(Occupant.MESHFED);
    assertThat(watch.occupant(identity("theirs")))
        .as("the others' watch starts with the first question about the kind")
        .isEqualTo(Occupant.UNKNOWN);
    await().until(() -> watch.occupant(identity("theirs")) == Occupant.OTHER);
    assertThat(watch.occupant(identity("free"))).isEqualTo(Occupant.NOBODY);
  }

  @Test
  void knowsTheNamesOthersTakeAndFreeAndHandOver() {
    start();
    await().untilTrue(synced);
    await().until(() -> watch.occupant(identity("theirs")) == Occupant.NOBODY);

    IstioObjects.create(
        cluster.client(),
        IstioObjects.manifest(NETWORKING_V1, "ServiceEntry", "theirs", false, Map.of()));
    await().until(() -> watch.occupant(identity("theirs")) == Occupant.OTHER);

    IstioObjects.serviceEntries(cluster.client())
        .withName("theirs")
        .edit(
            object -> {
              object
                  .getMetadata()
                  .setLabels(
                      Map.of(ManifestParser.MANAGED_BY_LABEL, ManifestParser.MANAGED_BY_VALUE));
              return object;
            });
    await().until(() -> watch.occupant(identity("theirs")) == Occupant.MESHFED);
    assertThat(changed).extracting(live -> live.key().name()).containsExactly("theirs");

    IstioObjects.serviceEntries(cluster.client()).withName("theirs").delete();
    await().until(() -> watch.occupant(identity("theirs")) == Occupant.NOBODY);
    assertThat(changed).extracting(live -> live.key().name()).containsExactly("theirs");
  }

  @Test
  void cannotTellWhoHoldsANameBeforeTheKindIsListed() {
    assertThat(watch.occupant(identity("free"))).isEqualTo(Occupant.UNKNOWN);
  }

  @Test
  void passesOnChangesWithTheirVersionAndTreeAndDeletesAsGone() {
    start();
    await().untilTrue(synced);

    GenericKubernetesResource created =
        IstioObjects.create(cluster.client(), serviceEntry(NETWORKING_V1, "foo", "a.global"));
    await().until(() -> watch.holds(FOO));
    LiveObject added = changed.get(changed.size() - 1);
    assertThat(added.resourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());
    assertThat(added.object().path("spec").path("hosts").path(0).asText()).isEqualTo("a.global");

    IstioObjects.serviceEntries(cluster.client()).withName("foo").delete();

    await().until(() -> !gone.isEmpty());
    assertThat(gone).extracting(ObjectKey::name).containsExactly("foo");
    assertThat(watch.holds(FOO)).isFalse();
  }

  @Test
  void aBrokenOffWatchListsAgainAndTellsWhatWentMeanwhileNotWhatStayed() {
    IstioObjects.create(cluster.client(), serviceEntry(NETWORKING_V1, "kept", "k.global"));
    IstioObjects.create(cluster.client(), serviceEntry(NETWORKING_V1, "foo", "a.global"));
    start();
    await().untilTrue(synced);
    int listed = changed.size();

    cluster.faults().breakWatchesAndFailReadsFor(Duration.ofSeconds(1), 500);
    // the broken watch may take down the connection this client writes on: try again, without
    // creating twice
    await()
        .ignoreExceptionsInstanceOf(KubernetesClientException.class)
        .until(
            () -> {
              IstioObjects.serviceEntries(cluster.client()).withName("foo").delete();
              return true;
            });
    await()
        .ignoreExceptionsInstanceOf(KubernetesClientException.class)
        .until(
            () -> {
              if (IstioObjects.serviceEntries(cluster.client()).withName("bar").get() == null) {
                IstioObjects.create(
                    cluster.client(), serviceEntry(NETWORKING_V1, "bar", "b.global"));
              }
              return true;
            });

    await().atMost(Duration.ofSeconds(20)).until(() -> watch.holds(identity("bar")));
    await().until(() -> !watch.holds(FOO));
    assertThat(gone).extracting(ObjectKey::name).containsExactly("foo");
    assertThat(changed.subList(listed, changed.size()))
        .extracting(live -> live.key().name())
        .containsExactly("bar");
  }

  private void start() {
    watch.start(changed::add, gone::add, () -> synced.set(true));
  }

  private static ObjectIdentity identity(String name) {
    return new ObjectIdentity("networking.istio.io", "ServiceEntry", IstioObjects.NAMESPACE, name);
  }
}
