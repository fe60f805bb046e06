package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.KubernetesValidation;
import dev.meshfed.translation.model.MeshConfigInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.NodeInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.WorkspaceSettingsInput.GatewaySelector;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A cluster's Istio: the control plane meshfed writes to and the east-west gateway it uses. */
record ClusterMesh(String cluster, ControlPlaneInput controlPlane, EastWestGatewayInput gateway) {

  /** The default-revision istiod if there is one, else the first by namespace and name. */
  static Optional<ControlPlaneInput> controlPlane(MeshInputs inputs, String cluster) {
    return inputs
        .inCluster(cluster, ControlPlaneInput.class)
        .min(
            Comparator.comparing((ControlPlaneInput cp) -> cp.revision() != null)
                .thenComparing(ControlPlaneInput::id));
  }

  /** The rule that keeps a cluster without istiod from getting Istio config, about a subject. */
  static Exclusion noControlPlane(String cluster, ObjectId subject) {
    return new Exclusion(
        Exclusion.Rule.NO_CONTROL_PLANE,
        subject,
        "cluster " + cluster + " has no Istio control plane");
  }

  /** The first east-west gateway (by namespace and name) that other clusters can reach. */
  static Optional<EastWestGatewayInput> gateway(MeshInputs inputs, String cluster) {
    return gateway(inputs, cluster, List.of());
  }

  /**
   * The first east-west gateway (by namespace and name) that other clusters can reach and one of
   * the selectors picks (none: any).
   */
  static Optional<EastWestGatewayInput> gateway(
      MeshInputs inputs, String cluster, List<GatewaySelector> selectors) {
    return inputs
        .inCluster(cluster, EastWestGatewayInput.class)
        .filter(
            gateway -> selectors.isEmpty() || selectors.stream().anyMatch(s -> selects(s, gateway)))
        .filter(gateway -> endpoint(inputs, gateway).isPresent())
        .findFirst();
  }

  static boolean selects(GatewaySelector selector, EastWestGatewayInput gateway) {
    return Selectors.matchesIfSet(selector.cluster(), gateway.id().cluster())
        && Selectors.matchesIfSet(selector.namespace(), gateway.id().namespace())
        && Selectors.containsAll(gateway.labels(), selector.labels());
  }

  /**
   * The mesh config of the cluster's control plane: the one of its revision in its namespace, else
   * the default one (named istio) there.
   */
  static Optional<MeshConfigInput> meshConfig(MeshInputs inputs, String cluster) {
    Optional<ControlPlaneInput> controlPlane = controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      return Optional.empty();
    }
    String namespace = controlPlane.get().id().namespace();
    String revision = revision(controlPlane.get().revision());
    return inputs
        .inCluster(cluster, MeshConfigInput.class)
        .filter(config -> config.id().namespace().equals(namespace))
        .min(
            Comparator.comparing(
                    (MeshConfigInput config) ->
                        !Objects.equals(revision(config.revision()), revision))
                .thenComparing(config -> !config.id().name().equals("istio"))
                .thenComparing(MeshConfigInput::id));
  }

  /** The trust domain the cluster's workload identities are in: Istio's default when unknown. */
  static String trustDomain(MeshInputs inputs, String cluster) {
    return meshConfig(inputs, cluster)
        .map(MeshConfigInput::effectiveTrustDomain)
        .orElse(MeshConfigInput.DEFAULT_TRUST_DOMAIN);
  }

  /** The label Istio reads a network from, on gateways and on istiod's namespace. */
  static final String NETWORK_LABEL = "topology.istio.io/network";

  /**
   * The network of a gateway's cluster, as istiod knows it: the gateway's own network label, else
   * that of the cluster's control-plane namespace, else the cluster's name.
   */
  static String network(MeshInputs inputs, EastWestGatewayInput gateway) {
    if (gateway.network() != null && !gateway.network().isBlank()) {
      return gateway.network();
    }
    String cluster = gateway.id().cluster();
    return controlPlane(inputs, cluster)
        .flatMap(
            cp ->
                inputs.get(
                    new ObjectId(cluster, DiscoveredKinds.NAMESPACE, "", cp.id().namespace())))
        .filter(NamespaceInput.class::isInstance)
        .map(ns -> ((NamespaceInput) ns).labels().get(NETWORK_LABEL))
        .filter(network -> !network.isBlank())
        .orElse(cluster);
  }

  /** Istio calls the revision of an unrevisioned install "default". */
  private static String revision(String revision) {
    return revision == null || revision.isEmpty() ? "default" : revision;
  }

  /** An address and port other clusters reach a gateway at; the Node it is on, if one. */
  record Endpoint(String address, int port, Optional<ObjectId> node) {}

  /**
   * Where other clusters reach a gateway with a port named tls: its load balancer address on that
   * port, else, with a nodePort, the first ready node (by name) that has an ExternalIP or an
   * InternalIP, on the nodePort (clusters without load balancers, as in the libvirt seed).
   */
  static Optional<Endpoint> endpoint(MeshInputs inputs, EastWestGatewayInput gateway) {
    if (!isPort(gateway.tlsPort())) {
      return Optional.empty();
    }
    if (gateway.address() != null && !gateway.address().isBlank()) {
      // a load balancer's ingress is an IP or a host name; anything else reaches nothing
      return isAddress(gateway.address())
          ? Optional.of(new Endpoint(gateway.address(), gateway.tlsPort(), Optional.empty()))
          : Optional.empty();
    }
    if (!isPort(gateway.nodePort())) {
      return Optional.empty();
    }
    return inputs
        .inCluster(gateway.id().cluster(), NodeInput.class)
        .filter(node -> node.ready() && node.reachableAddress() != null)
        .findFirst()
        .map(
            node ->
                new Endpoint(node.reachableAddress(), gateway.nodePort(), Optional.of(node.id())));
  }

  private static boolean isPort(Integer port) {
    return port != null && port >= 1 && port <= 65535;
  }

  private static boolean isAddress(String address) {
    // a name of digits and dots only is an IP, or nothing: 999.1.1.1 is neither IP nor host
    return IpAddresses.isIp(address)
        || KubernetesValidation.isDnsSubdomain(address) && !address.matches("[0-9.]+");
  }

  String namespace() {
    return controlPlane.id().namespace();
  }

  String networkingApiVersion() {
    return IstioApi.networkingApiVersion(controlPlane.version());
  }
}
