package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.ExportedServiceSetState;
import dev.meshfed.schema.discovery.ImportedServiceSetState;
import dev.meshfed.schema.discovery.OssmAlias;
import dev.meshfed.schema.discovery.OssmExportRule;
import dev.meshfed.schema.discovery.OssmImportRule;
import dev.meshfed.schema.discovery.OssmLabelRequirement;
import dev.meshfed.schema.discovery.ServiceMeshPeerState;
import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.ServiceMeshPeerInput;

/** OpenShift Service Mesh's kinds back in the wire format. */
final class OssmWireFormat {

  private OssmWireFormat() {}

  static ServiceMeshPeerState peer(ServiceMeshPeerInput p) {
    return new ServiceMeshPeerState(
        p.cluster(),
        p.remoteAddresses(),
        p.discoveryPort(),
        p.servicePort(),
        p.ingressGateway(),
        p.egressGateway(),
        p.trustDomain(),
        p.clientId());
  }

  static ExportedServiceSetState exports(ExportedServiceSetInput e) {
    return new ExportedServiceSetState(
        e.rules().stream()
            .map(
                r ->
                    new OssmExportRule(
                        r.type(),
                        r.namespace(),
                        r.name(),
                        r.aliasNamespace(),
                        r.aliasName(),
                        r.matchLabels(),
                        r.matchExpressions().stream()
                            .map(x -> new OssmLabelRequirement(x.key(), x.operator(), x.values()))
                            .toList(),
                        r.aliases().stream()
                            .map(
                                a ->
                                    new OssmAlias(
                                        a.namespace(), a.name(), a.aliasNamespace(), a.aliasName()))
                            .toList()))
            .toList());
  }

  static ImportedServiceSetState imports(ImportedServiceSetInput i) {
    return new ImportedServiceSetState(
        i.domainSuffix(),
        i.locality(),
        i.rules().stream()
            .map(
                r ->
                    new OssmImportRule(
                        r.type(),
                        r.namespace(),
                        r.name(),
                        r.aliasNamespace(),
                        r.aliasName(),
                        r.importAsLocal(),
                        r.domainSuffix()))
            .toList());
  }
}
