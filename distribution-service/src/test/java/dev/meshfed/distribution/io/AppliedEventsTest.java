package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.EventKey;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AppliedEventsTest {

  private static final ObjectKey FOO =
      new ObjectKey("networking.istio.io/v1beta1", "ServiceEntry", "istio-system", "foo");

  private final AppliedEvents events = new AppliedEvents("cluster1");

  @Test
  void aFailureIsAboutItsObjectWhateverTheVersion() {
    AppliedEvents.Event event =
        events.applyFailed(
            new ApplyFailure(FOO, ApplyFailure.Operation.PRUNE, 3, "Delete failed (HTTP 403)"));

    assertThat(event.key()).isEqualTo(new EventKey("ServiceEntry/istio-system/foo"));
    assertThat(event.value().getMessage())
        .isEqualTo(
            "cannot prune ServiceEntry istio-system/foo in cluster1 (attempt 3): "
                + "Delete failed (HTTP 403)");
    assertThat(event.value().getEvent())
        .isEqualTo(
            new ApplyFailed(
                new DesiredKey(
                    "networking.istio.io/v1beta1", "ServiceEntry", "istio-system", "foo"),
                ApplyAction.PRUNE,
                3,
                "Delete failed (HTTP 403)",
                null));
  }

  @Test
  void aConvergenceIsAboutTheCluster() {
    AppliedEvents.Event event =
        events.converged(new Convergence(12, 3, 0, 1, 0, OptionalLong.of(41), 0));

    assertThat(event.key()).isEqualTo(new EventKey("cluster1"));
    assertThat(event.value().getMessage())
        .isEqualTo(
            "cluster1 holds its 12 desired objects (applied 3, deleted 0, pruned 1 since start)");
    assertThat(event.value().getEvent()).isEqualTo(new ClusterConverged(12, 3L, 0L, 1L, 41L, 0));
  }

  @Test
  void aConvergenceSaysWhatCouldNotBeUsedAndWhenNoOffsetIsKnown() {
    AppliedEvents.Event event =
        events.converged(new Convergence(1, 0, 0, 0, 2, OptionalLong.empty(), 0));

    assertThat(event.value().getMessage())
        .isEqualTo(
            "cluster1 holds its 1 desired object (applied 0, deleted 0, pruned 0 since start;"
                + " 2 desired records could not be used)");
    assertThat(((ClusterConverged) event.value().getEvent()).getDesiredOffset()).isNull();
  }
}
