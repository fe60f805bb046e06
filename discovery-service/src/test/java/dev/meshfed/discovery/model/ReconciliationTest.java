package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.KnownRecordsTest.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static final DiscoveryKey RATINGS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "ratings");
  private static final DiscoveryKey REVIEWS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews");
  private static final DiscoveryKey BOOKINFO = Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo");
  private static final DiscoveryKey OLD = Keys.of(DiscoveredKinds.NAMESPACE, "", "old");

  @Test
  void tombstonesWhatTheTopicHoldsAndTheClusterNoLongerHas() {
    var topicKeys = List.of(REVIEWS, RATINGS, BOOKINFO, OLD, AgentRecord.KEY);

    List<Write> tombstones = Reconciliation.staleTombstones(topicKeys, Set.of(REVIEWS, BOOKINFO));

    assertThat(tombstones).containsExactly(Write.tombstone(OLD), Write.tombstone(RATINGS));
  }

  @Test
  void nothingIsStaleWhenTheTopicIsEmpty() {
    assertThat(Reconciliation.staleTombstones(List.of(), Set.of(REVIEWS))).isEmpty();
  }

  @Test
  void thePlanPublishesTheCurrentStateThenTheStaleTombstones() {
    var current =
        List.of(
            new Write(BOOKINFO, namespace("a")),
            Write.tombstone(Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, "bookinfo", "reviews")));
    var topicKeys =
        List.of(BOOKINFO, OLD, Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, "bookinfo", "reviews"));

    Reconciliation.Plan plan = Reconciliation.plan(topicKeys, current);

    assertThat(plan.staleTombstones())
        .containsExactly(
            Write.tombstone(Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, "bookinfo", "reviews")),
            Write.tombstone(OLD));
    assertThat(plan.all()).startsWith(current.toArray(Write[]::new)).hasSize(4);
  }
}
