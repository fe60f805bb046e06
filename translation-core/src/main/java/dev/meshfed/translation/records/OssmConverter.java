package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.ExportedServiceSetState;
import dev.meshfed.schema.discovery.ImportedServiceSetState;
import dev.meshfed.schema.discovery.OssmExportRule;
import dev.meshfed.schema.discovery.ServiceMeshPeerState;
import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import java.util.List;
import java.util.Optional;

/** OpenShift Service Mesh federation's kinds from the wire format. */
final class OssmConverter {

  private OssmConverter() {}

  static Optional<Input> toInput(ObjectId id, Object payload, List<String> problems) {
    if (payload instanceof ServiceMeshPeerState p) {
      return Optional.of(
          new ServiceMeshPeerInput(
              id,
              p.getCluster(),
              p.getRemoteAddresses(),
              p.getDiscoveryPort(),
              p.getServicePort(),
              p.getIngressGateway(),
              p.getEgressGateway(),
              p.getTrustDomain(),
              p.getClientID(),
              problems));
    }
    if (payload instanceof ExportedServiceSetState e) {
      return Optional.of(
          new ExportedServiceSetInput(
              id, e.getRules().stream().map(OssmConverter::exportRule).toList(), problems));
    }
    if (payload instanceof ImportedServiceSetState i) {
      return Optional.of(
          new ImportedServiceSetInput(
              id,
              i.getDomainSuffix(),
              i.getLocality(),
              i.getRules().stream()
                  .map(
                      r ->
                          new ImportedServiceSetInput.ImportRule(
                              r.getType(),
                              r.getNamespace(),
                              r.getName(),
                              r.getAliasNamespace(),
                              r.getAliasName(),
                              r.getImportAsLocal(),
                              r.getDomainSuffix()))
                  .toList(),
              problems));
    }
    return Optional.empty();
  }

  private static ExportedServiceSetInput.ExportRule exportRule(OssmExportRule r) {
    return new ExportedServiceSetInput.ExportRule(
        r.getType(),
        r.getNamespace(),
        r.getName(),
        r.getAliasNamespace(),
        r.getAliasName(),
        r.getMatchLabels(),
        r.getMatchExpressions().stream()
            .map(
                e ->
                    new ExportedServiceSetInput.LabelRequirement(
                        e.getKey(), e.getOperator(), e.getValues()))
            .toList(),
        r.getAliases().stream()
            .map(
                a ->
                    new ExportedServiceSetInput.Alias(
                        a.getNamespace(), a.getName(), a.getAliasNamespace(), a.getAliasName()))
            .toList());
  }
}
