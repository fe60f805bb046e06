package dev.meshfed.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EventQueryTest {

  private final EventView reviews =
      Events.view(
          0,
          Events.federated(
              "reviews.bookinfo.svc.cluster1.global", "bookinfo", "cluster1", "cluster2"));

  @Test
  void aClusterMatchesAsSourceOrTarget() {
    assertThat(new EventQuery("cluster1", null, null).matches(reviews)).isTrue();
    assertThat(new EventQuery("cluster2", null, null).matches(reviews)).isTrue();
    assertThat(new EventQuery("cluster3", null, null).matches(reviews)).isFalse();
  }

  @Test
  void aClusterMatchesTheTopicAnApplyEventCameFrom() {
    EventView failed = new EventView(0, "cluster3", Events.applyFailed("x", "forbidden"));

    assertThat(new EventQuery("cluster3", null, null).matches(failed)).isTrue();
    assertThat(new EventQuery("cluster1", null, null).matches(failed)).isFalse();
  }

  @Test
  void everyGivenFieldMustMatch() {
    assertThat(
            new EventQuery(null, "bookinfo", "reviews.bookinfo.svc.cluster1.global")
                .matches(reviews))
        .isTrue();
    assertThat(new EventQuery(null, "other", null).matches(reviews)).isFalse();
    assertThat(new EventQuery(null, null, "ratings.bookinfo.svc.cluster2.global").matches(reviews))
        .isFalse();
  }

  @Test
  void typesAreMatchedByName() {
    assertThat(new EventQuery(null, null, null, Set.of("HostFederated")).matches(reviews)).isTrue();
    assertThat(new EventQuery(null, null, null, Set.of("HostWithdrawn")).matches(reviews))
        .isFalse();
  }

  @Test
  void anEmptyQueryMatchesEverything() {
    assertThat(
            new EventQuery(null, null, null)
                .matches(Events.view(0, Events.rejected("cluster1", "bad"))))
        .isTrue();
  }
}
