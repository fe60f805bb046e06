package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
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
    }
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
    return withRoutes(
        rt,
        rt.http().stream()
            .map(
                r ->
                    new RouteTableInput.HttpRoute(
                        r.name(),
                        Map.of("route", "relabelled"),
                        r.matchers(),
                        r.forwardTo(),
                        r.redirect(),
                        r.directResponse()))
            .toList());
  }

  /** Every route matched by a header only testers send. */
  private static RouteTableInput onlyForTesters(RouteTableInput rt) {
    return withRoutes(
        rt,
        rt.http().stream()
            .map(
                r ->
                    new RouteTableInput.HttpRoute(
                        r.name(),
                        r.labels(),
                        List.of(
                            new RouteTableInput.HttpMatcher(
                                null,
                                List.of(
                                    new RouteTableInput.ValueMatcher(
                                        "x-tester", "yes", false, false)),
                                List.of(),
                                null)),
                        r.forwardTo(),
                        r.redirect(),
                        r.directResponse()))
            .toList());
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
    return new VirtualDestinationInput(
        vd.id(),
        vd.creationTimestamp(),
        vd.generation() + 1,
        vd.hosts(),
        vd.services(),
        vd.externalServices(),
        vd.labels(),
        vd.ports().stream()
            .map(
                p ->
                    new VirtualDestinationInput.Port(
                        p.number() == null ? null : p.number() + 1, p.protocol(), p.targetPort()))
            .toList(),
        vd.problems());
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
