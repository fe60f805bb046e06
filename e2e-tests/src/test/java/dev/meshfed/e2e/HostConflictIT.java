package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.testbed.scenario.Step;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two services of workspace shop in cluster1 whose hosts name their objects alike: reviews-bookinfo
 * in namespace v2 (reviews-bookinfo.v2.svc…) and reviews in namespace bookinfo-v2
 * (reviews.bookinfo-v2.svc…) both give reviews-bookinfo-v2-svc-cluster1-global. The older one,
 * created a step earlier, keeps the name; the other is rejected until the first is deleted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostConflictIT {

  private static final String ENTRY = "reviews-bookinfo-v2-svc-cluster1-global";
  private static final String WINNER_HOST = "reviews-bookinfo.v2.svc.cluster1.global";
  private static final String RIVAL_HOST = "reviews.bookinfo-v2.svc.cluster1.global";
  private static final String DETAILS_HOST = "details.bookinfo-v2.svc.cluster1.global";
  private static final String WINNER = "cluster1/Service/v2/reviews-bookinfo";
  private static final String RIVAL = "cluster1/Service/bookinfo-v2/reviews";
  private static final List<String> CLUSTERS = List.of("cluster1", "cluster2");

  /** Workspace shop's namespaces in both clusters (cluster2 has only v2). */
  private static final String[] SHOP = {"cluster1/bookinfo-v2", "cluster1/v2", "cluster2/v2"};

  private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension static final ScenarioRun run = new ScenarioRun("host-conflict");

  @Test
  @Order(1)
  void theFirstServiceIsFederatedUnderTheName() throws Exception {
    run.runAndCompare("01-winner");

    for (String cluster : CLUSTERS) {
      assertThat(run.hosts(cluster)).containsExactlyInAnyOrder(WINNER_HOST, DETAILS_HOST);
      assertThat(host(run.serviceEntry(cluster, ENTRY))).isEqualTo(WINNER_HOST);
    }
    assertThat(events(RIVAL)).isEmpty();
    Traffic.of(run)
        .federated(WINNER_HOST, 9080, "cluster1/v2/reviews-bookinfo", SHOP)
        .federated(DETAILS_HOST, 9080, "cluster1/bookinfo-v2/details", SHOP)
        .nowhere(RIVAL_HOST, 9080)
        .check();
  }

  @Test
  @Order(2)
  void aNewerServiceClaimingTheNameIsRejectedAndTheWinnersEntriesStay() throws Exception {
    Instant winnerCreated = created("v2", "reviews-bookinfo");
    // the API server stamps creation in whole seconds: the rival must get a later one to be newer
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(winnerCreated));
    Step step = run.step("02-rival");
    // events of the clusters' start (a service placed before a control plane arrived) came before
    long rivalApplied = System.currentTimeMillis();
    run.pipeline().apply(step);
    run.awaitAndCompare(step);

    assertThat(created("bookinfo-v2", "reviews")).isAfter(winnerCreated);
    DumpComparison.assertSameTreeWithoutUpdating(run.dumped("02-rival"), run.expected("01-winner"));
    for (String cluster : CLUSTERS) {
      assertThat(run.hosts(cluster)).containsExactlyInAnyOrder(WINNER_HOST, DETAILS_HOST);
      assertThat(run.managed(cluster))
          .as("nothing of %s in %s", RIVAL, cluster)
          .noneMatch(o -> sources(o).contains(RIVAL));
    }

    EventView rejected =
        await()
            .atMost(EVENT_TIMEOUT)
            .until(() -> events(RIVAL), events -> !events.isEmpty())
            .get(0);
    assertThat(rejected.type()).isEqualTo("InputRejected");
    assertThat(rejected.fields()).containsEntry("severity", "INVALID");
    assertThat((String) rejected.fields().get("reason"))
        .contains(ENTRY)
        .contains("older " + WINNER)
        .contains(WINNER_HOST);
    assertThat(events(WINNER))
        .filteredOn(e -> e.timestamp() >= rivalApplied)
        .as("the winner is not at fault")
        .isEmpty();
    Traffic.of(run)
        .federated(WINNER_HOST, 9080, "cluster1/v2/reviews-bookinfo", SHOP)
        .nowhere(RIVAL_HOST, 9080)
        .check();
  }

  @Test
  @Order(3)
  void deletingTheWinnerFederatesTheOtherUnderTheName() throws Exception {
    run.runAndCompare("03-winner-deleted");

    for (String cluster : CLUSTERS) {
      assertThat(run.hosts(cluster)).containsExactlyInAnyOrder(RIVAL_HOST, DETAILS_HOST);
      GenericKubernetesResource entry = run.serviceEntry(cluster, ENTRY);
      assertThat(host(entry)).isEqualTo(RIVAL_HOST);
      assertThat(entry.<List<String>>get("spec", "hosts")).containsExactly(RIVAL_HOST);
      assertThat(sources(entry)).contains(RIVAL).doesNotContain(WINNER);
    }
    Traffic.of(run)
        .federated(RIVAL_HOST, 9080, "cluster1/bookinfo-v2/reviews", SHOP)
        .federated(DETAILS_HOST, 9080, "cluster1/bookinfo-v2/details", SHOP)
        .nowhere(WINNER_HOST, 9080)
        .check();
    Map<String, String> selector =
        run.serviceEntry("cluster1", ENTRY).get("spec", "workloadSelector", "labels");
    assertThat(selector).containsExactly(Map.entry("app", "reviews"));

    List<String> types =
        await()
            .atMost(EVENT_TIMEOUT)
            .until(
                () -> events(RIVAL).stream().map(EventView::type).toList(),
                t -> t.contains("InputAccepted"));
    assertThat(types).containsExactly("InputRejected", "InputAccepted");
  }

  /** The InputRejected and InputAccepted events about an input, in order. */
  private static List<EventView> events(String input) {
    return run.events().stream()
        .filter(e -> e.type().equals("InputRejected") || e.type().equals("InputAccepted"))
        .filter(e -> e.subject().equals(input))
        .toList();
  }

  private static Instant created(String namespace, String name) {
    Service service =
        run.pipeline()
            .clusters()
            .get("cluster1")
            .client()
            .services()
            .inNamespace(namespace)
            .withName(name)
            .get();
    assertThat(service).as("Service %s/%s in cluster1", namespace, name).isNotNull();
    return Instant.parse(service.getMetadata().getCreationTimestamp());
  }

  private static String host(GenericKubernetesResource object) {
    return object.getMetadata().getAnnotations().get("meshfed.dev/host");
  }

  private static String sources(GenericKubernetesResource object) {
    return object.getMetadata().getAnnotations().getOrDefault("meshfed.dev/sources", "");
  }
}
