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
    return of(
        mesh,
        List.of("*." + suffix),
        name,
        settings,
        "cluster "
            + mesh.cluster()
            + " owns federated services with host suffix "
            + suffix
            + ": its east-west gateway passes *."
            + suffix
            + " through");
  }

  /** An AUTO_PASSTHROUGH server for {@code hosts} on the gateway's tls port. */
  static Output of(
      ClusterMesh mesh,
      List<String> hosts,
      String name,
      SortedSet<ObjectId> inputs,
      String reason) {
    EastWestGatewayInput eastWest = mesh.gateway();
    ObjectNode spec = Manifests.objectNode();
    spec.set("selector", Manifests.stringMap(eastWest.selector()));
    ObjectNode server = spec.putArray("servers").addObject();
    ObjectNode port = server.putObject("port");
    port.put("number", eastWest.tlsPort());
    port.put("name", "tls");
    port.put("protocol", "TLS");
    server.putObject("tls").put("mode", "AUTO_PASSTHROUGH");
    server.set("hosts", Manifests.strings(hosts));

    List<ObjectId> sources = new ArrayList<>(inputs);
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
        reason);
  }
}
