package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.TranslationBehind;
import dev.meshfed.schema.events.TranslationCaughtUp;
import dev.meshfed.translation.records.RecordFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacklogAnnouncementsTest {

  private final List<FederationEvent> announced = new ArrayList<>();
  private final BacklogAnnouncements announcements =
      new BacklogAnnouncements(
          RecordFactory.translationKey(),
          (sink, key, value, timestamp) -> announced.add((FederationEvent) value));
  private final RecomputeSchedule schedule = new RecomputeSchedule(10);

  @Test
  void aTaskThatStartsUpToDateSaysSoWithoutClaimingItCaughtUp() {
    announcements.update(schedule, 1_000);

    assertThat(announced).singleElement().satisfies(this::upToDate);
  }

  @Test
  void aTaskThatFellBehindTellsHowLongItWasBehind() {
    announcements.update(schedule, 1_000);
    schedule.changed(Optional.empty(), 1_000);
    announcements.update(schedule, 1_000);
    announcements.update(schedule, 1_500);
    schedule.next(5_000, List::of);
    schedule.next(5_100, List::of);
    announcements.update(schedule, 5_200);

    assertThat(announced).hasSize(3);
    assertThat(announced.get(1).getEvent()).isInstanceOf(TranslationBehind.class);
    assertThat(announced.get(2).getEvent())
        .isInstanceOfSatisfying(
            TranslationCaughtUp.class,
            caughtUp -> assertThat(caughtUp.getBehindMillis()).isEqualTo(4_200));
    assertThat(announced.get(2).getMessage()).contains("caught up", "4200 ms");
  }

  private void upToDate(FederationEvent event) {
    assertThat(event.getEvent()).isInstanceOf(TranslationCaughtUp.class);
    assertThat(event.getMessage()).contains("up to date").doesNotContain("caught up", "behind");
  }
}
