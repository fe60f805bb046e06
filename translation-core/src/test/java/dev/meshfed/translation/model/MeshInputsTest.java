package dev.meshfed.translation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MeshInputsTest {

  private static final NamespaceInput BOOKINFO_1 = namespace("cluster1", "bookinfo");
  private static final NamespaceInput BOOKINFO_2 = namespace("cluster2", "bookinfo");
  private static final ServiceInput REVIEWS_1 = service("cluster1", "reviews");
  private static final ServiceInput DETAILS_2 = service("cluster2", "details");

  private final MeshInputs mesh =
      MeshInputs.of(List.of(REVIEWS_1, BOOKINFO_2, DETAILS_2, BOOKINFO_1));

  @Test
  void findsInputsByTypeAcrossClustersInIdOrder() {
    assertThat(mesh.all(ServiceInput.class)).containsExactly(REVIEWS_1, DETAILS_2);
    assertThat(mesh.all(Input.class)).containsExactly(BOOKINFO_1, REVIEWS_1, BOOKINFO_2, DETAILS_2);
  }

  @Test
  void findsTheInputsOfOneTypeInOneCluster() {
    assertThat(mesh.inCluster("cluster2", ServiceInput.class)).containsExactly(DETAILS_2);
    assertThat(mesh.inCluster("cluster3", ServiceInput.class)).isEmpty();
  }

  @Test
  void removingTheLastInputOfAClusterForgetsTheCluster() {
    mesh.remove(BOOKINFO_2.id());
    mesh.remove(DETAILS_2.id());

    assertThat(mesh.clusters()).containsExactly("cluster1");
    assertThat(mesh.all(NamespaceInput.class)).containsExactly(BOOKINFO_1);
    assertThat(mesh.size()).isEqualTo(2);
  }

  @Test
  void replacingAnInputKeepsOneEntry() {
    ServiceInput changed =
        new ServiceInput(REVIEWS_1.id(), "ClusterIP", Map.of("v", "2"), Map.of(), List.of());

    mesh.put(changed);

    assertThat(mesh.inCluster("cluster1", ServiceInput.class)).containsExactly(changed);
    assertThat(mesh.get(REVIEWS_1.id())).contains(changed);
  }

  @Test
  void findsServicesByNameAndByLabelAsTheyChange() {
    ServiceInput labelled =
        new ServiceInput(REVIEWS_1.id(), "ClusterIP", Map.of("app", "r"), Map.of(), List.of());
    ServiceInput relabelled =
        new ServiceInput(REVIEWS_1.id(), "ClusterIP", Map.of("app", "s"), Map.of(), List.of());
    ServiceInput reviews2 = service("cluster2", "reviews");

    mesh.put(labelled);
    mesh.put(reviews2);
    assertThat(mesh.servicesNamed("reviews")).containsExactly(labelled, reviews2);
    assertThat(mesh.servicesLabelled("app", "r")).containsExactly(labelled);

    mesh.put(relabelled);
    assertThat(mesh.servicesLabelled("app", "r")).isEmpty();
    assertThat(mesh.servicesLabelled("app", "s")).containsExactly(relabelled);
    mesh.remove(REVIEWS_1.id());
    assertThat(mesh.servicesNamed("reviews")).containsExactly(reviews2);
    assertThat(mesh.servicesLabelled("app", "s")).isEmpty();
  }

  @Test
  void aDerivedViewIsBuiltOnceAndAgainOnlyAfterAnInputOfItsTypeChanged() {
    AtomicInteger builds = new AtomicInteger();
    MeshInputs.Derivation<ServiceInput, List<String>> names =
        new MeshInputs.Derivation<>(
            ServiceInput.class,
            "names",
            all -> {
              builds.incrementAndGet();
              return all.map(s -> s.id().name()).toList();
            });

    assertThat(mesh.derived(names)).containsExactly("reviews", "details");
    assertThat(mesh.derived(names)).containsExactly("reviews", "details");
    mesh.put(namespace("cluster3", "other"));
    assertThat(mesh.derived(names)).as("another type changed").hasSize(2);
    assertThat(builds).hasValue(1);

    mesh.put(service("cluster3", "ratings"));
    assertThat(mesh.derived(names)).containsExactly("reviews", "details", "ratings");
    mesh.remove(REVIEWS_1.id());
    assertThat(mesh.derived(names)).containsExactly("details", "ratings");
    assertThat(builds).hasValue(3);
  }

  @Test
  void aViewOfASupertypeSeesChangesOfEverySubtype() {
    MeshInputs.Derivation<Input, Long> count =
        new MeshInputs.Derivation<>(Input.class, "count", Stream::count);

    assertThat(mesh.derived(count)).isEqualTo(4);
    mesh.put(namespace("cluster3", "other"));
    assertThat(mesh.derived(count)).isEqualTo(5);
    mesh.remove(DETAILS_2.id());
    assertThat(mesh.derived(count)).isEqualTo(4);
  }

  @Test
  void aMemoIsComputedAgainOnlyForAnotherInputObjectOrContext() {
    MeshInputs mesh = MeshInputs.of(List.of(REVIEWS_1));
    MeshInputs.PerInput<ServiceInput, String> kind =
        new MeshInputs.PerInput<>(ServiceInput.class, "test");
    AtomicInteger computed = new AtomicInteger();
    Object context = new Object();

    mesh.memo(kind, REVIEWS_1, context, s -> "v" + computed.incrementAndGet());
    String kept = mesh.memo(kind, REVIEWS_1, context, s -> "v" + computed.incrementAndGet());
    ServiceInput relabelled =
        new ServiceInput(REVIEWS_1.id(), "ClusterIP", Map.of("a", "b"), Map.of(), List.of(), null);
    mesh.put(relabelled);
    String forNewObject =
        mesh.memo(kind, relabelled, context, s -> "v" + computed.incrementAndGet());
    String forNewContext =
        mesh.memo(kind, relabelled, new Object(), s -> "v" + computed.incrementAndGet());

    assertThat(List.of(kept, forNewObject, forNewContext)).containsExactly("v1", "v2", "v3");
  }

  @Test
  void removingAnInputForgetsItsMemos() {
    MeshInputs mesh = MeshInputs.of(List.of(REVIEWS_1));
    MeshInputs.PerInput<ServiceInput, Integer> kind =
        new MeshInputs.PerInput<>(ServiceInput.class, "test");
    AtomicInteger computed = new AtomicInteger();
    Object context = new Object();
    mesh.memo(kind, REVIEWS_1, context, s -> computed.incrementAndGet());

    mesh.remove(REVIEWS_1.id());
    mesh.put(REVIEWS_1);

    assertThat(mesh.memo(kind, REVIEWS_1, context, s -> computed.incrementAndGet())).isEqualTo(2);
  }

  @Test
  void remembersTheServicesChangedSinceAMarkUntilTooManyChanged() {
    MeshInputs mesh = MeshInputs.of(List.of(BOOKINFO_1));
    long mark = mesh.serviceChangeMark();
    mesh.put(REVIEWS_1);
    mesh.put(BOOKINFO_2);
    mesh.remove(REVIEWS_1.id());

    assertThat(mesh.servicesChangedSince(mark)).contains(List.of(REVIEWS_1.id(), REVIEWS_1.id()));
    for (int i = 0; i <= MeshInputs.SERVICE_CHANGES_KEPT; i++) {
      mesh.put(DETAILS_2);
    }
    assertThat(mesh.servicesChangedSince(mark)).isEmpty();
    assertThat(mesh.servicesChangedSince(mesh.serviceChangeMark())).contains(List.of());
  }

  private static NamespaceInput namespace(String cluster, String name) {
    return new NamespaceInput(new ObjectId(cluster, "Namespace", "", name), Map.of());
  }

  private static ServiceInput service(String cluster, String name) {
    return new ServiceInput(
        new ObjectId(cluster, "Service", "bookinfo", name),
        "ClusterIP",
        Map.of(),
        Map.of(),
        List.of());
  }
}
