package dev.meshfed.distribution.model;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.V1BETA1;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.distribution.model.ApplyFailure.Operation;
import org.junit.jupiter.api.Test;

class ApplyFailureTest {

  private static final ApplyFailure FIRST =
      new ApplyFailure(serviceEntryKey(V1, "foo"), Operation.APPLY, 1, "HTTP 500");

  @Test
  void theSameWriteFailingTheSameWayAgainRepeatsIt() {
    assertThat(
            new ApplyFailure(serviceEntryKey(V1, "foo"), Operation.APPLY, 5, "HTTP 500")
                .repeats(FIRST))
        .isTrue();
  }

  @Test
  void anotherErrorOperationOrVersionIsNews() {
    assertThat(
            new ApplyFailure(serviceEntryKey(V1, "foo"), Operation.APPLY, 2, "HTTP 403")
                .repeats(FIRST))
        .isFalse();
    assertThat(
            new ApplyFailure(serviceEntryKey(V1, "foo"), Operation.DELETE, 2, "HTTP 500")
                .repeats(FIRST))
        .isFalse();
    assertThat(
            new ApplyFailure(serviceEntryKey(V1BETA1, "foo"), Operation.APPLY, 2, "HTTP 500")
                .repeats(FIRST))
        .isFalse();
    assertThat(FIRST.repeats(null)).isFalse();
  }
}
