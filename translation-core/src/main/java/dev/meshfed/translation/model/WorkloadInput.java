package dev.meshfed.translation.model;

import java.util.Map;

/** A Deployment, StatefulSet or DaemonSet (its id's kind): who its pods run as, their labels. */
public record WorkloadInput(ObjectId id, String serviceAccount, Map<String, String> podLabels)
    implements Input {

  public WorkloadInput {
    podLabels = Map.copyOf(podLabels);
  }
}
