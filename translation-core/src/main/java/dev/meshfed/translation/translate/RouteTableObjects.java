package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RouteTableInput;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * A RouteTable's VirtualService in one cluster: its hosts and routes for the sidecars of the
 * selected client namespaces. It lives in the control plane's namespace, exported to those
 * namespaces only, so clients of other workspaces keep their own routing for the same hosts.
 */
record RouteTableObjects(
    RouteTableInput rt,
    WorkspacePlan workspace,
    ClusterMesh consumer,
    List<String> hosts,
    SortedSet<String> clients,
    List<ObjectNode> routes,
    List<ObjectId> sources) {

  static final String VIRTUAL_SERVICE = "VirtualService";

  static String name(ObjectId rt) {
    return Manifests.objectName("rt-" + rt.name() + "-" + rt.namespace());
  }

  Output virtualService() {
    ObjectNode spec = Manifests.objectNode();
    spec.set("hosts", Manifests.strings(hosts));
    spec.set("exportTo", Manifests.strings(List.copyOf(clients)));
    ArrayNode http = spec.putArray("http");
    routes.forEach(http::add);
    String apiVersion = consumer.networkingApiVersion();
    String name = name(rt.id());
    List<ObjectId> provenance = sources.stream().sorted().distinct().toList();
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            VIRTUAL_SERVICE,
            consumer.namespace(),
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL,
                workspace.name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                rt.id().cluster()),
            Map.of(
                Manifests.SOURCES_ANNOTATION,
                Manifests.sources(provenance),
                Manifests.HOST_ANNOTATION,
                hosts.get(0)),
            spec);
    return new Output(
        consumer.cluster(),
        apiVersion,
        VIRTUAL_SERVICE,
        consumer.namespace(),
        name,
        manifest,
        workspace.name(),
        provenance,
        null,
        rt.id().cluster(),
        "RouteTable "
            + rt.id().ref()
            + ": "
            + routes.size()
            + " route(s) for "
            + String.join(", ", hosts)
            + ", for the clients of "
            + String.join(", ", clients));
  }
}
