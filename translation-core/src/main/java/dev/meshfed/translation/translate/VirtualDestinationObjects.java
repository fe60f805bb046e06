package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.Port;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * The objects of one VirtualDestination in one consuming cluster: a ServiceEntry for its hosts, a
 * DestinationRule per host, and, where the cluster backs it too, a WorkloadEntry per other backing
 * cluster. Where the cluster has a backing service, the entry selects its pods and lives in its
 * namespace (a selector selects pods of its own namespace only), and the other clusters' east-west
 * gateways are WorkloadEntries it selects as well (Istio allows no selector next to endpoints);
 * elsewhere the gateways are the entry's endpoints.
 *
 * @param consumer the cluster, its control plane and (where it backs the host) its east-west
 *     gateway
 * @param local its backing service, if it has one
 * @param remotes the other backing clusters, as the consumer reaches them
 * @param clients the namespaces that may use the host there
 * @param exportTo those and, where the cluster backs the host, its east-west gateway's namespace,
 *     which builds the SNI cluster from the entry
 * @param subjectAltNames the identities of every backing cluster's workloads
 * @param policies the destination policies that select it, per port
 * @param externals the endpoints of the ExternalServices backing it, where the cluster does not
 *     back it itself (see {@link VirtualDestinationTranslation}); with any, the client's TLS is
 *     chosen per endpoint (auto mTLS): the gateways are labelled for Istio mTLS, the external
 *     endpoints are not, and the entry names the identities the DestinationRule would
 * @param subsets the subsets routes ask of it, by name: the DestinationRule defines them; each
 *     other backing cluster is an endpoint with a subset's labels for every subset it serves (as
 *     well as one without), and where the cluster backs the host, a DestinationRule only its
 *     east-west gateway sees defines them for the SNI clusters that other clusters' clients name
 * @param sources the provenance of the entry and rules
 * @param remoteSources that of each remote's WorkloadEntries, by the remote's cluster ({@link
 *     RemoteProvenance})
 */
