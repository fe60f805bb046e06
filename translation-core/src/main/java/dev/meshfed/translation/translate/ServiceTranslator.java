package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.ServiceUnit;
import java.util.List;
import java.util.Set;

/**
 * A Service's translation: its ServiceEntries in every target cluster and its isolation
 * AuthorizationPolicy in its own (see {@link ServiceTranslation} for the decisions).
 */
final class ServiceTranslator implements Translator<ServiceUnit> {

  static final ServiceTranslator INSTANCE = new ServiceTranslator();

  private ServiceTranslator() {}

  @Override
  public Set<String> kinds() {
    return Set.of(ServiceEntries.SERVICE_ENTRY, ServiceIsolation.AUTHORIZATION_POLICY);
  }

  @Override
  public Translation translate(ServiceUnit unit, MeshInputs inputs, Membership membership) {
    return inputs
        .get(unit.service())
        .filter(ServiceInput.class::isInstance)
        .map(service -> ServiceTranslation.of((ServiceInput) service, inputs, membership))
        .orElse(Translation.EMPTY);
  }

  /**
   * Entries are named by host, under any suffix a workspace could give; isolation policies by the
   * service's name, in its own namespace and cluster.
   */
  @Override
  public List<ServiceUnit> candidates(DesiredRef ref, MeshInputs inputs, Membership membership) {
    if (ref.kind().equals(ServiceIsolation.AUTHORIZATION_POLICY)) {
      return inputs
          .inCluster(ref.cluster(), ServiceInput.class)
          .filter(s -> s.id().namespace().equals(ref.namespace()))
          .filter(s -> ServiceIsolation.name(s.id().name()).equals(ref.name()))
          .map(s -> new ServiceUnit(s.id()))
          .toList();
    }
    return inputs
        .all(ServiceInput.class)
        .filter(
            service ->
                membership.hostSuffixes().stream()
                    .anyMatch(
                        suffix ->
                            Manifests.objectName(ServiceFederation.host(service, suffix))
                                .equals(ref.name())))
        .map(s -> new ServiceUnit(s.id()))
        .toList();
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    if (ref.kind().equals(ServiceIsolation.AUTHORIZATION_POLICY)) {
      return new Exclusion(
          Rule.NO_SUCH_OBJECT,
          null,
          "no Service in namespace "
              + ref.namespace()
              + " of cluster "
              + ref.cluster()
              + " has an isolation policy named "
              + ref.name()
              + "; meshfed names them "
              + ServiceIsolation.name("SERVICE"));
    }
    return new Exclusion(
        Rule.NO_SUCH_SERVICE,
        null,
        "no Service of any cluster has a host NAME.NAMESPACE.svc.CLUSTER.SUFFIX (SUFFIX one of "
            + String.join(", ", membership.hostSuffixes())
            + ") that names a ServiceEntry "
            + ref.name());
  }
}
