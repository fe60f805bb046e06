package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The objects of a host that is a consuming cluster's own Kubernetes Service (OSSM's {@code
 * importAsLocal}): the other clusters' east-west gateways join the Service's endpoints as
 * WorkloadEntries its selector selects (istiod's PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES, on by
 * default), and a DestinationRule names the identities of both meshes' workloads, where Istio would
 * expect only the local pods'. No ServiceEntry: the Service is the host.
 *
 * <p>Like a VirtualDestination's, the entries carry no tlsMode label and no network: the consumer's
 * east-west gateway drops them from the Service's SNI cluster instead of bouncing requests between
 * the gateways. From Istio 1.20 it does whatever rules it sees (mtls_checker.go checkMtlsEnabled);
 * before, an ISTIO_MUTUAL rule it sees keeps them, so there the rule is not exported to the
 * gateway's namespace.
 *
 * @param exportTo the namespaces whose clients get the rule
 * @param subjectAltNames the identities of the local pods and of every backing cluster's
 */
record JoinedServiceObjects(
    VirtualDestinationInput vd,
    WorkspacePlan audience,
    ClusterMesh consumer,
    ServiceInput service,
    List<VirtualDestinationObjects.Remote> remotes,
    List<String> exportTo,
    List<String> subjectAltNames,
    Provenance sources) {

  /** From Istio 1.20 a gateway drops SNI endpoints without the tlsMode label, rules or not. */
  private static final int GATEWAY_DROPS_UNLABELLED_MINOR = 20;

  /**
   * The objects for the Service of {@code consumer}, with the identities of its pods and of those
   * of every backing service, exported to every namespace of the consumer but its gateway's.
   */
  static JoinedServiceObjects of(
      VirtualDestinationInput vd,
      WorkspacePlan audience,
      ClusterMesh consumer,
      ServiceInput service,
      List<VirtualDestinationObjects.Remote> remotes,
      Map<String, ServiceInput> backing,
      MeshInputs inputs,
      List<ObjectId> sources) {
    SortedSet<String> identities = new TreeSet<>(WorkloadIdentities.of(inputs, backing));
    identities.addAll(WorkloadIdentities.of(inputs, consumer.cluster(), service));
    Set<String> namespaces =
        inputs
            .inCluster(consumer.cluster(), NamespaceInput.class)
            .map(n -> n.id().name())
            .collect(Collectors.toSet());
    return new JoinedServiceObjects(
        vd,
        audience,
        consumer,
        service,
        remotes,
        exportTo(consumer, service, namespaces),
        List.copyOf(identities),
        Provenance.of(sources));
  }

  /** What keeps the gateways from joining the Service: each one leaves the Service alone. */
  static List<String> problems(
      ServiceInput service,
      VirtualDestinationInput vd,
      ClusterMesh consumer,
      List<VirtualDestinationObjects.Remote> remotes) {
    List<String> problems = new ArrayList<>();
    String ref = service.id().ref();
    if (!consumer.controlPlane().kubernetesServicesSelectWorkloadEntries()) {
      problems.add(
          "istiod sets PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES=false, so Service "
              + ref
              + " would not select the other mesh's gateway");
    }
    if (service.selector().isEmpty() || service.headless()) {
      problems.add(
          "Service "
              + ref
              + (service.headless() ? " is headless" : " has no selector")
              + ", so it cannot select the other mesh's gateway");
    }
    if (hidesRuleFromGateway(consumer)
        && consumer.gateway().id().namespace().equals(service.id().namespace())) {
      problems.add(
          "Service "
              + ref
              + " is in the east-west gateway's namespace, which must not see the rule naming the"
              + " other mesh's identities");
    }
    if (service.ports().stream().anyMatch(p -> p.name() == null || p.name().isEmpty())) {
      problems.add(
          "Service " + ref + " has an unnamed port, which a WorkloadEntry's ports cannot map");
    }
    Set<Integer> served = vd.ports().stream().map(p -> p.number()).collect(Collectors.toSet());
    List<Integer> unserved =
        service.ports().stream()
            .map(ServicePortInput::port)
            .filter(p -> !served.contains(p))
            .toList();
    if (!unserved.isEmpty()) {
      problems.add(
          "Service " + ref + "'s port(s) " + unserved + " are not among the exported service's");
    }
    remotes.stream()
        .filter(r -> !IpAddresses.isIp(r.endpoint().address()))
        .forEach(
            r ->
                problems.add(
                    "cluster "
                        + r.cluster()
                        + "'s east-west gateway is at "
                        + r.endpoint().address()
                        + ", not an IP address, which a Kubernetes Service cannot select"));
    return problems;
  }

  List<Output> outputs() {
    List<Output> outputs = new ArrayList<>();
    remotes.forEach(remote -> outputs.add(workloadEntry(remote)));
    outputs.add(destinationRule());
    return outputs;
  }

  private Output workloadEntry(VirtualDestinationObjects.Remote remote) {
    ObjectNode spec = Manifests.objectNode();
    spec.put("address", remote.endpoint().address());
    // the Service maps a port to an entry's by its name, or by its targetPort's name
    ObjectNode ports = spec.putObject("ports");
    for (ServicePortInput port : service.ports()) {
      ports.put(port.name(), remote.endpoint().port());
      String target = port.targetPort();
      if (target != null && !target.isEmpty() && !target.chars().allMatch(Character::isDigit)) {
        ports.put(target, remote.endpoint().port());
      }
    }
    spec.set("labels", Manifests.stringMap(service.selector()));
    remote.locality().ifPresent(locality -> spec.put("locality", locality));
    return output(
        VirtualDestinationObjects.WORKLOAD_ENTRY,
        VirtualDestinationObjects.workloadEntryName(vd.id(), remote.cluster()),
        spec,
        "cluster "
            + remote.cluster()
            + "'s east-west gateway joins the endpoints of Service "
            + service.id().ref());
  }

  private Output destinationRule() {
    String host = vd.hosts().get(0);
    ObjectNode spec = Manifests.objectNode();
    spec.put("host", host);
    spec.set("exportTo", Manifests.strings(exportTo));
    ObjectNode tls = spec.putObject("trafficPolicy").putObject("tls");
    tls.put("mode", "ISTIO_MUTUAL");
    tls.set("subjectAltNames", Manifests.strings(subjectAltNames));
    return output(
        VirtualDestinationObjects.DESTINATION_RULE,
        VirtualDestinationObjects.ruleName(vd.id(), host),
        spec,
        "Istio mTLS to the pods of both meshes behind " + host + ", whose identities it names");
  }

  private Output output(String kind, String name, ObjectNode spec, String reason) {
    return VirtualDestinationObjects.outputOf(
        vd, audience, consumer, service.id().namespace(), sources, kind, name, spec, reason);
  }

  /** Whether the rule must not reach the consumer's east-west gateway (istiod before 1.20). */
  private static boolean hidesRuleFromGateway(ClusterMesh consumer) {
    return consumer.gateway() != null
        && !IstioApi.atLeast(consumer.controlPlane().version(), GATEWAY_DROPS_UNLABELLED_MINOR);
  }

  /**
   * Every namespace of the consumer; where the rule must not reach its east-west gateway, every one
   * but the gateway's (the Service's among them).
   */
  private static List<String> exportTo(
      ClusterMesh consumer, ServiceInput service, Set<String> namespaces) {
    if (!hidesRuleFromGateway(consumer)) {
      return List.of(Selectors.ANY);
    }
    Set<String> others = new TreeSet<>(namespaces);
    others.add(service.id().namespace());
    others.remove(consumer.gateway().id().namespace());
    return List.copyOf(others);
  }
}
