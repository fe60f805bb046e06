package dev.meshfed.cli.audit;

import dev.meshfed.oracle.mesh.ManagedObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records for the audit tests. */
final class AuditFixtures {

  static final Instant T1 = Instant.parse("2026-11-22T12:00:00Z");
  static final Instant T2 = Instant.parse("2026-11-22T13:00:00Z");
  static final Instant T3 = Instant.parse("2026-11-22T14:00:00Z");

  static final Ref SERVICE = new Ref("cluster1", "Service", "bookinfo", "reviews");
  static final Ref WORKSPACE = new Ref("mgmt", "Workspace", "gloo-mesh", "bookinfo");
  static final Ref SETTINGS = new Ref("cluster1", "WorkspaceSettings", "bookinfo", "bookinfo");

  private AuditFixtures() {}

  static GenericKubernetesResource serviceEntry(String name, int port) {
    return serviceEntry("networking.istio.io/v1", name, port);
  }

  static GenericKubernetesResource serviceEntry(String apiVersion, String name, int port) {
    GenericKubernetesResource object =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(apiVersion)
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withNamespace("istio-system")
            .withName(name)
            .addToLabels(ManagedObjects.MANAGED_BY_LABEL, ManagedObjects.MANAGED_BY_VALUE)
            .endMetadata()
            .build();
    object.setAdditionalProperty(
        "spec",
        Map.of(
            "hosts", List.of(name + ".bookinfo.svc.cluster1.global"),
            "ports", List.of(Map.of("number", port, "name", "http", "protocol", "HTTP"))));
    return object;
  }

  static DesiredEntry desired(
      GenericKubernetesResource o, Instant at, long offset, List<Ref> sources) {
    return new DesiredEntry(
        o.getApiVersion(),
        o.getKind(),
        o.getMetadata().getNamespace(),
        o.getMetadata().getName(),
        Serialization.asJson(o),
        "bookinfo",
        sources,
        at.toEpochMilli(),
        offset);
  }

  static DesiredEntry tombstone(GenericKubernetesResource o, Instant at, long offset) {
    return new DesiredEntry(
        o.getApiVersion(),
        o.getKind(),
        o.getMetadata().getNamespace(),
        o.getMetadata().getName(),
        null,
        null,
        List.of(),
        at.toEpochMilli(),
        offset);
  }

  static DiscoveredEntry discovered(Ref ref, long generation, Instant at, long offset) {
    return new DiscoveredEntry(
        ref.kind(),
        ref.namespace(),
        ref.name(),
        "v1",
        "uid-" + ref.name(),
        generation,
        false,
        at.toEpochMilli(),
        offset);
  }

  static DiscoveredEntry deleted(Ref ref, Instant at, long offset) {
    return new DiscoveredEntry(
        ref.kind(), ref.namespace(), ref.name(), null, null, null, true, at.toEpochMilli(), offset);
  }
}
