package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import dev.meshfed.translation.model.RejectedInput;
import dev.meshfed.translation.model.RoutePolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.ServiceInput;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The translation, as pure functions of the inputs: the entry point of this package. Callers
 * resolve the membership once per change to workspaces, namespaces or settings, and translate units
 * with it.
 */
public final class FederationTranslator {

  public static final Comparator<UnitId> UNIT_ORDER = Comparator.comparing(UnitId::key);

  /**
   * Kinds kept for status and audit that no translation reads: their churn (endpoints coming and
   * going, rollouts) must not recompute anything.
   */
  static final Set<String> UNTRANSLATED_KINDS =
      Set.of(
          DiscoveredKinds.DEPLOYMENT,
          DiscoveredKinds.STATEFUL_SET,
          DiscoveredKinds.DAEMON_SET,
          DiscoveredKinds.ENDPOINT_SLICE);

  private FederationTranslator() {}

  public static Membership membership(MeshInputs inputs, TranslationSettings settings) {
    return WorkspaceResolver.resolve(inputs, settings);
  }

  public static UnitResult translate(UnitId unit, MeshInputs inputs, Membership membership) {
    Optional<Translation> translation = Translators.translate(unit, inputs, membership);
    if (translation.isPresent()) {
      return translation.get().result();
    }
    if (unit instanceof UnitId.StatusUnit s) {
      return InputStatuses.translate(s.cluster(), inputs, membership);
    }
    return new UnitResult(List.of(), membership.diagnostics());
  }

  /** Every unit the inputs have. */
  public static SortedSet<UnitId> allUnits(MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(UNIT_ORDER);
    units.add(UnitId.MEMBERSHIP);
    inputs.clusters().forEach(cluster -> units.add(UnitId.gateway(cluster)));
    inputs.clusters().forEach(cluster -> units.add(UnitId.proxyConfig(cluster)));
    inputs.clusters().forEach(cluster -> units.add(UnitId.status(cluster)));
    inputs.all(ServiceInput.class).forEach(service -> units.add(UnitId.service(service.id())));
    inputs
        .all(RejectedInput.class)
        .filter(rejected -> rejected.id().kind().equals(DiscoveredKinds.SERVICE))
        .forEach(service -> units.add(UnitId.service(service.id())));
    VirtualDestinationTranslator.all(inputs)
        .forEach(vd -> units.addAll(UnitId.virtualDestinationUnits(vd.id())));
    inputs.all(RouteTableInput.class).forEach(rt -> units.add(UnitId.routeTable(rt.id())));
    inputs
        .all(ExternalServiceInput.class)
        .forEach(es -> units.add(UnitId.externalService(es.id())));
    units.addAll(ClustersetTranslator.all(inputs));
    units.addAll(OssmTranslator.all(inputs));
    Stream.of(
            inputs.all(FailoverPolicyInput.class),
            inputs.all(OutlierDetectionPolicyInput.class),
            inputs.all(RoutePolicyInput.class),
            inputs.all(AccessPolicyInput.class))
        .flatMap(s -> s)
        .forEach(policy -> units.add(UnitId.policy(policy.id())));
    return units;
  }

