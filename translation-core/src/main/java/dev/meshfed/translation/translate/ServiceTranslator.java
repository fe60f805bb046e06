package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.RejectedInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.ServiceUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Service's translation: its ServiceEntries in every target cluster, its isolation
 * AuthorizationPolicy in its own, and the DestinationRules its destination policies and subsets
 * need (see {@link ServiceTranslation} for the decisions and {@link ServiceRules}).
 */
final class ServiceTranslator implements Translator<ServiceUnit> {

  static final ServiceTranslator INSTANCE = new ServiceTranslator();

  private ServiceTranslator() {}

  @Override
  public Set<String> kinds() {
    return Set.of(
        ServiceEntries.SERVICE_ENTRY,
        ServiceIsolation.AUTHORIZATION_POLICY,
        ServiceRules.DESTINATION_RULE);
  }

  @Override
  public Translation translate(ServiceUnit unit, MeshInputs inputs, Membership membership) {
    return inputs
        .get(unit.service())
        .map(
            input -> {
              if (input instanceof RejectedInput rejected) {
                return rejected(rejected);
              }
              return input instanceof ServiceInput service
                  ? ServiceTranslation.of(service, inputs, membership)
                  : Translation.EMPTY;
            })
        .orElse(Translation.EMPTY);
  }

  /** A Service Kubernetes would refuse: INVALID, each refused field named, and nothing written. */
  private static Translation rejected(RejectedInput service) {
    Translation.Builder out = Translation.builder();
    service
        .problems()
        .forEach(
            problem ->
                out.diagnostic(
                    new Diagnostic(
                        service.id(),
                        Severity.INVALID,
                        problem + "; the Kubernetes API server would refuse this Service")));
    return out.stop(
            ref -> true,
            () ->
                new Exclusion(
                    Rule.INVALID_INPUT, service.id(), "it is invalid: " + service.problems()))
        .build();
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
    boolean rule = ref.kind().equals(ServiceRules.DESTINATION_RULE);
    // a refused Service is a candidate too: explain then says it is invalid, not unknown
    return Stream.concat(
            inputs.all(ServiceInput.class).map(ServiceInput::id),
            inputs
                .all(RejectedInput.class)
                .map(RejectedInput::id)
                .filter(id -> id.kind().equals(DiscoveredKinds.SERVICE)))
        .filter(
            service ->
                rule
                        && service.cluster().equals(ref.cluster())
                        && ServiceRules.localRuleName(service).equals(ref.name())
                    || membership.hostSuffixes().stream()
                        .map(suffix -> ServiceFederation.host(service, suffix))
                        .anyMatch(
                            host ->
                                Manifests.objectName(host).equals(ref.name())
                                    || rule
                                        && ServiceRules.gatewayRuleName(host).equals(ref.name())))
        .map(ServiceUnit::new)
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
            + ") that names a "
            + ref.kind()
            + " "
            + ref.name()
            + (ref.kind().equals(ServiceRules.DESTINATION_RULE)
                ? " (or HOST-gateway), nor a cluster-local host NAME.NAMESPACE.svc.cluster.local"
                    + " of its cluster"
                : ""));
  }
}
