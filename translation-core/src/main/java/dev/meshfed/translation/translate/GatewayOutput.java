package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.GatewayTranslator.GATEWAY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** The Gateway object of one passthrough. */
final class GatewayOutput {

  private GatewayOutput() {}

  static Output of(ClusterMesh mesh, String suffix, String name, SortedSet<ObjectId> settings) {
    EastWestGatewayInput eastWest = mesh.gateway();
    ObjectNode spec = Manifests.objectNode();
    spec.set("selector", Manifests.stringMap(eastWest.selector()));
    ObjectNode server = spec.putArray("servers").addObject();
    ObjectNode port = server.putObject("port");
    port.put("number", eastWest.tlsPort());
    port.put("name", "tls");
    port.put("protocol", "TLS");
    server.putObject("tls").put("mode", "AUTO_PASSTHROUGH");
    server.set("hosts", Manifests.strings(List.of("*." + suffix)));

    List<ObjectId> sources = new ArrayList<>(settings);
    sources.add(eastWest.id());
    sources.add(mesh.controlPlane().id());
    String apiVersion = mesh.networkingApiVersion();
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            GATEWAY,
            mesh.namespace(),
            name,
            Map.of(),
            Map.of(Manifests.SOURCES_ANNOTATION, Manifests.sources(sources)),
            spec);
    return new Output(
        mesh.cluster(),
        apiVersion,
        GATEWAY,
        mesh.namespace(),
        name,
        manifest,
        null,
        sources.stream().sorted().toList(),
        null,
        mesh.cluster(),
        "cluster "
            + mesh.cluster()
            + " owns federated services with host suffix "
            + suffix
            + ": its east-west gateway passes *."
            + suffix
            + " through");
  }
}