  /**
   * The units a change to one input can affect, when that is known to be a few: a Service affects
   * its own unit, and its cluster's gateway only if what it contributes there (federated or not,
   * under which host suffix, by which workspace and settings) changed; without that test every
   * Service change would recompute a unit that reads every service of its cluster. Empty means
   * "all": the membership may have changed.
   *
   * @param before the input before the change, if it existed
   * @param after the input after the change, if it exists
   */
  public static Optional<SortedSet<UnitId>> unitsAffectedBy(
      ObjectId changed,
      Optional<Input> before,
      Optional<Input> after,
      MeshInputs inputs,
      Membership membership) {
    SortedSet<UnitId> units = new TreeSet<>(UNIT_ORDER);
    if (UNTRANSLATED_KINDS.contains(changed.kind())) {
      // the identities of a workload's pods are a VirtualDestination's subject alt names
      units.addAll(VirtualDestinationUnits.backedIn(changed, inputs));
      // and its pods' labels say which subsets a cluster serves
      units.addAll(servicesWithSubsetsIn(changed, inputs));
      // and a clusterset service's subject alt names, and an OSSM export's
      units.addAll(ClustersetUnits.exportedIn(changed, inputs));
      units.addAll(OssmTranslator.all(inputs));
      return Optional.of(units);
    }
    if (changed.kind().startsWith(DiscoveredKinds.VIRTUAL_DESTINATION)) {
      return VirtualDestinationUnits.changedItself(before, after, inputs, membership);
    }
    if (changed.kind().startsWith(DiscoveredKinds.ROUTE_TABLE)) {
      return RouteTableUnits.changedItself(before, after, inputs, membership);
    }
    if (DiscoveredKinds.SERVICE_EXPORT.equals(changed.kind())) {
      return Optional.of(ClustersetUnits.ofExport(changed, inputs));
    }
    if (!DiscoveredKinds.SERVICE.equals(changed.kind())) {
      return Optional.empty();
    }
    units.add(UnitId.service(changed));
    // the clusterset service it may be exported as
    units.addAll(ClustersetUnits.of(changed.namespace(), changed.name(), inputs));
    // what OSSM peers export and import, and the gateways passing it (few clusters peer)
    OssmTranslator.all(inputs)
        .forEach(
            peering -> {
              units.add(peering);
              units.add(UnitId.gateway(((UnitId.PeeringUnit) peering).cluster()));
            });
    // a route to it in its cluster, or to the host it is federated under elsewhere
    units.addAll(RouteTableUnits.referencing(changed, inputs));
    // the workloads an AccessPolicy guards (few policies: each is asked)
    inputs.all(AccessPolicyInput.class).forEach(p -> units.add(UnitId.policy(p.id())));
    // the destination policies counting it
    Stream.concat(before.stream(), after.stream())
        .filter(ServiceInput.class::isInstance)
        .map(s -> PolicyDestination.of((ServiceInput) s))
        .flatMap(destination -> DestinationPolicies.maySelect(destination, inputs))
        .forEach(policy -> units.add(UnitId.policy(policy)));
    SortedSet<UnitId> virtualDestinations =
        VirtualDestinationUnits.selecting(before, after, inputs);
    if (!virtualDestinations.isEmpty()) {
      units.addAll(virtualDestinations);
      units.addAll(RouteTableUnits.routingTo(virtualDestinations, inputs));
      // its cluster's east-west gateway passes the hosts it backs through, whatever its ports
      if (!VirtualDestinationUnits.portsOnly(before, after)) {
        units.add(UnitId.gateway(changed.cluster()));
      }
    }
    Optional<GatewayTranslator.Contribution> was =
        GatewayTranslator.contribution(before, inputs, membership);
    Optional<GatewayTranslator.Contribution> is =
        GatewayTranslator.contribution(after, inputs, membership);
    if (!was.equals(is)) {
      units.add(UnitId.gateway(changed.cluster()));
      // the counts of the workspaces and settings it is federated by
      Stream.concat(was.stream(), is.stream())
          .flatMap(c -> Stream.of(c.workspace(), c.settings()))
          .forEach(input -> units.add(UnitId.status(input.cluster())));
    }
    // Its workspace counts it as exported, its importers as imported: labels that exportTo and
    // importFrom select by can change those without changing what it adds to the gateway.
    List<WorkspacePlan> importedBefore = importers(before, inputs, membership);
    List<WorkspacePlan> importedAfter = importers(after, inputs, membership);
    if (!importedBefore.equals(importedAfter)) {
      Stream.concat(importedBefore.stream(), importedAfter.stream())
          .forEach(plan -> units.addAll(statusUnits(plan)));
      membership
          .workspaceOf(changed.cluster(), changed.namespace())
          .ifPresent(plan -> units.addAll(statusUnits(plan)));
    }
    // A service that claims the same objects can win or lose them with this change.
    Stream.concat(was.stream(), is.stream())
        .map(GatewayTranslator.Contribution::hostSuffix)
        .distinct()
        .flatMap(suffix -> rivalsOf(changed, before.or(() -> after), suffix, inputs, membership))
        .forEach(
            rival -> {
              units.add(UnitId.service(rival.id()));
              units.add(UnitId.gateway(rival.id().cluster()));
              membership
                  .workspaceOf(rival.id().cluster(), rival.id().namespace())
                  .ifPresent(plan -> units.addAll(statusUnits(plan)));
            });
    return Optional.of(units);
  }

  /** The Services of a workload's namespace that routes ask subsets of. */
  private static List<UnitId> servicesWithSubsetsIn(ObjectId workload, MeshInputs inputs) {
    return inputs
        .inCluster(workload.cluster(), ServiceInput.class)
        .filter(s -> s.id().namespace().equals(workload.namespace()))
        .filter(s -> RouteSubsets.anyAsked(s.id().name(), inputs))
        .map(s -> (UnitId) UnitId.service(s.id()))
        .toList();
  }

  /** The workspaces importing a service, if it is one and federated. */
  private static List<WorkspacePlan> importers(
      Optional<Input> input, MeshInputs inputs, Membership membership) {
    if (input.isEmpty() || !(input.get() instanceof ServiceInput service)) {
      return List.of();
    }
    Decision<ServiceFederation.Federated> federated =
        ServiceFederation.federation(service, inputs, membership);
    return federated.isAllowed()
        ? ServiceSharing.importers(service, federated.allowed().workspace(), membership)
        : List.of();
  }

