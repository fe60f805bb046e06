package dev.meshfed.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.events.FederationEvent;
import org.junit.jupiter.api.Test;

class EventQueryTest {

  private final FederationEvent reviews =
      Events.federated("reviews.bookinfo.svc.cluster1.global", "bookinfo", "cluster1", "cluster2");

  @Test
  void aClusterMatchesAsSourceOrTarget() {
    assertThat(new EventQuery("cluster1", null, null).matches(reviews)).isTrue();
    assertThat(new EventQuery("cluster2", null, null).matches(reviews)).isTrue();
    assertThat(new EventQuery("cluster3", null, null).matches(reviews)).isFalse();
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
  void anEmptyQueryMatchesEverything() {
    assertThat(new EventQuery(null, null, null).matches(Events.rejected("cluster1", "bad")))
        .isTrue();
  }
}
