package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ServiceExportState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Multi-Cluster Services ServiceExport → kind ServiceExport.multicluster.x-k8s.io. It exports the
 * Service of its own name and namespace and has no spec: its existence and creation time are all
 * translation reads. Its status is meshfed's output, so it is left out.
 */
public final class ServiceExportMapper {

  private ServiceExportMapper() {}

  public static Mapping map(GenericKubernetesResource export) {
    return Mapping.of(
        new Write(
            Keys.of(DiscoveredKinds.SERVICE_EXPORT, export),
            Envelope.wrap(export, new ServiceExportState())));
  }
}
