package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * An AccessPolicy's objects on one Service's workloads, in the Service's namespace and cluster: an
 * ALLOW AuthorizationPolicy with a rule per allowed rule, and a PeerAuthentication with its
 * tlsMode.
 */
record AccessPolicyObjects(
    AccessPolicyInput policy,
    WorkspacePlan workspace,
    ServiceInput service,
    ControlPlaneInput controlPlane,
    List<ObjectId> sources) {

  static final String AUTHORIZATION_POLICY = ServiceIsolation.AUTHORIZATION_POLICY;
  static final String PEER_AUTHENTICATION = "PeerAuthentication";

  /** One allowed rule: the principals (empty: any client), paths, methods and ports. */
  record AllowRule(
      SortedSet<String> principals,
      List<String> paths,
      List<String> methods,
      SortedSet<Integer> ports) {}

  static String name(ObjectId policy, String service) {
    return Manifests.objectName(
        "access-" + policy.name() + "-" + policy.namespace() + "-" + service);
  }

  Output authorizationPolicy(List<AllowRule> rules) {
    ObjectNode spec = Manifests.objectNode();
    spec.putObject("selector").set("matchLabels", Manifests.stringMap(service.selector()));
    spec.put("action", "ALLOW");
    ArrayNode list = spec.putArray("rules");
    for (AllowRule rule : rules) {
      ObjectNode entry = list.addObject();
      if (!rule.principals().isEmpty()) {
        entry
            .putArray("from")
            .addObject()
            .putObject("source")
            .set("principals", Manifests.strings(List.copyOf(rule.principals())));
      }
      ObjectNode operation = Manifests.objectNode();
      if (!rule.paths().isEmpty()) {
        operation.set("paths", Manifests.strings(rule.paths()));
      }
      if (!rule.methods().isEmpty()) {
        operation.set("methods", Manifests.strings(rule.methods()));
      }
      if (!rule.ports().isEmpty()) {
        operation.set(
            "ports", Manifests.strings(rule.ports().stream().map(String::valueOf).toList()));
      }
      if (!operation.isEmpty()) {
        entry.putArray("to").addObject().set("operation", operation);
      }
    }
    return output(AUTHORIZATION_POLICY, spec, "admits only the clients it allows");
  }

  Output peerAuthentication() {
    ObjectNode spec = Manifests.objectNode();
    spec.putObject("selector").set("matchLabels", Manifests.stringMap(service.selector()));
    spec.putObject("mtls").put("mode", policy.tlsMode());
    return output(PEER_AUTHENTICATION, spec, "sets mTLS " + policy.tlsMode());
  }

  private Output output(String kind, ObjectNode spec, String reason) {
    ObjectId id = service.id();
    String apiVersion = IstioApi.securityApiVersion(controlPlane.version());
    String name = name(policy.id(), id.name());
    List<ObjectId> provenance = sources.stream().sorted().distinct().toList();
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            kind,
            id.namespace(),
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL,
                workspace.name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                policy.id().cluster()),
            Map.of(Manifests.SOURCES_ANNOTATION, Manifests.sources(provenance)),
            spec);
    return new Output(
        id.cluster(),
        apiVersion,
        kind,
        id.namespace(),
        name,
        manifest,
        workspace.name(),
        provenance,
        null,
        policy.id().cluster(),
        "AccessPolicy " + policy.id().ref() + " " + reason + " on " + id.ref());
  }
}