  private static Stream<ServiceInput> rivalsOf(
      ObjectId changed,
      Optional<Input> service,
      String suffix,
      MeshInputs inputs,
      Membership membership) {
    return service.filter(ServiceInput.class::isInstance).stream()
        .map(ServiceInput.class::cast)
        .flatMap(
            s -> HostClaims.servicesNaming(ServiceFederation.host(s, suffix), inputs, membership))
        .filter(rival -> !rival.id().equals(changed));
  }

  /**
   * The other services whose objects would bear the name of an object a unit wrote for {@code
   * host}: the orchestration asks before it tombstones one, since a rival may hold it now.
   */
  public static List<ObjectId> servicesNaming(
      String host, ObjectId except, MeshInputs inputs, Membership membership) {
    return HostClaims.servicesNaming(host, inputs, membership)
        .map(ServiceInput::id)
        .filter(id -> !id.equals(except))
        .toList();
  }

  /**
   * The other units that may hold objects a unit is about to tombstone: a rival that took them over
   * (a service that won a host conflict; a VirtualDestination or RouteTable of the other dialect
   * with the same name, or a VirtualDestination with the same host) may have written them already,
   * since units recompute one after the other in key order, not in the order that keeps a take-over
   * intact.
   */
  public static Set<UnitId> rivalsHolding(
      UnitId unit, List<WrittenObject> removed, MeshInputs inputs, Membership membership) {
    Set<UnitId> rivals = new java.util.HashSet<>();
    if (unit instanceof UnitId.ServiceUnit service) {
      removed.stream()
          .map(WrittenObject::hosted)
          .filter(java.util.Objects::nonNull)
          .map(HostedObject::host)
          .distinct()
          .flatMap(host -> servicesNaming(host, service.service(), inputs, membership).stream())
          .forEach(rival -> rivals.add(UnitId.service(rival)));
    } else if (unit instanceof UnitId.VirtualDestinationUnit) {
      rivals.addAll(
          candidates(VirtualDestinationTranslator.INSTANCE, unit, removed, inputs, membership));
    } else if (unit instanceof UnitId.RouteTableUnit) {
      rivals.addAll(candidates(RouteTableTranslator.INSTANCE, unit, removed, inputs, membership));
    } else if (unit instanceof UnitId.ExternalServiceUnit) {
      rivals.addAll(
          candidates(ExternalServiceTranslator.INSTANCE, unit, removed, inputs, membership));
    } else if (unit instanceof UnitId.ClustersetServiceUnit) {
      rivals.addAll(candidates(ClustersetTranslator.INSTANCE, unit, removed, inputs, membership));
    } else if (unit instanceof UnitId.PeeringUnit) {
      rivals.addAll(candidates(OssmTranslator.INSTANCE, unit, removed, inputs, membership));
    } else if (unit instanceof UnitId.PolicyUnit) {
      rivals.addAll(candidates(AccessPolicyTranslator.INSTANCE, unit, removed, inputs, membership));
    }
    return rivals;
  }

  /** The other units of a translator that could name one of the objects. */
  private static List<UnitId> candidates(
      Translator<? extends UnitId> translator,
      UnitId unit,
      List<WrittenObject> removed,
      MeshInputs inputs,
      Membership membership) {
    return removed.stream()
        .filter(o -> translator.kinds().contains(o.kind()))
        .flatMap(o -> translator.candidates(DesiredRef.of(o), inputs, membership).stream())
        .map(UnitId.class::cast)
        .filter(rival -> !rival.equals(unit))
        .toList();
  }

  /** The status units of a workspace and of the settings that govern it. */
  private static List<UnitId> statusUnits(WorkspacePlan plan) {
    List<UnitId> units = new java.util.ArrayList<>();
    units.add(UnitId.status(plan.workspace().id().cluster()));
    plan.settings().ifPresent(settings -> units.add(UnitId.status(settings.id().cluster())));
    return units;
  }

  /** The whole translation at once: what golden tests and audits compare. */
  public static SortedMap<UnitId, UnitResult> translateAll(
      MeshInputs inputs, TranslationSettings settings) {
    Membership membership = membership(inputs, settings);
    SortedMap<UnitId, UnitResult> results = new TreeMap<>(UNIT_ORDER);
    for (UnitId unit : allUnits(inputs)) {
      UnitResult result = translate(unit, inputs, membership);
      if (!result.isEmpty()) {
        results.put(unit, result);
      }
    }
    return results;
  }

  /**
   * Whether the inputs produce the object KIND/NAMESPACE/NAME (any API version) of a cluster's
   * desired config, and if not, the rule that keeps it out: the translator's own decisions.
   */
  public static Verdict verdict(
      MeshInputs inputs,
      TranslationSettings settings,
      String cluster,
      String kind,
      String namespace,
      String name) {
    return Verdict.of(
        inputs, membership(inputs, settings), new DesiredRef(cluster, kind, namespace, name));
  }
}
