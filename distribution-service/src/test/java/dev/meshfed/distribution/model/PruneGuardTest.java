package dev.meshfed.distribution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PruneGuardTest {

  @Test
  void nothingToPruneIsNeverWithheld() {
    assertThat(PruneGuard.DEFAULT.withhold(0, 10, 0)).isEmpty();
  }

  @Test
  void aFewStrayObjectsArePruned() {
    assertThat(PruneGuard.DEFAULT.withhold(2, 10, 8)).isEmpty();
    assertThat(PruneGuard.DEFAULT.withhold(5, 10, 5)).as("exactly the limit").isEmpty();
  }

  @Test
  void mostOfTheManagedObjectsAreWithheld() {
    assertThat(PruneGuard.DEFAULT.withhold(6, 10, 4))
        .hasValue(
            "6 of the 10 objects meshfed manages in the cluster are not desired, more than 50%:"
                + " the desired topic may be truncated or re-created"
                + " (meshfed.distribution.prune-limit-percent)");
  }

  @Test
  void anEmptyDesiredTopicPrunesNothingEvenOneObject() {
    assertThat(PruneGuard.DEFAULT.withhold(1, 3, 0))
        .hasValueSatisfying(
            reason -> assertThat(reason).startsWith("the desired topic holds no object"));
    assertThat(new PruneGuard(100).withhold(3, 3, 0)).isPresent();
  }

  @Test
  void aLimitOfAHundredPrunesAnythingTheTopicDoesNotHold() {
    assertThat(new PruneGuard(100).withhold(9, 10, 1)).isEmpty();
  }

  @Test
  void theLimitIsAPercentage() {
    assertThatThrownBy(() -> new PruneGuard(101)).isInstanceOf(IllegalArgumentException.class);
  }
}
