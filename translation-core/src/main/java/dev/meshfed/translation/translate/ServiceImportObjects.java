package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServicePortInput;
import java.util.Map;

/**
 * The ServiceImport of a clusterset service in one cluster: its type (the oldest export's), the
 * ports of every accepted export, and in its status the exporting clusters.
 */
final class ServiceImportObjects {

  static final String SERVICE_IMPORT = "ServiceImport";

  private ServiceImportObjects() {}

  static Output of(String cluster, ClustersetExports.Clusterset clusterset, Provenance sources) {
    ObjectId oldest = clusterset.accepted().get(0).export().id();
    ObjectNode spec = Manifests.objectNode();
    spec.put("type", clusterset.headless() ? "Headless" : "ClusterSetIP");
    ArrayNode ports = spec.putArray("ports");
    for (ServicePortInput port : clusterset.ports().values()) {
      ObjectNode p = ports.addObject();
      if (port.name() != null && !port.name().isEmpty()) {
        p.put("name", port.name());
      }
      p.put("protocol", port.protocol() == null ? "TCP" : port.protocol());
      if (port.appProtocol() != null && !port.appProtocol().isEmpty()) {
        p.put("appProtocol", port.appProtocol());
      }
      p.put("port", port.port());
    }
    ObjectNode manifest =
        Manifests.object(
            ExportStatus.API_VERSION,
            SERVICE_IMPORT,
            oldest.namespace(),
            oldest.name(),
            Map.of(
                Manifests.WORKSPACE_LABEL,
                clusterset.workspace().name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                oldest.cluster()),
            Map.of(
                Manifests.SOURCES_ANNOTATION,
                sources.annotation(),
                Manifests.HOST_ANNOTATION,
                ClustersetDestination.host(oldest.namespace(), oldest.name())),
            spec);
    ArrayNode clusters = manifest.putObject("status").putArray("clusters");
    clusterset.accepted().stream()
        .map(e -> e.export().id().cluster())
        .sorted()
        .forEach(c -> clusters.addObject().put("cluster", c));
    return new Output(
        cluster,
        ExportStatus.API_VERSION,
        SERVICE_IMPORT,
        oldest.namespace(),
        oldest.name(),
        manifest,
        clusterset.workspace().name(),
        sources.ids(),
        null,
        oldest.cluster(),
        "ServiceExport "
            + oldest.ref()
            + ": the clusterset of workspace "
            + clusterset.workspace().name()
            + " imports the service its exports define");
  }
}
