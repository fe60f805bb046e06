package dev.meshfed.distribution.model;

import java.util.Collection;
import java.util.List;

/** Which managed live objects no longer belong in the cluster. */
public final class PruneDecision {

  private PruneDecision() {}

  public static List<ObjectKey> toPrune(Collection<ObjectKey> managedLive, DesiredState state) {
    return managedLive.stream().filter(key -> state.mayPrune(key.identity())).toList();
  }
}
