package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ControlPlaneState;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** An istiod Deployment (labelled app=istiod) → kind ControlPlane. */
public final class ControlPlaneMapper {

  public static final String APP_LABEL = "app";
  public static final String ISTIOD = "istiod";
  public static final String REVISION_LABEL = "istio.io/rev";
  public static final String DISCOVERY_CONTAINER = "discovery";

  /** istiod's settings translation reads: trust-domain validation, address allocation. */
  static final Set<String> CROSS_CLUSTER_ENV =
      Set.of(
          "PILOT_SKIP_VALIDATE_TRUST_DOMAIN",
          "PILOT_ENABLE_IP_AUTOALLOCATE",
          "PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES");

  private ControlPlaneMapper() {}

  public static Mapping map(Deployment deployment) {
    var key = Keys.of(DiscoveredKinds.CONTROL_PLANE, deployment);
    if (!ISTIOD.equals(Envelope.label(deployment, APP_LABEL))) {
      return Mapping.of(Write.tombstone(key));
    }
    List<String> problems = new ArrayList<>();
    Optional<Container> container = discoveryContainer(deployment);
    if (container.isEmpty()) {
      problems.add("spec.template.spec.containers: no container, so no image");
    }
    String image = container.map(Container::getImage).orElse("");
    var state =
        ControlPlaneState.newBuilder()
            .setImage(image)
            .setVersion(IstioVersion.fromImage(image).orElse(null))
            .setRevision(Envelope.label(deployment, REVISION_LABEL))
            .setEnv(crossClusterEnv(container))
            .build();
    return new Mapping(
        List.of(new Write(key, Envelope.wrapWithoutGeneration(deployment, state))), problems);
  }

  /**
   * The settings of istiod's environment that change cross-cluster traffic, literal values only (a
   * value from a ConfigMap or Secret is left out: discovery does not follow references).
   */
  private static Map<String, String> crossClusterEnv(Optional<Container> container) {
    Map<String, String> env = new TreeMap<>();
    container.map(Container::getEnv).orElse(List.of()).stream()
        .filter(Objects::nonNull)
        .filter(e -> CROSS_CLUSTER_ENV.contains(e.getName()) && e.getValue() != null)
        .forEach(e -> env.put(e.getName(), e.getValue()));
    return env;
  }

  /** The container named discovery, else the first one. */
  private static Optional<Container> discoveryContainer(Deployment deployment) {
    List<Container> containers = containers(deployment);
    return containers.stream()
        .filter(container -> DISCOVERY_CONTAINER.equals(container.getName()))
        .findFirst()
        .or(() -> containers.stream().findFirst());
  }

  private static List<Container> containers(Deployment deployment) {
    return Optional.ofNullable(deployment.getSpec())
        .map(DeploymentSpec::getTemplate)
        .map(PodTemplateSpec::getSpec)
        .map(PodSpec::getContainers)
        .orElse(List.of())
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }
}