record VirtualDestinationObjects(
    VirtualDestinationInput vd,
    WorkspacePlan workspace,
    ClusterMesh consumer,
    Optional<ServiceInput> local,
    List<Remote> remotes,
    SortedSet<String> clients,
    SortedSet<String> exportTo,
    List<String> subjectAltNames,
    List<VirtualDestinationExternals.Endpoint> externals,
    SortedMap<Integer, DestinationPolicies.Contest> policies,
    SortedMap<String, Map<String, String>> subsets,
    Provenance sources,
    Map<String, Provenance> remoteSources,
    Consumer<String> warnings) {

  static final String SERVICE_ENTRY = "ServiceEntry";
  static final String WORKLOAD_ENTRY = "WorkloadEntry";
  static final String DESTINATION_RULE = "DestinationRule";
  private static final String TLS_MODE_LABEL = "security.istio.io/tlsMode";

  /**
   * Another backing cluster: where its east-west gateway is, its locality, if known, the subsets
   * its pods serve, and the values its pods share of the labels failover priorities compare.
   */
  record Remote(
      String cluster,
      ClusterMesh.Endpoint endpoint,
      Optional<String> locality,
      SortedMap<String, Map<String, String>> served,
      Map<String, String> priorityLabels) {}

  /** The name of a VirtualDestination's ServiceEntry, and the prefix of its WorkloadEntries'. */
  static String entryName(ObjectId vd) {
    return Manifests.objectName(prefix(vd) + vd.name() + "-" + vd.namespace());
  }

  static String workloadEntryName(ObjectId vd, String remoteCluster) {
    return Manifests.objectName(
        prefix(vd) + vd.name() + "-" + vd.namespace() + "-" + remoteCluster);
  }

  /** The WorkloadEntry of a remote cluster's endpoint for a subset it serves. */
  static String workloadEntryName(ObjectId vd, String remoteCluster, String subset) {
    return Manifests.objectName(
        prefix(vd) + vd.name() + "-" + vd.namespace() + "-" + remoteCluster + "-" + subset);
  }

  static String ruleName(ObjectId vd, String host) {
    return Manifests.objectName(prefix(vd) + host);
  }

  /** The rule that defines the subsets for the east-west gateway of a cluster backing the host. */
  static String gatewayRuleName(ObjectId vd, String host) {
    return Manifests.objectName(prefix(vd) + host + "-gateway");
  }

  /**
   * Whether {@code name} is that of an entry, rule or (for any of {@code clusters}) workload entry
   * of the destination, subsets aside.
   */
  static boolean names(ObjectId vd, List<String> hosts, Collection<String> clusters, String name) {
    return entryName(vd).equals(name)
        || hosts.stream()
            .anyMatch(h -> ruleName(vd, h).equals(name) || gatewayRuleName(vd, h).equals(name))
        || clusters.stream().anyMatch(c -> workloadEntryName(vd, c).equals(name));
  }

  private static String prefix(ObjectId vd) {
    return DestinationOrigin.of(vd).namePrefix();
  }

  /** The namespace its objects go to in the consumer. */
  String namespace() {
    return local.map(s -> s.id().namespace()).orElse(consumer.namespace());
  }

  List<Output> outputs(VirtualDestinationTranslator.Part part) {
    List<Output> outputs = new ArrayList<>();
    if (part.endpoints() && local.isPresent()) {
      remotes.forEach(remote -> outputs.add(workloadEntry(remote, null, Map.of())));
      remotes.forEach(
          remote ->
              remote
                  .served()
                  .forEach((name, labels) -> outputs.add(workloadEntry(remote, name, labels))));
    }
    if (!part.entries()) {
      return outputs;
    }
    outputs.add(serviceEntry());
    vd.hosts().forEach(host -> outputs.add(destinationRule(host)));
    if (local.isPresent() && consumer.gateway() != null && !subsets.isEmpty()) {
      vd.hosts().forEach(host -> outputs.add(gatewayRule(host)));
    }
    return outputs;
  }

  private Output serviceEntry() {
    ObjectNode spec = Manifests.objectNode();
    spec.set("hosts", Manifests.strings(vd.hosts()));
    spec.put("location", "MESH_INTERNAL");
    ArrayNode ports = spec.putArray("ports");
    for (Port port : vd.ports()) {
      ObjectNode entry = ports.addObject();
      entry.put("number", port.number());
      entry.put("name", portName(port));
      entry.put("protocol", protocol(port));
      local
          .flatMap(service -> VirtualDestinationPorts.containerPort(service, port, warnings))
          .ifPresent(n -> entry.put("targetPort", n));
    }
    spec.set("exportTo", Manifests.strings(List.copyOf(exportTo)));
    if (local.isPresent()) {
      spec.put("resolution", "STATIC");
      spec.putObject("workloadSelector").set("labels", Manifests.stringMap(localSelector()));
    } else {
      boolean ips =
          remotes.stream().allMatch(r -> IpAddresses.isIp(r.endpoint().address()))
              && externals.stream().allMatch(e -> IpAddresses.isIp(e.address()));
      spec.put("resolution", ips ? "STATIC" : "DNS");
      ArrayNode endpoints = spec.putArray("endpoints");
      remotes.forEach(
          remote -> labelled(endpoint(endpoints.addObject(), remote), remote, Map.of()));
      // the same gateway once more per subset it serves: Envoy keeps one host per address in the
      // host's cluster, and each subset's cluster keeps those with its labels
      remotes.forEach(
          remote ->
              remote
                  .served()
                  .values()
                  .forEach(
                      labels -> labelled(endpoint(endpoints.addObject(), remote), remote, labels)));
      externals.forEach(external -> external(endpoints.addObject(), external));
      if (!externals.isEmpty() && !subjectAltNames.isEmpty()) {
        spec.set("subjectAltNames", Manifests.strings(subjectAltNames));
      }
    }
    return output(
        SERVICE_ENTRY,
        entryName(vd.id()),
        spec,
        local.isPresent()
            ? "the VirtualDestination selects "
                + local.get().id().ref()
                + " here and reaches "
                + remotes.size()
                + " other backing cluster(s) through their east-west gateways"
            : "the VirtualDestination reaches its "
                + remotes.size()
                + " backing cluster(s) through their east-west gateways"
                + (externals.isEmpty()
                    ? ""
                    : " and " + externals.size() + " endpoint(s) of its ExternalServices"));
  }

  /**
   * The backing Service's selector; where no other cluster backs the host, only its pods with a
   * sidecar (the injector's tlsMode label): the only ones that take Istio mTLS, and never a
   * WorkloadEntry with the Service's labels that something else made, such as another mesh's
   * gateway an OSSM importAsLocal joined to the Service.
   */
  private Map<String, String> localSelector() {
    Map<String, String> selector = new java.util.TreeMap<>(local.orElseThrow().selector());
    if (remotes.isEmpty()) {
      selector.put(TLS_MODE_LABEL, "istio");
    }
    return selector;
  }

  /** A remote cluster's gateway, for the host ({@code subset} null) or for a subset it serves. */
  private Output workloadEntry(Remote remote, String subset, Map<String, String> subsetLabels) {
    ObjectNode spec = Manifests.objectNode();
    endpoint(spec, remote);
    // the entry selects its workload entries by the labels it selects pods by
    Map<String, String> labels = new java.util.TreeMap<>(remote.priorityLabels());
    labels.putAll(subsetLabels);
    labels.putAll(local.orElseThrow().selector());
    spec.set("labels", Manifests.stringMap(labels));
    return outputOf(
        vd,
        workspace,
        consumer,
        namespace(),
        remoteSources.getOrDefault(remote.cluster(), sources),
        WORKLOAD_ENTRY,
        subset == null
            ? workloadEntryName(vd.id(), remote.cluster())
            : workloadEntryName(vd.id(), remote.cluster(), subset),
        spec,
        "cluster "
            + remote.cluster()
            + " backs the VirtualDestination too"
            + (subset == null ? "" : ", and serves its subset " + subset));
  }

  private Output destinationRule(String host) {
    ObjectNode spec = Manifests.objectNode();
    spec.put("host", host);
    // not to the east-west gateway's namespace: there an Istio 1.11-1.19 gateway would keep the
    // other clusters' gateways among the SNI cluster's endpoints (mtlsChecker) and bounce
    // requests between the gateways; without it, it drops them, having no tlsMode
    spec.set("exportTo", Manifests.strings(List.copyOf(clients)));
    ObjectNode trafficPolicy = spec.putObject("trafficPolicy");
    if (externals.isEmpty()) {
      ObjectNode tls = trafficPolicy.putObject("tls");
      tls.put("mode", "ISTIO_MUTUAL");
      // with pods selected, Istio would expect only the local identities
      tls.set("subjectAltNames", Manifests.strings(subjectAltNames));
    }
    PolicySettings.apply(policies, trafficPolicy, consumer.controlPlane().version());
    if (trafficPolicy.isEmpty()) {
      spec.remove("trafficPolicy");
    }
    subsets(spec);
    return output(
        DESTINATION_RULE,
        ruleName(vd.id(), host),
        spec,
        externals.isEmpty()
            ? "Istio mTLS to every backing cluster's workloads, whose identities it names"
            : "its policies and subsets; the endpoints' labels choose Istio mTLS or not");
  }

  /**
   * Only the east-west gateway sees it, without TLS settings: a rule with ISTIO_MUTUAL there would
   * keep the other clusters' gateways among a cluster's endpoints (see {@link #destinationRule}).
   */
  private Output gatewayRule(String host) {
    ObjectNode spec = Manifests.objectNode();
    spec.put("host", host);
    spec.set("exportTo", Manifests.strings(List.of(consumer.gateway().id().namespace())));
    subsets(spec);
    return output(
        DESTINATION_RULE,
        gatewayRuleName(vd.id(), host),
        spec,
        "the east-west gateway routes the subsets other clusters' clients ask for to the pods here");
  }

  private void subsets(ObjectNode spec) {
    RouteSubsets.define(spec, subsets);
  }

  private ObjectNode endpoint(ObjectNode endpoint, Remote remote) {
    endpoint.put("address", remote.endpoint().address());
    ObjectNode ports = endpoint.putObject("ports");
    vd.ports().forEach(port -> ports.put(portName(port), remote.endpoint().port()));
    remote.locality().ifPresent(locality -> endpoint.put("locality", locality));
    return endpoint;
  }

  /**
   * A gateway endpoint's labels: its cluster's shared priority labels, a subset's, and, where
   * external endpoints share the entry, the label that has auto mTLS send it Istio mTLS (the
   * external ones get plaintext).
   */
  private void labelled(ObjectNode endpoint, Remote remote, Map<String, String> subset) {
    Map<String, String> labels = new java.util.TreeMap<>(remote.priorityLabels());
    labels.putAll(subset);
    if (!externals.isEmpty()) {
      labels.put(TLS_MODE_LABEL, "istio");
    }
    if (!labels.isEmpty()) {
      endpoint.set("labels", Manifests.stringMap(labels));
    }
  }

  private void external(ObjectNode endpoint, VirtualDestinationExternals.Endpoint external) {
    endpoint.put("address", external.address());
    ObjectNode ports = endpoint.putObject("ports");
    external.ports().forEach(ports::put);
    if (external.locality() != null) {
      endpoint.put("locality", external.locality());
    }
  }

  /** A named target port names the port too: Istio sends to the container port of that name. */
  static String portName(Port port) {
    String target = port.targetPort();
    if (target != null && !target.isEmpty() && !target.chars().allMatch(Character::isDigit)) {
      return target;
    }
    return protocol(port).toLowerCase() + "-" + port.number();
  }

  static String protocol(Port port) {
    return port.protocol() == null ? "TCP" : port.protocol().toUpperCase();
  }

  private Output output(String kind, String name, ObjectNode spec, String reason) {
    return outputOf(vd, workspace, consumer, namespace(), sources, kind, name, spec, reason);
  }

  /** One object of a VirtualDestination in a consuming cluster, labelled with its provenance. */
  static Output outputOf(
      VirtualDestinationInput vd,
      WorkspacePlan workspace,
      ClusterMesh consumer,
      String namespace,
      Provenance sources,
      String kind,
      String name,
      ObjectNode spec,
      String reason) {
    String apiVersion = consumer.networkingApiVersion();
    String host = vd.hosts().get(0);
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            kind,
            namespace,
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL,
                workspace.name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                vd.id().cluster()),
            Map.of(
                Manifests.SOURCES_ANNOTATION,
                sources.annotation(),
                Manifests.HOST_ANNOTATION,
                host),
            spec);
    return new Output(
        consumer.cluster(),
        apiVersion,
        kind,
        namespace,
        name,
        manifest,
        workspace.name(),
        sources.ids(),
        kind.equals(SERVICE_ENTRY) ? host : null,
        vd.id().cluster(),
        DestinationOrigin.of(vd.id()).inputKind() + " " + vd.id().ref() + ": " + reason);
  }
}
