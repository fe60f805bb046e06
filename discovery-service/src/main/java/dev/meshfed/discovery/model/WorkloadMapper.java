package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.WorkloadState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.util.Optional;

/**
 * Deployment, StatefulSet, DaemonSet → the kind of the same name: the service account its pods run
 * as and their labels, read from its pod template. Its status (replicas, observedGeneration) is
 * left out, so that a rollout's progress publishes nothing.
 */
public final class WorkloadMapper {

  /** What Kubernetes runs a pod as when its spec names no service account. */
  public static final String DEFAULT_SERVICE_ACCOUNT = "default";

  private WorkloadMapper() {}

  public static Mapping map(Deployment deployment) {
    return map(
        DiscoveredKinds.DEPLOYMENT,
        deployment,
        Optional.ofNullable(deployment.getSpec()).map(DeploymentSpec::getTemplate));
  }

  public static Mapping map(StatefulSet statefulSet) {
    return map(
        DiscoveredKinds.STATEFUL_SET,
        statefulSet,
        Optional.ofNullable(statefulSet.getSpec()).map(StatefulSetSpec::getTemplate));
  }

  public static Mapping map(DaemonSet daemonSet) {
    return map(
        DiscoveredKinds.DAEMON_SET,
        daemonSet,
        Optional.ofNullable(daemonSet.getSpec()).map(DaemonSetSpec::getTemplate));
  }

  private static Mapping map(
      String kind, HasMetadata workload, Optional<PodTemplateSpec> template) {
    var state =
        new WorkloadState(
            serviceAccount(template.map(PodTemplateSpec::getSpec)),
            Envelope.sorted(
                template
                    .map(PodTemplateSpec::getMetadata)
                    .map(ObjectMeta::getLabels)
                    .orElse(null)));
    return Mapping.of(
        new Write(Keys.of(kind, workload), Envelope.wrapWithoutGeneration(workload, state)));
  }

  /** serviceAccountName, else the deprecated serviceAccount, else default; empty is unset. */
  static String serviceAccount(Optional<PodSpec> pod) {
    return pod.map(PodSpec::getServiceAccountName)
        .filter(name -> !name.isEmpty())
        .or(() -> pod.map(PodSpec::getServiceAccount).filter(name -> !name.isEmpty()))
        .orElse(DEFAULT_SERVICE_ACCOUNT);
  }
}
