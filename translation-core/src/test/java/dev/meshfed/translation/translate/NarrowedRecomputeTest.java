package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.WorkloadInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A change that recomputes only some units ({@link FederationTranslator#unitsAffectedBy}) leaves
 * every other unit's result exactly as a translation after the change would make it: checked for
 * changes to each VirtualDestination (a port, a label) and RouteTable (route labels, matchers) of
 * every golden case.
 */
class NarrowedRecomputeTest {

  static List<String> cases() throws IOException {
    return GoldenCase.names();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void unitsLeftOutOfAVirtualDestinationsChangeComeOutTheSame(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    List<VirtualDestinationInput> vds = golden.mesh().all(VirtualDestinationInput.class).toList();
    for (VirtualDestinationInput vd : vds) {
      check(golden, vd, NarrowedRecomputeTest::otherPort);
      check(golden, vd, NarrowedRecomputeTest::labelled);
    }
  }

  @org.junit.jupiter.api.Test
  void aPortChangeOfAVirtualDestinationRecomputesItsRoutesAndPoliciesOnly() throws IOException {
    GoldenCase golden = GoldenCase.named("destination-policies");
    VirtualDestinationInput reviews =
        golden
            .mesh()
            .all(VirtualDestinationInput.class)
            .filter(vd -> vd.id().name().equals("reviews"))
            .findFirst()
            .orElseThrow();
    MeshInputs mesh = golden.mesh();

    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            reviews.id(),
            Optional.of(reviews),
            Optional.of(otherPort(reviews)),
            mesh,
            FederationTranslator.membership(mesh, golden.settings()));

    assertThat(affected).isPresent();
    assertThat(affected.get())
        .contains(UnitId.virtualDestination(reviews.id()))
        .noneMatch(u -> u instanceof UnitId.GatewayUnit || u instanceof UnitId.ServiceUnit)
        .anyMatch(u -> u instanceof UnitId.PolicyUnit);
  }

  /**
   * Its WorkloadEntries read its port names only: with a named target port, a new number leaves
   * them as they are, and their unit out of the recompute. Unless a FailoverPolicy selects it,
   * since its ports choose which one wins.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"access-policies,false", "failover-locality,true"})
  void aPortChangeKeepingItsPortNamesRecomputesTheWorkloadEntriesOnlyUnderFailover(
      String name, boolean failover) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    MeshInputs mesh = golden.mesh();
    VirtualDestinationInput reviews = namedTargetPort(virtualDestination(mesh, "reviews"));
    mesh.put(reviews);
    Membership membership = FederationTranslator.membership(mesh, golden.settings());
    UnitId endpoints = UnitId.virtualDestinationEndpoints(reviews.id());
    UnitResult before = FederationTranslator.translate(endpoints, mesh, membership);

    VirtualDestinationInput renumbered = otherPort(reviews);
    mesh.put(renumbered);
    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            reviews.id(), Optional.of(reviews), Optional.of(renumbered), mesh, membership);

    assertThat(before.outputs())
        .isNotEmpty()
        .allMatch(o -> o.kind().equals(VirtualDestinationObjects.WORKLOAD_ENTRY));
    assertThat(affected).isPresent();
    assertThat(affected.get()).contains(UnitId.virtualDestination(reviews.id()));
    if (failover) {
      assertThat(affected.get()).contains(endpoints);
    } else {
      assertThat(affected.get()).doesNotContain(endpoints);
      assertThat(FederationTranslator.translate(endpoints, mesh, membership)).isEqualTo(before);
    }
  }

  /**
   * A backing Service's ports shape the entry's target ports, not the WorkloadEntries, nor what its
   * cluster's east-west gateway passes through.
   */
  @org.junit.jupiter.api.Test
  void aBackingServicesPortChangeLeavesTheWorkloadEntriesOut() throws IOException {
    GoldenCase golden = GoldenCase.named("virtual-destination");
    MeshInputs mesh = golden.mesh();
    ServiceInput service =
        mesh.all(ServiceInput.class)
            .filter(s -> s.id().name().equals("reviews"))
            .findFirst()
            .orElseThrow();
    ObjectId vd = virtualDestination(mesh, "reviews").id();

    Optional<SortedSet<UnitId>> portChange =
        affectedBy(service, otherServicePort(service), mesh, golden);
    Optional<SortedSet<UnitId>> relabelled =
        affectedBy(service, serviceRelabelled(service), mesh, golden);

    assertThat(portChange.orElseThrow())
        .contains(UnitId.virtualDestination(vd))
        .doesNotContain(
            UnitId.virtualDestinationEndpoints(vd), UnitId.gateway(service.id().cluster()));
    assertThat(relabelled.orElseThrow())
        .contains(
            UnitId.virtualDestination(vd),
            UnitId.virtualDestinationEndpoints(vd),
            UnitId.gateway(service.id().cluster()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void unitsLeftOutOfAServicesPortChangeComeOutTheSame(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    for (ServiceInput service : golden.mesh().all(ServiceInput.class).toList()) {
      check(golden, service, NarrowedRecomputeTest::otherServicePort);
    }
  }

  private static Optional<SortedSet<UnitId>> affectedBy(
      Input before, Input after, MeshInputs mesh, GoldenCase golden) {
    return FederationTranslator.unitsAffectedBy(
        before.id(),
        Optional.of(before),
        Optional.of(after),
        mesh,
        FederationTranslator.membership(mesh, golden.settings()));
  }

  private static VirtualDestinationInput virtualDestination(MeshInputs mesh, String name) {
    return mesh.all(VirtualDestinationInput.class)
        .filter(vd -> vd.id().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static VirtualDestinationInput namedTargetPort(VirtualDestinationInput vd) {
    return withPorts(
        vd,
        vd.generation(),
        p -> new VirtualDestinationInput.Port(p.number(), p.protocol(), "http"));
  }

  private static VirtualDestinationInput withPorts(
      VirtualDestinationInput vd,
      long generation,
      UnaryOperator<VirtualDestinationInput.Port> port) {
    return new VirtualDestinationInput(
        vd.id(),
        vd.creationTimestamp(),
        generation,
        vd.hosts(),
        vd.services(),
        vd.externalServices(),
        vd.labels(),
        vd.ports().stream().map(port).toList(),
        vd.problems());
  }

  private static ServiceInput otherServicePort(ServiceInput s) {
    return withLabelsAndPorts(
        s,
        s.labels(),
        s.ports().stream()
            .map(
                p ->
                    new ServicePortInput(
                        p.name(), p.port() + 1, p.targetPort(), p.protocol(), p.appProtocol()))
            .toList());
  }

  private static ServiceInput serviceRelabelled(ServiceInput s) {
    Map<String, String> labels = new HashMap<>(s.labels());
    labels.put("tier", "changed");
    return withLabelsAndPorts(s, labels, s.ports());
  }

  private static ServiceInput withLabelsAndPorts(
      ServiceInput s, Map<String, String> labels, List<ServicePortInput> ports) {
    return new ServiceInput(
        s.id(),
        s.type(),
        labels,
        s.selector(),
        ports,
        s.creationTimestamp(),
        s.headless(),
        s.exportTo());
  }

  @org.junit.jupiter.api.Test
  void aRouteTableWithAHostOfItsOwnRecomputesItselfOnly() throws IOException {
    GoldenCase golden = GoldenCase.named("external-services");
    RouteTableInput httpbin = golden.mesh().all(RouteTableInput.class).findFirst().orElseThrow();
    MeshInputs mesh = golden.mesh();

    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            httpbin.id(),
            Optional.of(httpbin),
            Optional.of(onlyForTesters(httpbin)),
            mesh,
            FederationTranslator.membership(mesh, golden.settings()));

    assertThat(affected).isPresent();
    assertThat(affected.get()).containsExactly(UnitId.routeTable(httpbin.id()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void unitsLeftOutOfARouteTablesChangeComeOutTheSame(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    for (RouteTableInput rt : golden.mesh().all(RouteTableInput.class).toList()) {
      check(golden, rt, NarrowedRecomputeTest::relabelled);
      check(golden, rt, NarrowedRecomputeTest::onlyForTesters);
      check(golden, rt, NarrowedRecomputeTest::otherSubsets);
    }
  }

  /**
   * Pods relabelled change the subsets their cluster serves, of Services and VirtualDestinations.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void unitsLeftOutOfAWorkloadsChangeComeOutTheSame(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    for (WorkloadInput workload : golden.mesh().all(WorkloadInput.class).toList()) {
      check(golden, workload, NarrowedRecomputeTest::otherVersion);
    }
  }

  /**
   * An export made the oldest, and its Service made headless, retyped or given another protocol:
   * which export defines the clusterset service, and which conflict, changes.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void unitsLeftOutOfAServiceExportOrItsServiceChangeComeOutTheSame(String name)
      throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    for (ServiceExportInput export : golden.mesh().all(ServiceExportInput.class).toList()) {
      check(golden, export, NarrowedRecomputeTest::oldest);
    }
    List<ServiceInput> exported =
        golden
            .mesh()
            .all(ServiceInput.class)
            .filter(
                s ->
                    golden
                        .mesh()
                        .all(ServiceExportInput.class)
                        .anyMatch(
                            e ->
                                e.id().cluster().equals(s.id().cluster())
                                    && e.id().namespace().equals(s.id().namespace())
                                    && e.id().name().equals(s.id().name())))
            .toList();
    for (ServiceInput service : exported) {
      check(golden, service, NarrowedRecomputeTest::headlessToggled);
      check(golden, service, NarrowedRecomputeTest::externalName);
      check(golden, service, NarrowedRecomputeTest::plainTcp);
    }
  }

  private static ServiceExportInput oldest(ServiceExportInput export) {
    return new ServiceExportInput(export.id(), "2000-01-01T00:00:00Z", export.generation() + 1);
  }

  private static ServiceInput headlessToggled(ServiceInput s) {
    return new ServiceInput(
        s.id(),
        s.type(),
        s.labels(),
        s.selector(),
        s.ports(),
        s.creationTimestamp(),
        !s.headless());
  }

  private static ServiceInput externalName(ServiceInput s) {
    return new ServiceInput(
        s.id(), "ExternalName", s.labels(), s.selector(), s.ports(), s.creationTimestamp());
  }

  private static ServiceInput plainTcp(ServiceInput s) {
    return new ServiceInput(
        s.id(),
        s.type(),
        s.labels(),
        s.selector(),
        s.ports().stream()
            .map(
                p -> new ServicePortInput("tcp-" + p.port(), p.port(), p.targetPort(), "TCP", null))
            .toList(),
        s.creationTimestamp(),
        s.headless());
  }

  private static WorkloadInput otherVersion(WorkloadInput workload) {
    Map<String, String> labels = new HashMap<>(workload.podLabels());
    labels.put("version", "v9");
    return new WorkloadInput(workload.id(), workload.serviceAccount(), labels);
  }

  /** Every destination sent to subset version=v9 instead of what it asked (or nothing). */
  private static RouteTableInput otherSubsets(RouteTableInput rt) {
    return eachRoute(
        rt,
        r ->
            route(
                r,
                r.labels(),
                r.matchers(),
                r.forwardTo() == null
                    ? null
                    : new RouteTableInput.ForwardTo(
                        r.forwardTo().destinations().stream()
                            .map(
                                d ->
                                    new RouteTableInput.RouteDestination(
                                        d.ref(),
                                        d.kind(),
                                        d.portNumber(),
                                        d.portName(),
                                        Map.of("version", "v9"),
                                        d.weight()))
                            .toList(),
                        r.forwardTo().pathRewrite(),
                        r.forwardTo().hostRewrite())));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void unitsLeftOutOfAnExternalServiceOrEndpointChangeComeOutTheSame(String name)
      throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    for (ExternalServiceInput es : golden.mesh().all(ExternalServiceInput.class).toList()) {
      check(golden, es, NarrowedRecomputeTest::retargeted);
    }
    for (ExternalEndpointInput e : golden.mesh().all(ExternalEndpointInput.class).toList()) {
      check(golden, e, NarrowedRecomputeTest::moved);
    }
  }

  /**
   * A VirtualDestination's entry lists the endpoints of the ExternalServices it selects: a change
   * to one of those, or to their ExternalEndpoints, recomputes it (here, with everything).
   */
  @org.junit.jupiter.api.Test
  void aChangeToAnExternalServiceOrItsEndpointRecomputesTheVirtualDestinationsItBacks()
      throws IOException {
    GoldenCase golden = GoldenCase.named("virtual-destination-external");
    ExternalServiceInput legacy =
        golden
            .mesh()
            .all(ExternalServiceInput.class)
            .filter(es -> es.id().name().equals("reviews-legacy"))
            .findFirst()
            .orElseThrow();
    ExternalEndpointInput endpoint =
        golden
            .mesh()
            .all(ExternalEndpointInput.class)
            .filter(e -> e.id().name().equals("legacy-1"))
            .findFirst()
            .orElseThrow();
    UnitId reviews =
        UnitId.virtualDestination(
            golden
                .mesh()
                .all(VirtualDestinationInput.class)
                .filter(vd -> vd.id().name().equals("reviews"))
                .findFirst()
                .orElseThrow()
                .id());

    assertRecomputes(golden, legacy, retargeted(legacy), reviews);
    assertRecomputes(golden, endpoint, moved(endpoint), reviews);
  }

  private static <I extends Input> void assertRecomputes(
      GoldenCase golden, I before, I after, UnitId unit) {
    List<Input> changedInputs = new ArrayList<>(golden.inputs());
    changedInputs.replaceAll(i -> i.id().equals(before.id()) ? after : i);
    MeshInputs changed = MeshInputs.of(changedInputs);
    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            before.id(),
            Optional.of(before),
            Optional.of(after),
            changed,
            FederationTranslator.membership(golden.mesh(), golden.settings()));

    assertThat(FederationTranslator.translateAll(changed, golden.settings()).get(unit))
        .as("%s after a change to %s", unit.key(), before.id().ref())
        .isNotEqualTo(
            FederationTranslator.translateAll(golden.mesh(), golden.settings()).get(unit));
    assertThat(affected.isEmpty() || affected.get().contains(unit))
        .as("a change to %s recomputes %s: %s", before.id().ref(), unit.key(), affected)
        .isTrue();
  }

  /** Every port sent to another endpoint port. */
  private static ExternalServiceInput retargeted(ExternalServiceInput es) {
    return new ExternalServiceInput(
        es.id(),
        es.creationTimestamp(),
        es.generation() + 1,
        es.hosts(),
        es.addresses(),
        es.ports().stream()
            .map(
                p ->
                    new ExternalServiceInput.Port(
                        p.number(),
                        p.name(),
                        p.protocol(),
                        String.valueOf(p.number() == null ? 1 : p.number() + 1000),
                        p.clientsideTls()))
            .toList(),
        es.selector(),
        es.subjectAltNames(),
        es.problems());
  }

  private static ExternalEndpointInput moved(ExternalEndpointInput e) {
    return new ExternalEndpointInput(
        e.id(), "198.51.100.99", e.ports(), e.labels(), e.locality(), e.problems());
  }

  private static <I extends Input> void check(GoldenCase golden, I vd, UnaryOperator<I> change) {
    MeshInputs before = golden.mesh();
    List<Input> changedInputs = new ArrayList<>(golden.inputs());
    I changed = change.apply(vd);
    changedInputs.replaceAll(i -> i.id().equals(vd.id()) ? changed : i);
    MeshInputs after = MeshInputs.of(changedInputs);
    Membership membership = FederationTranslator.membership(before, golden.settings());
    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            vd.id(), Optional.of(vd), Optional.of(changed), after, membership);
    if (affected.isEmpty()) {
      return;
    }
    Map<UnitId, UnitResult> was =
        new HashMap<>(FederationTranslator.translateAll(before, golden.settings()));
    Map<UnitId, UnitResult> is =
        new HashMap<>(FederationTranslator.translateAll(after, golden.settings()));
    for (UnitId unit : FederationTranslator.allUnits(after)) {
      if (!affected.get().contains(unit)) {
        assertThat(is.getOrDefault(unit, UnitResult.EMPTY))
            .as("%s, left out of the recompute after a change to %s", unit.key(), vd.id().ref())
            .isEqualTo(was.getOrDefault(unit, UnitResult.EMPTY));
      }
    }
  }

  /** Every route labelled anew: the route policies selecting it change. */
  private static RouteTableInput relabelled(RouteTableInput rt) {
    return eachRoute(rt, r -> route(r, Map.of("route", "relabelled"), r.matchers(), r.forwardTo()));
  }

  /** Every route matched by a header only testers send. */
  private static RouteTableInput onlyForTesters(RouteTableInput rt) {
    return eachRoute(
        rt,
        r ->
            route(
                r,
                r.labels(),
                List.of(
                    new RouteTableInput.HttpMatcher(
                        null,
                        List.of(new RouteTableInput.ValueMatcher("x-tester", "yes", false, false)),
                        List.of(),
                        null)),
                r.forwardTo()));
  }

  private static RouteTableInput eachRoute(
      RouteTableInput rt, UnaryOperator<RouteTableInput.HttpRoute> change) {
    return withRoutes(rt, rt.http().stream().map(change).toList());
  }

  /** The route with other labels, matchers and forwarding; its name, redirect and answer kept. */
  private static RouteTableInput.HttpRoute route(
      RouteTableInput.HttpRoute r,
      Map<String, String> labels,
      List<RouteTableInput.HttpMatcher> matchers,
      RouteTableInput.ForwardTo forwardTo) {
    return new RouteTableInput.HttpRoute(
        r.name(), labels, matchers, forwardTo, r.redirect(), r.directResponse());
  }

  private static RouteTableInput withRoutes(
      RouteTableInput rt, List<RouteTableInput.HttpRoute> routes) {
    return new RouteTableInput(
        rt.id(),
        rt.creationTimestamp(),
        rt.generation() + 1,
        rt.hosts(),
        rt.workloadSelectors(),
        rt.virtualGateways(),
        rt.defaultDestination(),
        routes,
        rt.weight(),
        rt.problems());
  }

  private static VirtualDestinationInput otherPort(VirtualDestinationInput vd) {
    return withPorts(
        vd,
        vd.generation() + 1,
        p ->
            new VirtualDestinationInput.Port(
                p.number() == null ? null : p.number() + 1, p.protocol(), p.targetPort()));
  }

  private static VirtualDestinationInput labelled(VirtualDestinationInput vd) {
    Map<String, String> labels = new HashMap<>(vd.labels());
    labels.put("tier", "changed");
    return new VirtualDestinationInput(
        vd.id(),
        vd.creationTimestamp(),
        vd.generation() + 1,
        vd.hosts(),
        vd.services(),
        vd.externalServices(),
        labels,
        vd.ports(),
        vd.problems());
  }
}
